"""The residents' notice on one page (publishing/notice.py): given a notice's HTML -> the layout it is written in.
Trial 82's corrected, finalized notice of five grids put its footer alone on a second page."""
from gridpay.publishing.notice import one_page_notice

SHORT = '<html><body class="notice"><h1>和平社区</h1><p>公示</p></body></html>'
LONG = '<html><body class="notice"><h1>和平社区</h1>' + "<p>公示期内的异议照常受理。</p>" * 60 + "</body></html>"


def test_a_notice_that_would_run_onto_a_second_page_is_laid_out_dense_from_output_format_12():
    assert '<body class="notice dense">' in one_page_notice(LONG, None, 12)
    assert one_page_notice(SHORT, None, 12) == SHORT


def test_a_notice_still_over_a_page_when_dense_is_set_smaller_again_from_output_format_33():
    # trial 285: the seed's 19 grids, three thin grids' notes wrapping, ran to two pages dense
    longer = '<html><head></head><body class="notice"><h1>和平社区</h1>' + "<p>公示期内的异议照常受理。</p>" * 40 + "</body></html>"
    assert "body.notice.dense td:last-child" in one_page_notice(longer, None, 33)
    assert "body.notice.dense td:last-child" not in one_page_notice(longer, None, 32)      # as published then
    assert one_page_notice(SHORT, None, 33) == SHORT


def test_a_notice_of_output_format_11_is_written_as_published():
    assert one_page_notice(LONG, None, 11) == LONG


def test_a_grid_paid_at_neutral_is_said_on_the_notice_to_have_moved_no_pay_from_output_format_15():
    """Trial 93's resident read a thin grid's 48.16 (问卷不足) as the score that decided its worker's pay."""
    from gridpay.publishing.notice import notice_pages
    grid = {"grid_id": "G6", "grid_name": "沿街商铺网格", "community": "石榴社区", "adjusted_score": "48.16",
            "responses": 6, "response_rate_pct": "12.00%", "flags": "insufficient_responses"}

    def page(fmt: int) -> str:
        window = {"start": "", "end": "", "open": False, "final": False, "contact": "", "published": None}
        run = {"month": "2026-10", "policy_version": "2027.11", "empty_month": False, "output_format": fmt,
               "window": window}
        return notice_pages([grid], [], run, "zh")["石榴社区"]
    assert "问卷不足，本月绩效按中性系数计（此得分未用于绩效）" in page(15)
    assert "<td>问卷不足</td>" in page(14) and "此得分未用于绩效" not in page(14)


def test_the_notice_of_format_16_names_no_worker_in_a_review_and_says_self_ratings_by_the_phone():
    """Trial 98: HR's own correction was told to residents as a worker's appeal, and forms a worker carried round
    (typed with her phone) as the worker's own ratings."""
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.publishing.notice import notice_pages
    grid = {"grid_id": "G1", "grid_name": "三组网格", "community": "柳河村社区", "adjusted_score": "70.00",
            "responses": 16, "response_rate_pct": "40.00%", "flags": "", "not_counted": 1}

    def page(fmt: int) -> str:
        window = {"start": "", "end": "", "open": False, "final": True, "contact": "", "published": None}
        run = {"month": "2026-10", "policy_version": "2027.12", "empty_month": False, "output_format": fmt,
               "window": window}
        return notice_pages([grid], [], run, "zh", load_policy(DEFAULT_POLICY))["柳河村社区"]
    assert "经申诉复核或回访核实后不计入" in page(16) and "经网格员申诉复核" in page(15)
    assert "经申诉复核、回访核实或社区核对（如同一户重复作答）后不计入" in page(17)      # HR's own correction (trial 107)
    assert "按规则自动不计入的答卷（如同一户重复作答时较早的一份）不在其内" in page(18)  # trial 114 read it as the rule's
    assert "手机号为该网格网格员本人的答卷不计入" in page(16) and "网格员本人的评价不计入" in page(15)
