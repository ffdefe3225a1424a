"""What `gridpay callsheet` says of the sheet it wrote: the numbers HR can dial, and what to do about
the answers that left none (an eighteenth trial read "0 phone numbers in clear" as nothing to do)."""
from gridpay.pipeline.callsheet import results_file, sheet_summary


def test_answers_without_a_phone_are_verified_by_a_visit_and_masked_numbers_are_said():
    said = sheet_summary("2026-10", 39, 0, 0)
    assert said.startswith("39 calls of 2026-10 (verify.csv and callbacks.csv), 0 phone numbers in clear")
    assert said.endswith("; 39 of the answers left no phone: verify those by a visit (入户回访) and record the result "
                         "in verification/2026-10.csv as for a call")
    assert "left no phone" not in sheet_summary("2026-10", 5, 5, 0)
    assert "3 phone numbers in clear and 2 the survey platform masked" in sheet_summary("2026-10", 5, 5, 2)


def test_the_results_file_is_named_with_its_columns_and_words():
    """Trial 80's clerk, with the README only, found no columns for the calls' results."""
    assert results_file("2026-05") == (
        "record each result in the inbox's verification/2026-05.csv, a row each: response_id,result,called_by,"
        "called_on,note (result: 属实, 未参与, 受诱导, 未接通), and run the month again to apply them")


def test_a_number_given_for_several_homes_is_said_to_be_asked_about_the_home():
    """Trial 98's sheet sent 16 calls to the volunteer who typed the door visits' forms with her own phone."""
    from gridpay.pipeline.callsheet import shared_number_lines
    rows = [{"phone": "13812665544", "household_id": "2组1"}, {"phone": "138 1266 5544", "household_id": "2组3"},
            {"phone": "13900000001", "household_id": "2组5"}, {"phone": "13900000001", "household_id": "2组5"},
            {"phone": "", "household_id": "2组7"}, {"phone": "138****5544", "household_id": "2组9"}]
    assert shared_number_lines(rows) == 2
    from gridpay.pipeline.callsheet import _number_or_blank      # trial 293: 无 and 不愿透露 were counted as numbers
    assert [_number_or_blank(p) for p in ("无", "不愿透露", "138****5544", "")] == ["", "", "138****5544", ""]
    said = sheet_summary("2026-11", 6, 5, 1, 2)
    assert said.endswith("; 2 lines give a number given for several homes, most often the volunteer's or worker's who "
                         "typed the forms she collected: ask for the household by its door number, and record 未参与 "
                         "only where the household says it did not answer, never because the number's owner says she "
                         "typed it")
