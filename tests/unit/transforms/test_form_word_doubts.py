"""The words of a platform download's form, judged as given rows -> doubts (transforms/form_options.py)."""
from gridpay.transforms.form_options import form_word_doubts

REASONS = [("f.xlsx", "sat_overall", "不满意（请注明原因）〖下水道堵了〗", "2", 1),
           ("f.xlsx", "sat_overall", "不满意（请注明原因）〖路灯坏了〗", "2", 1),
           ("f.xlsx", "sat_overall", "满意", "4", 3)]


def test_residents_own_reasons_are_not_words_of_the_form():
    """A sixty-seventh trial's reasons, each a resident's own, read as 不满意 and then compared as two words."""
    assert form_word_doubts(REASONS, 1, 5, {}, cleaned=True) == []
    (doubt,) = form_word_doubts(REASONS, 1, 5, {})            # compared as typed, as a policy before the key
    assert doubt.kind == "one_point" and doubt.point == "2" and len(doubt.words) == 2


def test_an_unread_word_is_counted_by_what_it_reads_as_and_one_answer_alone_is_a_cell():
    others = [("f.xlsx", "sat_responsiveness", f"其他〖{why}〗", "其他", 1) for why in ("太慢", "没人接")]
    (doubt,) = form_word_doubts(others, 1, 5, {}, cleaned=True)
    assert str(doubt) == "'其他' is no answer gridpay reads (sat_responsiveness, 2 answers)"
    assert form_word_doubts(others[:1], 1, 5, {}, cleaned=True) == []
    assert str(form_word_doubts([("f", "sat_safety", "满意\u200b", "满意\u200b", 3)], 1, 5, {})[0]).startswith(
        "'满意<U+200B>' is no answer")


def test_two_words_of_one_point_given_one_after_the_other_are_an_option_renamed_in_the_month():
    """Trial 117: the form's 满意 renamed 比较满意 on the 15th stopped the month as a misread form; given in the same
    days, the two words are still one (a form with both options)."""
    from datetime import datetime
    rows = [("f.xlsx", "sat_overall", "满意", "4", 10), ("f.xlsx", "sat_overall", "比较满意", "4", 12),
            ("f.xlsx", "sat_overall", "非常满意", "5", 6)]          # the form's other options, kept through the edit
    day = lambda d, h=10: datetime(2026, 11, d, h)        # noqa: E731
    apart = {("f.xlsx", "sat_overall", "满意"): (day(1), day(15, 9)), ("f.xlsx", "sat_overall", "比较满意"): (day(15), day(30)),
             ("f.xlsx", "sat_overall", "非常满意"): (day(2), day(29))}
    (doubt,) = form_word_doubts(rows, 1, 5, {}, spans=apart)
    assert doubt.kind == "renamed" and str(doubt).startswith("'满意' and '比较满意' are both read as 4, each given only "
                                                             "after the one before it was last given")
    together = {**apart, ("f.xlsx", "sat_overall", "满意"): (day(1), day(20))}
    assert [d.kind for d in form_word_doubts(rows, 1, 5, {}, spans=together)] == ["one_point"]
    assert [d.kind for d in form_word_doubts(rows, 1, 5, {})] == ["one_point"]           # no times: as before
    few = [(f, i, w, p, 2) for f, i, w, p, _ in rows]       # two residents' answers: one after the other by chance
    assert [d.kind for d in form_word_doubts(few, 1, 5, {}, spans=apart)] == ["one_point"]
    # trial 170's November: a form of three options (满意 its top) replaced by one of five on the 12th: no answer at an
    # end of the scale before it, so its 满意 and 比较满意 are two points read as one, not an option renamed
    replaced = {**apart, ("f.xlsx", "sat_overall", "非常满意"): (day(15, 11), day(29))}
    assert [d.kind for d in form_word_doubts(rows, 1, 5, {}, spans=replaced)] == ["one_point"]


def test_a_download_with_no_answer_at_either_end_is_a_form_of_three_options():
    """Trial 170's October: 满意/基本满意/不满意, 满意 read as 4 (its best option scored 75), five workers paid 227 to
    433 yuan short, exit 0, after a warning that ended 'if no resident chose 非常满意, nothing is wrong'."""
    rows = [("f.xlsx", item, word, point, n) for item, n in (("sat_overall", 20), ("sat_safety", 19))
            for word, point in (("满意", "4"), ("基本满意", "3"), ("不满意", "2"))]
    (doubt,) = form_word_doubts(rows, 1, 5, {})
    assert (doubt.kind, doubt.words, doubt.rows) == ("no_ends", ("满意",), 39)
    assert str(doubt).startswith("'满意' is read as 4 and none of the file's answers is at 5 or at the scale's bottom")
    assert form_word_doubts(rows, 1, 5, {"满意": "4"}) == []                      # HR says the form has five: read so
    assert form_word_doubts(rows + [("f.xlsx", "sat_overall", "非常不满意", "1", 1)], 1, 5, {}) == []
    assert form_word_doubts(rows[3:], 1, 5, {}) == []            # 19 residents' answers to a question: too few to tell



