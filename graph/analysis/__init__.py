"""Analysis of the graph: concept co-occurrence, centrality, communities, the unit × theme matrix."""
