"""SQLite storage: connection, migrations, the memory store and its indexes."""
