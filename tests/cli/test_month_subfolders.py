"""A folder of survey files inside the month's folder stops the month (a seventy-eighth trial's download, unzipped
into surveys/2026-09/问卷星下载/, left a third of the answers out: published on the rest with exit 0)."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, write_csv


def test_a_folder_of_survey_files_inside_the_month_s_stops_it(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({"2026-09/问卷星.csv": HAND_SURVEYS[:5]})
    write_csv(inbox / "surveys" / "2026-09" / "问卷星下载" / "第二批.csv", SURVEY_HEADER, HAND_SURVEYS[5:])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and not (tmp_path / "out" / "2026-09").exists()
    assert ("2026-09: surveys/2026-09/ holds folders of survey files that the month does not read (2026-09/问卷星下载/ "
            "(1 survey file)): the month would be paid without their answers; nothing published.") in err
