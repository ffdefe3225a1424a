"""Under Prefect, a read step is retried on an I/O error and never on a bad answer (retries only on I/O)."""

import pytest



@pytest.mark.xdist_group("prefect")
def test_a_read_step_is_retried_on_an_io_error_and_a_bad_answer_is_not(prefect_server):
    from prefect import flow

    from gridpay.flows.month import prefect_step
    calls = []

    def flaky():
        calls.append("read")
        if len(calls) == 1:
            raise OSError("share went away")
        return "read"

    def wrong():
        calls.append("validate")
        raise ValueError("not an I/O error")

    @flow
    def steps():
        result = prefect_step("archive", flaky, io=True)        # waits the 5 s retry delay once
        with pytest.raises(ValueError):
            prefect_step("validate", wrong, io=True)
        return result

    assert steps() == "read"
    assert calls == ["read", "read", "validate"]     # the I/O error retried once; the ValueError never
