"""Answers giving the phone a worker was last paid with are hers only on a grid she held in the month (expectations/
reused_worker_ids.py): trial 135's W05, re-hired in November, had her October complaint about her old grid, left
without a worker, offered to be taken out as her own rating when October was run again."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.reused_worker_ids import _old_phone_answers
from gridpay.ingest.staging import stage_inputs
from gridpay.ingest.survey_stage import stage_connection


def test_a_leaver_s_old_phone_on_her_old_grid_is_hers_only_in_a_month_she_held_it(make_inbox, tmp_path):
    inbox = make_inbox({}, assignments=[("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "2026-08-31", ""),
                                        ("W3", "G2", "2026-09-11", "", "")])
    rows = HAND_SURVEYS + [survey("C1", "G2", "G2-9-101", ("1",) * 5, "2026-09-05 10:00:00", "13900009999")]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    with stage_connection(tmp_path / "work") as con:
        (phone,) = con.execute("select respondent_phone_hash from surveys where response_id = 'C1'").fetchone()
    assert _old_phone_answers(tmp_path / "work", "W2", phone, "2026-09") == []       # she left G2 on 08-31
    assert _old_phone_answers(tmp_path / "work", "W2", phone, "2026-08") == ["C1"]   # (a month she held it)
    assert _old_phone_answers(tmp_path / "work", "W3", phone, "2026-09") == ["C1"]   # W3 holds G2 in September
