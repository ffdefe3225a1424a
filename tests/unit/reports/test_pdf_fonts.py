"""A PDF's font subsets: cut with the source face's date (the same characters give the same bytes on any
machine), or with a date given, as an audit re-renders a PDF whose subsets were cut elsewhere (trial 74:
a restored laptop's audit called every PDF of a right month edited)."""
from gridpay.reports.fonts import fonts_dated, subset_fonts
from gridpay.reports.pdf_fonts import embedded_font_dates
from gridpay.reports.render import pdf_bytes

HTML = "<html><body><p>天井湖社区 王海燕 1800.00</p><p><b>绩效工资</b></p></body></html>"


def _pdf(html: str = HTML) -> bytes:
    return pdf_bytes(html, {weight: str(path) for weight, path in subset_fonts(html).items()})


def test_a_subset_is_cut_the_same_on_an_empty_cache_and_a_given_date_is_embedded(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "one"))
    first = _pdf()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "two"))       # another machine, its cache empty
    assert _pdf() == first
    dates = embedded_font_dates(first)
    assert "normal" in dates and dates["normal"] > 0
    given = {"normal": 3879141293, "bold": 3879141294}
    with fonts_dated(given):
        dated = _pdf()
    assert dated != first
    assert {w: d for w, d in embedded_font_dates(dated).items()} == {w: given[w] for w in embedded_font_dates(dated)}
    with fonts_dated(given):                  # the dated subset is cached under its own name
        assert _pdf() == dated
    assert _pdf() == first


def test_a_pdf_without_embedded_faces_has_no_dates():
    assert embedded_font_dates(b"%PDF-1.7\n1 0 obj\n<</Length 3>>\nstream\nabc\nendstream\nendobj\n") == {}
    assert embedded_font_dates(b"<</Subtype /OpenType/Filter /FlateDecode/Length 4>>\nstream\nxxxx") == {}
