"""RDF: the vocabulary, graph → triples, the sorted Turtle writer, SPARQL queries and uploads."""
