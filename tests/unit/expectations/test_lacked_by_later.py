"""A download's answers a later download of its form lacks (expectations/repeated_ids.py lacked_by_later): trial 193
was told to put its 14 November download "in place of" itself beside the 1 December one, which lacked answer T200:
followed, T200 would have been lost without a word."""
from conftest import SURVEY_HEADER, survey, write_csv

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY


def test_the_answers_only_an_earlier_download_holds_are_named(make_inbox, tmp_path):
    from gridpay.expectations.repeated_ids import ids_across_files, lacked_by_later
    from gridpay.ingest.staging import stage_inputs
    answers = [survey(f"T{n}", "G1" if n % 2 else "G2", f"{n}栋1单元101", ("4",) * 5, f"2026-11-{n:02d} 10:00:00")
               for n in range(1, 13)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-11" / "云杉_20261114.csv", SURVEY_HEADER, answers[:9])        # T1-T9
    write_csv(inbox / "surveys" / "2026-11" / "云杉_20261201.csv", SURVEY_HEADER,
              answers[:7] + answers[8:])                  # T8 deleted on the platform since; T10-T12 given after
    policy = load_policy(DEFAULT_POLICY)
    stage_inputs(inbox, "2026-11", policy, b"k", tmp_path / "work")
    found = lacked_by_later(tmp_path / "work", ids_across_files(tmp_path / "work", policy.items))
    assert found == {"surveys/2026-11/云杉_20261114.csv": ("surveys/2026-11/云杉_20261201.csv", 1, ("T8",))}
    # the later download holding every answer of the earlier: nothing lacked (the two-downloads stop names the pair)
    write_csv(inbox / "surveys" / "2026-11" / "云杉_20261201.csv", SURVEY_HEADER, answers)
    stage_inputs(inbox, "2026-11", policy, b"k", tmp_path / "again")
    assert lacked_by_later(tmp_path / "again", ids_across_files(tmp_path / "again", policy.items)) == {}
