"""The memory benchmark: a dataset of conversations, notes and questions; metrics; the runner."""
