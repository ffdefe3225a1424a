"""Pure transforms: DuckDB SQL models (sql/) and typed Python functions without I/O."""
