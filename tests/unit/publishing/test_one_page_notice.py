"""The residents' notice on one page (publishing/notice.py): given a notice's HTML -> the layout it is written in.
Trial 82's corrected, finalized notice of five grids put its footer alone on a second page."""
from gridpay.publishing.notice import one_page_notice

SHORT = '<html><body class="notice"><h1>和平社区</h1><p>公示</p></body></html>'
LONG = '<html><body class="notice"><h1>和平社区</h1>' + "<p>公示期内的异议照常受理。</p>" * 60 + "</body></html>"


def test_a_notice_that_would_run_onto_a_second_page_is_laid_out_dense_from_output_format_12():
    assert '<body class="notice dense">' in one_page_notice(LONG, None, 12)
    assert one_page_notice(SHORT, None, 12) == SHORT


def test_a_notice_of_output_format_11_is_written_as_published():
    assert one_page_notice(LONG, None, 11) == LONG
