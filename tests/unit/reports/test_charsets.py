"""The font subset's characters are frozen per output format (reports/charsets.py): an October published
before output format 10 failed `audit --documents` on every PDF for the two characters a new label brought."""
from gridpay.pipeline.context import OUTPUT_FORMAT
from gridpay.reports.charsets import BY_FORMAT, frozen_charset
from gridpay.reports.render import labels_charset, report_charset


def test_todays_labels_and_templates_use_only_the_newest_formats_characters():
    new = set(labels_charset()) - set(frozen_charset(OUTPUT_FORMAT))
    assert not new, (f"labels or templates print {''.join(sorted(new))!r}, outside output format {OUTPUT_FORMAT}'s "
                     f"frozen characters: a new output format, with its set in reports/charsets.py")
    assert max(BY_FORMAT) == OUTPUT_FORMAT


def test_a_month_takes_the_set_of_its_format_and_earlier_sets_never_change():
    assert frozen_charset(1) == frozen_charset(9) == BY_FORMAT[9] and frozen_charset(10) == BY_FORMAT[10]
    assert "≈" not in BY_FORMAT[9] and "≈" in BY_FORMAT[10]         # format 10's blended coefficient
    assert len(BY_FORMAT[9]) == 492 and set(BY_FORMAT[9]) <= set(BY_FORMAT[10])
    assert report_charset("王伟", output_format=9) == "".join(sorted(set(BY_FORMAT[9] + "王伟")))
