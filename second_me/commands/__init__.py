"""CLI commands, one module per area; `second_me.cli` registers them on the app."""
