"""What users ask of the graph: SPARQL, statistics, and (soon) paths, suggestions, brokers."""
