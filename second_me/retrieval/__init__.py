"""Finding the right memories: query parsing, hybrid search, fusion, context building, abstention."""
