"""Export files: the whole build directory, GraphML, CSV tables, the heatmap and terminal tables."""
