"""Phones typed where no form meant them (trial 162): `gridpay inspect` printed a file named for a resident's phone
and a landline typed as the door in clear, though it says phone numbers are masked."""
from conftest import SURVEY_HEADER, survey, write_csv


def test_inspect_masks_a_phone_in_the_file_s_name_and_a_landline_typed_as_the_door(make_inbox, capsys):
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    path = write_csv(inbox / "surveys" / "2026-09" / "张阿姨13987654321补录.csv", SURVEY_HEADER,
                     [survey("P1", "G1", "0556-5512345", ("4",) * 5), survey("P2", "G1", "+86 139-1234-0001", ("5",) * 5)])
    assert main(["inspect", str(path), "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "file: 张阿姨139****4321补录.csv" in out and "a run stops on this file's name: it holds a phone" in out
    assert "household_id=0556-****2345" in out and "household_id=139****0001" in out, out
    assert not [n for n in ("13987654321", "5512345", "12340001") if n in out]


def test_inspect_says_a_run_stops_on_a_typed_sheet_s_ids_that_are_phones(make_inbox, capsys):
    from gridpay.flows.cli import main
    inbox = make_inbox({})
    path = write_csv(inbox / "surveys" / "2026-09" / "纸质问卷.csv", SURVEY_HEADER,
                     [survey("13912341244", "G1", "1-1-101", ("4",) * 5), survey("13912341245", "G1", "1-1-102", ("5",) * 5)])
    assert main(["inspect", str(path), "--inbox", str(inbox)]) == 0
    out = capsys.readouterr().out
    assert "a run stops on this file: response id '139****1244' is a phone or ID number (and 1 more)" in out, out
    assert "1244" not in out.replace("139****1244", "")
