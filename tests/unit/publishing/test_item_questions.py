"""The items chart labels an item the reports have no label for by the policy's question, as the table beside it
does (output format 25; trial 172's chart read sat_disclosure above a table reading 信息公开)."""
import duckdb

from gridpay.publishing.report_data import item_drivers


def _drivers(output_format: int) -> list[str]:
    con = duckdb.connect()
    con.execute("create table item_drivers as select * from (values ('r1', 'sat_disclosure', 68.35, 252, 0.43), "
                "('r1', 'sat_service', 70.54, 252, 0.39)) t(run_id, item, item_score, answered, corr_with_overall)")
    return [i["question"] for i in item_drivers(con, "r1", {"sat_disclosure": "信息公开"}, output_format)]


def test_an_item_s_question_is_its_label_from_format_25_only():
    assert _drivers(25) == ["信息公开", "sat_service"]        # sat_service: the reports' own label (服务态度) applies
    assert _drivers(24) == ["sat_disclosure", "sat_service"]   # a month published before renders as it was
