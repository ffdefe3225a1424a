"""A district scorecard's links to each community's page resolved inside the installed package in its PDF: trial
247's month failed `audit --documents` from another install. From output format 30 the PDF links to no file; a month
of an earlier format is rendered again with the folder its PDF shows."""
from gridpay.reports.pdf_fonts import file_link_bases
from gridpay.reports.render import TEMPLATES, links_based, pdf_bytes, unlinked

PAGE = '<html><body><p><a href="scorecards/凤鸣社区.html">scorecards/凤鸣社区</a> <a href="https://x.cn/">x</a></p></body></html>'


def test_a_pdf_links_to_no_file_from_format_30_and_an_earlier_one_renders_with_its_folder():
    assert file_link_bases(pdf_bytes(PAGE)) == [TEMPLATES.as_uri() + "/"]
    assert file_link_bases(pdf_bytes(unlinked(PAGE))) == []
    assert 'href="https://x.cn/"' in unlinked(PAGE)                      # a web address stays
    with links_based("file:///elsewhere/gridpay/reports/templates/"):
        assert file_link_bases(pdf_bytes(PAGE)) == ["file:///elsewhere/gridpay/reports/templates/"]
    assert file_link_bases(pdf_bytes(PAGE)) == [TEMPLATES.as_uri() + "/"]
