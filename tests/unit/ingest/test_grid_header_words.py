"""grids.csv's columns as HR heads them in Chinese: 别名 is read as the aliases (trial 250 was told to add an aliases
column, headed it 别名 as its other headers, and the run stopped on it as read as nothing)."""
from conftest import write_csv
from gridpay.ingest.formats import read_table
from gridpay.ingest.staging import refuse_unread_grid_columns
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY


def test_a_grids_csv_headed_bieming_reads_its_aliases(tmp_path):
    path = write_csv(tmp_path / "grids.csv", ("网格编号", "网格名称", "社区", "户数", "别名"),
                     [("G1", "滨江花园一网格", "滨江社区", "120", "滨江花园1网格")])
    grids = read_table(path, "grids", load_policy(DEFAULT_POLICY).aliases)
    refuse_unread_grid_columns(grids, replay=False)
    assert grids.loc[0, "aliases"] == "滨江花园1网格"
