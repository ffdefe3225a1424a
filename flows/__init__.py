"""Orchestration: the only package that reads files, opens the warehouse and decides what runs."""
import os

# This machine's network is closed; Prefect's server would otherwise log a telemetry error.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
