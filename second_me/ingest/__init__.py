"""Getting files into memory: what to read, how to read it, how to cut it, the queue and the indexer."""
