"""One month of a two-grid inbox, every figure worked out by hand from the inputs.

G1: R1 (all 5) = 100, R2 (all 4) = 75, R3 (3, 4, 5, blank, blank: mean 4) = 75; R4 is an older
    answer of R1's household and does not count. Score (100 + 75 + 75) / 3 = 83.3333.
G2: R5 (all 2) = 25, R6 (all 3) = 50, R7 (all 4) = 75; R8 has a 7 and is invalid. Score 50.
Coefficient: linear from 60 -> 0.80 to 90 -> 1.20, i.e. 0.8 + 0.4 x (score - 60) / 30, read at the score as
printed (policy 2027.8), a worker's score the mean of their grids' scores as printed.
W1: G1 all month: 83.33; 0.8 + 0.4 x 23.33 / 30 = 1.1111; 1000 x 1.1111 = 1111.10, + 50.00 adjustment.
W2: G2 on 1-15 Sept: 0.80 (floor); 800 x 0.8 x 15 / 30 = 320.00.
W3: G2 on 16-30 Sept: 600 x 0.8 x 15 / 30 = 240.00.
W4: G1 (weight 1) and G2 (weight 0.5) all month: (83.33 x 30 + 50.00 x 15) / 45 = 72.22;
    0.8 + 0.4 x 12.22 / 30 = 0.9629; 900 x 0.9629 = 866.61 (before policy 2027.8, at the kept 72.2222: 0.9630,
    866.70).
"""
import csv


def read_rows(path):
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_month_figures_match_the_hand_calculation(published_copy, tmp_path):
    published_copy("none", min_responses=3)         # the hand month, as `gridpay run` published it
    month = tmp_path / "out" / "2026-09"

    grids = {r["grid_id"]: r for r in read_rows(month / "grid_scores.csv")}
    assert grids["G1"]["raw_score"] == "83.33" and grids["G1"]["responses"] == "3"
    assert grids["G2"]["raw_score"] == "50.00" and grids["G2"]["responses"] == "3"
    assert grids["G1"]["response_rate"] == "0.1500" and grids["G2"]["response_rate"] == "0.3000"

    pay = {r["worker_id"]: r for r in read_rows(month / "payroll.csv")}
    assert (pay["W1"]["score"], pay["W1"]["coefficient"], pay["W1"]["performance_pay"]) == ("83.33", "1.1111", "1111.10")
    assert (pay["W1"]["adjustment"], pay["W1"]["total_pay"]) == ("50.00", "1161.10")
    assert (pay["W2"]["coefficient"], pay["W2"]["performance_pay"]) == ("0.8000", "320.00")
    assert pay["W2"]["flags"] == "floored;prorated"
    assert (pay["W3"]["performance_pay"], pay["W3"]["total_pay"]) == ("240.00", "240.00")
    assert (pay["W4"]["score"], pay["W4"]["coefficient"], pay["W4"]["performance_pay"]) == ("72.22", "0.9629", "866.61")
    assert pay["W1"]["name"] == "王伟" and set(pay) == {"W1", "W2", "W3", "W4"}


def test_every_row_read_is_counted_or_quarantined(published_copy, tmp_path):
    published_copy("none", min_responses=3)         # the hand month, as `gridpay run` published it
    month = tmp_path / "out" / "2026-09"
    quarantine = {r["response_id"]: r for r in read_rows(month / "quarantine.csv")}
    assert set(quarantine) == {"R4", "R8"}
    assert quarantine["R4"]["reason"].startswith("excluded: duplicate_household")
    assert quarantine["R8"]["reason"] == "invalid: sat_service '7' is not 1-5 or blank"
    assert quarantine["R8"]["source_file"] == "surveys/2026-09.csv" and quarantine["R8"]["row_number"] == "9"
    counted = sum(int(r["responses"]) for r in read_rows(month / "grid_scores.csv"))
    assert counted + len(quarantine) == 8
