"""A CSV saved with old Mac line ends (\r only) reads as the same lines (a seventy-eighth trial's stopped with
"unexpected error ... new-line character seen in unquoted field", naming no file)."""
from gridpay.ingest.duckdb_reader import duckdb_readable
from gridpay.ingest.formats import Source
from gridpay.ingest.sheets import sheet_cells


def test_a_csv_with_carriage_returns_only_reads_as_its_lines(tmp_path):
    text = "response_id,grid_id,household_id\r1,G1,3栋101\r2,G2,\"4栋\r201\"\r"
    mac, unix = tmp_path / "mac.csv", tmp_path / "unix.csv"
    mac.write_bytes(text.encode("utf-8"))
    unix.write_bytes(text.replace("\r", "\n").encode("utf-8"))
    assert duckdb_readable(Source("surveys/2026-11.csv", mac), tmp_path, 0, {}) is None     # the sheet reader's
    cells = sheet_cells(Source("surveys/2026-11.csv", mac))
    assert cells == sheet_cells(Source("surveys/2026-11.csv", unix))
    assert cells[1] == ["1", "G1", "3栋101"] and len(cells) == 3
