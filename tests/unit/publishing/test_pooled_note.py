"""The residents' notice of output format 25: a pooled grid's note gives the answers and months its score rests on
(trial 173's notice read 52.93 beside 4 answers and 合并近月评分, the score resting on 14 answers of three months), and
the answers naming no grid are counted (trial 177)."""
from gridpay.publishing.notice import pooled_note
from gridpay.reports.strings import labels

POOLED = {"flags": "pooled;thin_month", "window_months": "2026-09,2026-10,2026-11", "window_responses": 14}


def test_a_pooled_grid_s_note_gives_its_answers_and_months_from_format_25():
    words = labels("zh")
    assert pooled_note(POOLED, words, 25, "合并近月评分、本月问卷不足") == "合并近月评分（2026-09至2026-11共14份答卷）、本月问卷不足"
    assert pooled_note(POOLED, words, 24, "合并近月评分") == "合并近月评分"                  # as published before
    assert pooled_note({**POOLED, "flags": "few_responses"}, words, 25, "样本较少") == "样本较少"
    assert pooled_note(POOLED, labels("en"), 25, "pooled months") == "pooled months (14 answers of 2026-09 to 2026-11)"


def test_the_answers_naming_no_grid_are_counted_for_the_notice():
    """Trial 177's resident could not learn that her neighbour's 其他〖3栋〗 counted in no grid."""
    from gridpay.publishing.notice import gridless_answers
    quarantine = [{"code": "blank:grid_id", "count": 4}, {"code": "unknown_grid;answer_out_of_scale:sat_overall",
                                                          "count": 1}, {"code": "speeder", "count": 7}]
    assert gridless_answers(quarantine) == 5 and gridless_answers([]) == 0
