"""The terminal app. Textual is imported only from here, so the CLI starts fast."""
