"""Database tables, engine, schema versions, services and case files. No Qt."""
