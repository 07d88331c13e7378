"""Database layer: engine, unit of work, numbering, audit, migrations."""
