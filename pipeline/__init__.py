"""The month's pipeline: archive -> stage -> validate -> score -> publish, run without Prefect
(run.py), the steps it calls (steps.py, publish_step.py), the auditor's re-run (audit.py), rendering a published
month again (rerender.py) and the checks `doctor` makes (maintenance.py). It uses every room below
it; the shell (flows/) hands it what it needs from outside (a Prefect step, a Dask stager)."""
