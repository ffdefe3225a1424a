"""A mistyped GRIDPAY_DASK_ADDRESS (trial 187 gave the dashboard's port, 8787): the stop says which address to give."""
import pytest

from gridpay.core.errors import ConfigError
from gridpay.flows.partitions import dask_client


def test_an_address_no_scheduler_answers_at_says_which_to_give(monkeypatch):
    import distributed
    monkeypatch.setenv("GRIDPAY_DASK_ADDRESS", "tcp://127.0.0.1:8787")

    def refused(address, timeout):
        raise OSError(f"Timed out trying to connect to {address} after {timeout}")
    monkeypatch.setattr(distributed, "Client", refused)
    with pytest.raises(ConfigError, match=r"GRIDPAY_DASK_ADDRESS=tcp://127.0.0.1:8787: no Dask scheduler answers there "
                                          r"\(Timed out .*\): give the address the scheduler printed when it started "
                                          r"\(`Scheduler at: tcp://host:8786`; 8787 is its dashboard\), or unset "
                                          r"GRIDPAY_DASK_ADDRESS"):
        with dask_client(2):
            pass
