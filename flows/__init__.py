"""The shells: the command line and the Prefect flows around the core (pipeline/run.py)."""
import os

# This machine's network is closed; Prefect's server would otherwise log a telemetry error.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# A temporary server's first start migrates a fresh database: 20 s (Prefect's default) is too
# little on a small machine, and the run then dies before it starts.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