def test_a_typed_sheets_two_options_of_one_point_with_none_at_the_top_are_a_form_topped_by_manyi():
    """Trial 300: a WPS sheet of a paper form 满意/比较满意/一般/不太满意/不满意 read 满意 as 4 beside 比较满意 and 不满意
    as 2 beside 不太满意 (W01 1597.68 for 1689.12, exit 0). A file with a word at the top, a resident's own words
    (不满意，楼道脏) and points written 4分 are no such doubt; a top typed as the digit 5 is no word of the form (its
    re-check's one cell so typed turned the check off)."""
    from gridpay.transforms.form_options import typed_ladder_doubts
    words = {"比较满意": "4", "不太满意": "2", "4分": "4"}
    rows = [("wps.xlsx", "sat_overall", "满意", "4", 9), ("wps.xlsx", "sat_overall", "比较满意", "4", 5),
            ("wps.xlsx", "sat_overall", "不太满意", "2", 2), ("wps.xlsx", "sat_overall", "不满意", "2", 1),
            ("wps.xlsx", "sat_safety", "满意", "4", 4), ("wps.xlsx", "sat_safety", "比较满意", "4", 3)]
    doubts = typed_ladder_doubts(rows, 1, 5, words)
    assert [(d.point, d.words, d.items, d.rows, d.kind) for d in doubts] == [
        ("2", ("不太满意", "不满意"), ("sat_overall",), 3, "typed_one_point"),
        ("4", ("满意", "比较满意"), ("sat_overall", "sat_safety"), 21, "typed_one_point")]
    assert str(doubts[0]) == "'不太满意' and '不满意' are both read as 2, none of its words at 5 (sat_overall, 3 answers)"
    assert typed_ladder_doubts(rows + [("wps.xlsx", "sat_safety", "非常满意", "5", 1)], 1, 5, words) == []
    assert len(typed_ladder_doubts(rows + [("wps.xlsx", "sat_safety", "5", "5", 1)], 1, 5, words)) == 2
    own = [("v.csv", "sat_overall", "不满意", "2", 3), ("v.csv", "sat_overall", "不满意，楼道脏", "2", 1),
           ("v.csv", "sat_overall", "比较满意", "4", 2), ("v.csv", "sat_overall", "4分", "4", 2)]
    assert typed_ladder_doubts(own, 1, 5, words) == []


def test_a_typed_sheet_of_three_options_none_at_either_end_is_a_form_topped_by_manyi():
    """Trial 300's re-check: a sheet typed 满意/一般/不满意 (a form of three options) read 满意 as 4 and 不满意 as 2, no two
    words of one point, published (W01 1597.68 for 1654.56, exit 0)."""
    from gridpay.transforms.form_options import typed_ladder_doubts
    rows = [("wps.xlsx", "sat_overall", "满意", "4", 12), ("wps.xlsx", "sat_safety", "满意", "4", 10),
            ("wps.xlsx", "sat_overall", "一般", "3", 6), ("wps.xlsx", "sat_overall", "不满意", "2", 6)]
    (doubt,) = [d for d in typed_ladder_doubts(rows, 1, 5, {}) if d.point == "4"]
    assert doubt.kind == "typed_no_ends" and doubt.rows == 22 and "a form of three options" in str(doubt)
    assert typed_ladder_doubts(rows, 1, 5, {"满意": "5"}) == []          # its words given their points
    # 12 saying 满意: too few to tell, so said and not stopped (the 10-row sheet of trial 300's re-check published unsaid)
    (few,) = typed_ladder_doubts(rows[:1] + rows[2:], 1, 5, {})
    assert few.kind == "typed_few_ends" and few.rows == 12 and "too few to tell its paper form" in str(few)
    assert typed_ladder_doubts(rows + [("wps.xlsx", "sat_safety", "非常不满意", "1", 1)], 1, 5, {}) == []
    assert typed_ladder_doubts(rows[:2], 1, 5, {}) == []        # 满意 alone: no form of three options shown
