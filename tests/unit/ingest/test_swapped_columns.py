"""workers.csv's phone and perf_pay_target headers over each other's values (trial 226 was told Excel had saved
'1800.00' as a number, and to type the phones again)."""
import pandas as pd
import pytest

from gridpay.core.errors import InputError
from gridpay.ingest.phones import require_worker_mobiles


def _workers(phones, targets) -> pd.DataFrame:
    return pd.DataFrame({"worker_id": ["W1", "W2"], "phone": phones, "perf_pay_target": targets,
                         "source_file": "workers.csv", "row_number": [2, 3]})


def test_swapped_phone_and_target_columns_are_said_as_such():
    with pytest.raises(InputError) as raised:
        require_worker_mobiles(_workers(["1800.00", "1,500"], ["13912345678", "13800000002"]))
    said = str(raised.value)
    assert "phone '1800.00' reads as a pay target and perf_pay_target '139****5678' as a phone, on every row" in said
    assert "put each header over its own column" in said and "row 2" in said and "13912345678" not in said


def test_a_phone_excel_saved_as_a_number_beside_targets_is_not_swapped():
    with pytest.raises(InputError, match="Excel saved it as a number"):
        require_worker_mobiles(_workers(["1.39123E+10", "13800000002"], ["1800.00", "1500.00"]))
    with pytest.raises(InputError, match="Excel saved it as a number"):      # one target a phone: no swap said
        require_worker_mobiles(_workers(["1.39123E+10", "1800"], ["13912345678", "1500.00"]))
