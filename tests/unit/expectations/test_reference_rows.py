"""Lines for reference rows a clerk types as a sheet, not as data: a 合计 or 备注 row, a bonus without a worker,
a worker named rather than given by id (trials 138 and 141)."""
import pytest
from conftest import write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.core.errors import InputError
from gridpay.expectations.summary_rows import summary_cell
from gridpay.expectations.validate import validate_staged
from gridpay.ingest.staging import stage_inputs


ADJUSTMENTS = ("worker_id", "month", "amount", "reason", "approved_by")


@pytest.mark.parametrize("cells, found", [
    ({"worker_id": "合 计", "amount": "150.00"}, ("worker_id", "totals")),
    ({"worker_id": None, "month": "2026-09", "reason": "合计："}, ("reason", "totals")),
    ({"worker_id": "备注：W3 九月调岗", "grid_id": None}, ("worker_id", "notes")),
    ({"worker_id": "制表人：李敏", "grid_id": "审核：张华"}, ("worker_id", "notes")),
    ({"worker_id": "W1", "reason": "合计加班三天"}, None),           # a reason that mentions a total is a reason
    ({"worker_id": "W1", "reason": "说明会值班"}, None),             # a note word past the first cell is data
])
def test_a_totals_or_notes_row_is_told_by_its_cells(cells, found):
    assert summary_cell(cells) == found


def _refusal(inbox, tmp_path) -> str:
    policy = load_policy(DEFAULT_POLICY)
    stage_inputs(inbox, "2026-09", policy, b"k", tmp_path / "work")
    with pytest.raises(InputError) as refused:
        validate_staged(tmp_path / "work", "2026-09", policy)
    return str(refused.value)


@pytest.mark.parametrize("row, says", [
    (("合计", "", "200.00", "", ""), "adjustments.csv, row 3, column 'worker_id': this row reads as a totals row"),
    (("", "2026-09", "200.00", "合计", "人事科"), "row 3, column 'reason': this row reads as a totals row"),
    # a bonus for nobody passed, and its amount was paid to no one
    (("", "2026-09", "200.00", "夜班", "人事科"), "row 3, column 'worker_id': worker_id is blank"),
    (("王伟", "2026-09", "200.00", "夜班", "人事科"),
     "worker_id '王伟' is not in workers.csv (王伟 is the name of W1 in workers.csv: type the worker's id)"),
])
def test_an_adjustments_row_that_is_no_workers_line_is_refused_so(make_inbox, tmp_path, row, says):
    inbox = make_inbox()
    write_csv(inbox / "adjustments.csv", ADJUSTMENTS, [("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任"), row])
    assert says in _refusal(inbox, tmp_path)


def test_a_name_two_workers_share_names_both_and_picks_neither(make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王芳", "", "1000.00"), ("W2", "李娜", "", "800.00"), ("W3", "王芳", "", "600.00"),
               ("W4", "刘玥", "", "900.00")])
    write_csv(inbox / "adjustments.csv", ADJUSTMENTS, [("王芳", "2026-09", "50.00", "加班", "人事科")])
    assert "(王芳 is the name of W1 and W3 in workers.csv: type the worker's id, and check which of them is meant)" \
        in _refusal(inbox, tmp_path)


def test_a_notes_row_under_the_assignments_is_named(make_inbox, tmp_path):
    inbox = make_inbox()
    with (inbox / "assignments.csv").open("a", encoding="utf-8") as handle:
        handle.write("备注：W3 九月十六日接替W2,,,,\n")
    assert "assignments.csv, row 7, column 'worker_id': this row reads as a row of notes, not data" \
        in _refusal(inbox, tmp_path)


def test_a_name_beside_the_id_that_is_another_workers_is_refused(make_inbox, tmp_path):
    """Trial 141's `W05,王芳,...` paid 陈刚 (W05) the bonus meant for 王芳, exit 0: the 姓名 column was read and ignored."""
    inbox = make_inbox()
    write_csv(inbox / "adjustments.csv", ("worker_id", "姓名", *ADJUSTMENTS[1:]),
              [("W1", "王 伟", "2026-09", "50.00", "加班", "人事科"), ("W2", "王伟", "2026-09", "300", "奖励", "人事科")])
    assert ("adjustments.csv, row 3, column 'name': name '王伟' is not the name workers.csv gives the row's worker_id: "
            "the id is paid, so check which worker is meant (W2 is 李娜 in workers.csv)") in _refusal(inbox, tmp_path)


