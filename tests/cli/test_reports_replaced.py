"""A re-run with --reports none over a month published with its documents (trial 187): the scorecard, worker sheets
and 公示 went with the run they were of, and nothing said so."""


def test_a_rerun_rendering_no_documents_says_the_published_ones_are_gone(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)[0] == 0
    month = tmp_path / "out" / "2026-09"
    assert (month / "scorecard.pdf").exists()
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert not (month / "scorecard.pdf").exists()
    assert (f"{month}: the documents published there before (scorecard.pdf, notice) are gone with the run they were of, this "
            f"run not rendering them (--reports none): `gridpay render --month 2026-09 --reports hr` makes this run's") in err
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)    # nothing more to lose
    assert code == 0 and "the documents published there before" not in err, err
