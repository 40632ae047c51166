"""How memories live: retention and reinforcement, pruning, facts, summaries."""
