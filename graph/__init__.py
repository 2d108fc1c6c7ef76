"""The knowledge graph: records → networkx graph → RDF, GraphML, CSV, HTML; metrics and views.

``graph`` imports ``extract`` (for the records), never the other way round.
Entry points: :func:`graph.build.build_graph` and :func:`graph.export.write_build`.
"""