def test_a_line_without_a_month_and_a_grid_typed_by_name_are_refused(make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "adjustments.csv", ADJUSTMENTS, [("W1", "", "50.00", "加班", "人事科")])
    assert "adjustments.csv, row 2, column 'month': month is blank" in _refusal(inbox, tmp_path)
    (inbox / "adjustments.csv").unlink()
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [("W1", "天桥新村一网格", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")])
    assert ("grid_id '天桥新村一网格' is not in grids.csv (天桥新村一网格 is the grid_name of G1 in grids.csv: type the "
            "grid's id)") in _refusal(inbox, tmp_path / "again")


def test_a_grid_typed_by_its_alias_in_assignments_is_told_its_id(make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "一网格；天桥一"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [("W1", "天桥一", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")])
    assert "(天桥一 is an alias of G1 in grids.csv: type the grid's id)" in _refusal(inbox, tmp_path)


def test_a_grid_id_in_other_letter_case_in_assignments_is_offered(make_inbox, tmp_path):
    """Trial 228's clerk typed g4 for G4: refused with no 'did you mean', while WO3 for W03 was offered W03."""
    inbox = make_inbox()
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [("W1", "g1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", "")])
    assert "grid_id 'g1' is not in grids.csv (did you mean G1?)" in _refusal(inbox, tmp_path)


def test_an_id_whose_leading_zeros_a_spreadsheet_dropped_is_told_so(make_inbox, tmp_path):
    """Trial 154's workers.csv, saved again by Excel, held 7 for 007; the line offered 006 or 005."""
    inbox = make_inbox()
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("005", "王芳", "", "1000.00"), ("006", "李娜", "", "800.00"), ("7", "刘玥", "", "900.00")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [("005", "G1", "2026-01-01", "", ""), ("007", "G2", "2026-01-01", "", "")])
    says = _refusal(inbox, tmp_path)
    assert ("worker_id '007' is not in workers.csv (workers.csv has 7: a spreadsheet drops an id's leading zeros (007 "
            "saved as 7); type the id one way in both files, as text)") in says and "did you mean" not in says


def test_a_long_id_as_a_spreadsheet_keeps_it_is_told_so_and_not_shown(make_inbox, tmp_path):
    """Trial 205: a 身份证号 worker id saved by Excel as 3.40104E+17, or as its first 15 digits and zeros, was refused
    with no word of Excel (the second masked beside its match in workers.csv)."""
    inbox = make_inbox()
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("005", "王芳", "", "1000.00"), ("340104198805061234", "黄丽", "", "800.00")])
    for n, (typed, said) in enumerate((
            ("3.40104E+17", "a spreadsheet saved a long number in scientific notation: format the column as text and "
                            "type the ids again"),
            ("340104198805061000", "workers.csv has an id of the same first 15 digits: a spreadsheet keeps 15 digits of "
                                   "a number and makes the rest 0"))):
        write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
                  [("005", "G1", "2026-01-01", "", ""), (typed, "G2", "2026-01-01", "", "")])
        says = _refusal(inbox, tmp_path / str(n))
        assert said in says and "340104198805061234" not in says, says


def test_a_grid_name_beside_the_id_that_is_another_grids_is_refused(make_inbox, tmp_path):
    """Trial 171's `FL07,锦湖家园一网格` (FL06's name) paid 赵磊 on FL07, exit 0: 网格名称 was read and not checked.
    The grid's alias, or its name with a space, is its name."""
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "一网格；天桥一"), ("G2", "井湖村二网格", "天井湖社区", "10", "")])
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "网格名称", "start_date", "end_date", "weight"),
              [("W1", "G1", "天桥一", "2026-01-01", "", ""), ("W2", "G2", "井湖村 二网格", "2026-01-01", "", "")])
    policy = load_policy(DEFAULT_POLICY)
    stage_inputs(inbox, "2026-09", policy, b"k", tmp_path / "work")
    validate_staged(tmp_path / "work", "2026-09", policy)           # both rows name their own grid
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "网格名称", "start_date", "end_date", "weight"),
              [("W1", "G1", "天桥新村一网格", "2026-01-01", "", ""), ("W2", "G1", "井湖村二网格", "2026-01-01", "", "")])
    assert ("assignments.csv, row 3, column 'grid_name': grid_name '井湖村二网格' is not the name grids.csv gives the "
            "row's grid_id: the id is paid, so check which grid is meant (G1 is 天桥新村一网格 in grids.csv)"
            ) in _refusal(inbox, tmp_path / "again")


def test_a_blank_id_under_a_row_giving_one_is_told_as_a_merged_cell(make_inbox, tmp_path):
    """Trial 171's worker of two grids had her 工号 merged over both rows: Excel kept it in the first row only."""
    inbox = make_inbox()
    write_csv(inbox / "assignments.csv", ("worker_id", "grid_id", "start_date", "end_date", "weight"),
              [("W1", "G1", "2026-01-01", "", "0.5"), ("", "G2", "2026-01-01", "", "0.5")])
    assert ("assignments.csv, row 3, column 'worker_id': worker_id is blank (the row above gives W1: a cell merged over "
            "two rows keeps its value in the first only; type the worker_id in each row)") in _refusal(inbox, tmp_path)


def test_a_name_beside_the_id_typed_with_another_dot_is_the_same_name(make_inbox, tmp_path):
    """Trial 233: 古丽娜尔•吐尔逊 beside workers.csv's 古丽娜尔．吐尔逊 stopped the run, the two alike to the eye."""
    inbox = make_inbox()
    text = (inbox / "workers.csv").read_text(encoding="utf-8").replace("李娜", "古丽娜尔．吐尔逊")
    (inbox / "workers.csv").write_text(text, encoding="utf-8")
    write_csv(inbox / "adjustments.csv", ("worker_id", "姓名", *ADJUSTMENTS[1:]),
              [("W2", "古丽娜尔•吐尔逊", "2026-09", "50.00", "加班", "人事科"), ("W1", "王伟", "2026-09", "10", "奖励", "人事科")])
    policy = load_policy(DEFAULT_POLICY)
    stage_inputs(inbox, "2026-09", policy, b"k", tmp_path / "work")
    validate_staged(tmp_path / "work", "2026-09", policy)            # no refusal: the dots are not the name
