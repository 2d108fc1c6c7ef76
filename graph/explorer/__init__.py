"""The interactive HTML explorer: views of the graph, their data blocks and the pyvis pages."""
