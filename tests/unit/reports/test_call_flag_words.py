"""A grid whose calls found answers not genuine: from output format 13 the flag says they are not counted
and that the street office looks into how they came about, not 街道将予关注 of the worker (trial 81's
call had taken out a forged bad review of hers). Months of earlier formats keep their words."""
from gridpay.reports.render import flags_text


def test_the_failed_calls_flag_reads_as_its_format_wrote_it():
    old = flags_text("verification_failed", "zh", {"output_format": 12})
    new = flags_text("verification_failed", "zh", {"output_format": 13})
    assert old.endswith("街道将予关注") and new.endswith("已不计入得分；街道将核实其来由")
    assert flags_text("verification_failed", "zh", {}) == old          # a grid rendered before formats were told
    assert "look into how they came about" in flags_text("verification_failed", "en", {"output_format": 13})
