"""Phones a survey platform masked in its download (138****5678): a field trial's worker rated his own
grid through one and was paid for it (1532.96 for 1493.60, exit 0), while three homes sharing one mask
were flagged as one phone answering for several households."""
from conftest import SURVEY_HEADER, WORKER_PHONE, scored_below_the_cli, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import policy_from_toml

MASK = f"{WORKER_PHONE[:3]}****{WORKER_PHONE[-4:]}"        # W1's phone as the platform shows it


def _month(make_inbox, tmp_path, policy, mask: str = MASK) -> tuple[dict, set]:
    rows = [survey("OWN", "G1", "1栋1单元101", ("5",) * 5, phone=mask)]
    rows += [survey(f"G2-{i}", "G2", f"{i}栋1单元101", ("4",) * 5, phone="139****5678") for i in range(3)]
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    with scored_below_the_cli(inbox, tmp_path / "work", policy)[1] as con:
        excluded = dict(con.execute("select response_id, reason_code from quarantine").fetchall())
        flagged = {r for (r,) in con.execute("select s.response_id from response_flags f join raw_surveys s "
                                             "using (run_id, row_id) where f.flag = 'shared_phone'").fetchall()}
    return excluded, flagged


def test_a_masked_phone_showing_a_workers_digits_is_their_self_rating(make_inbox, tmp_path):
    excluded, flagged = _month(make_inbox, tmp_path, load_policy(DEFAULT_POLICY))
    assert excluded == {"OWN": "self_rating"} and flagged == set()      # three homes, one mask: no phone


def test_a_masked_phone_with_a_country_code_or_spaces_is_the_same_mask(make_inbox, tmp_path):
    """Trial 204: +86 138****8000 was hashed as its nine digits, matched no worker's phone, and W's rating counted."""
    for i, mask in enumerate((f"+86 {MASK}", f"{WORKER_PHONE[:3]} **** {WORKER_PHONE[-4:]}")):
        excluded, _ = _month(make_inbox, tmp_path / str(i), load_policy(DEFAULT_POLICY), mask)
        assert excluded == {"OWN": "self_rating"}, mask


def test_a_policy_without_the_key_reads_a_masked_phone_as_typed(make_inbox, tmp_path):
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace('masked_phones = "shown_digits"', "")
    excluded, flagged = _month(make_inbox, tmp_path, policy_from_toml(text))
    assert "OWN" not in excluded                                         # as before the rule: counted
    assert flagged == {"G2-0", "G2-1", "G2-2"}                           # and one mask one phone


def test_the_masked_phones_line_says_only_what_is_left_to_do():
    """A twenty-eighth trial's only masked phone was recognised as a worker's, and the line still spoke
    of 'the others' and told HR to download the answers again."""
    from gridpay.ingest.masked_phones import MaskedPhones
    one = MaskedPhones(rows=1, shown_digits=True, workers=1).line()
    assert one.endswith("it shows the digits of a worker's phone and is read as that worker's (a self-rating where "
                        "it rates their grid)") and "download" not in one
    some = MaskedPhones(rows=3, shown_digits=True, workers=1).line()
    assert "1 shows the digits of a worker's phone and is read as that worker's; the others (2) as no phone" in some
    assert some.endswith("download the answers with the phone numbers shown")
    assert MaskedPhones(rows=0, shown_digits=True).line() is None


def test_a_phone_with_a_digit_unclear_is_said(caplog):
    """Trial 124: W04's own paper form, phone typed 1391234040?, matched no worker's and counted, nothing said."""
    import pandas as pd
    from gridpay.ingest.phones import unreadable_in_frame
    frame = pd.DataFrame({"source_file": ["纸质.xlsx"] * 3, "row_number": [2, 3, 4],
                          "respondent_phone": ["1391234040?", "138****5678", "13912340404"]})
    assert not unreadable_in_frame(frame).any()                 # read as before: the line is the change
    assert "纸质.xlsx: 1 phone with a digit unclear, row 2 (139****040): counted with no phone a worker has" in caplog.text
