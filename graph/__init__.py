"""The knowledge graph: records → networkx graph → RDF, GraphML, CSV, HTML; metrics and views.

``graph`` imports ``extract`` (for the records), never the other way round.
Entry points: :func:`xianjice.graph.build.build_graph` and :func:`xianjice.graph.writers.export.write_build`.
"""
