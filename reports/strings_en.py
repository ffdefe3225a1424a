"""The reports' words in English (reports/strings.py picks a language)."""
from __future__ import annotations

EN: dict[str, str] = {
    "scorecard_title": "Grid worker satisfaction scorecard", "worker_title": "Grid worker monthly scorecard",
    "empty_month_note": "No survey file was received this month: published as an empty month on purpose, "
                        "every worker paid at the neutral coefficient.",
    "month": "Month", "community": "Community", "run_id": "Run id", "policy": "Policy version",
    "summary": "Summary", "rows_read": "Rows read", "rows_counted": "Counted", "rows_quarantined": "Quarantined",
    "response_rate": "Response rate", "total_pay": "Total performance pay", "target_total": "Total target",
    "grid_ranking": "Grid scores (0-100, line = 95% confidence interval)", "score_axis": "Score (0-100)",
    "ranking_part": "The chart shows the {n} grids with the lowest and the {n} with the highest adjusted scores "
                    "(of {total} grids; every grid's score is in the table below and in grid_scores.csv).",
    "grids": "Grid scores", "grid": "Grid", "grid_id": "Grid id", "responses": "Responses",
    "households": "Households", "raw_score": "Raw score", "adjusted_score": "Adjusted score",
    "ci": "Adjusted 95% CI", "flags": "Flags", "workers": "Worker pay", "worker": "Worker", "worker_id": "Id",
    "score": "Score", "coefficient": "Coefficient", "performance_pay": "Performance pay (yuan)",
    "adjustment": "Adjustment (yuan)", "total": "Total (yuan)",
    "quarantine": "Data quality: rows not counted", "reason": "Reason", "count": "Rows",
    "assigned_days": "Days assigned", "days_in_month": "Days in month", "target": "Target (yuan)",
    "your_grids": "Grids", "weight": "Weighted days", "calculation": "Calculation",
    "coefficient_rule": "coefficient: {floor} at a score of {score_at_floor} or below, {cap} at {score_at_cap} or above, on a straight line between; a grid short of answers has the short share at the neutral {neutral}",
    "coefficient_tiers": "coefficient by score tier: ", "coefficient_tiers_end": "; a grid short of answers has the short share at the neutral {neutral}",
    "coefficient_tier": "{c} from {at}", "tier_joiner": ", ",
    "calc_text": "performance pay = target x coefficient x days assigned / days in month, rounded to the fen",
    "calc_text_22": "performance pay = target x coefficient x days assigned / days in month, rounded to the fen (the coefficient first rounded to {decimals} decimals, half up)",
    "budget_target_note": "Paid on targets (not budget-neutral): each worker's performance pay is target × coefficient "
                          "× days ÷ days in month; the total is not capped at the budget, and the difference from it "
                          "is shared out to no one.",
    "budget_note": "This month is budget-neutral: the pool (sum of prorated targets) is shared in proportion "
                   "to target x coefficient, to the fen; step 5 shows the share.",
    "item_sat_environment": "Environment", "item_sat_safety": "Safety", "item_sat_service": "Service",
    "item_sat_responsiveness": "Responsiveness", "item_sat_overall": "Overall",
    "trends": "12-month trend (community and areas, 0-100)", "items_heading": "Items and what drives the score",
    "items_note": "r: how closely the item moves with overall satisfaction (near 1: it drives it).",
    "item": "Item", "corr": "r with overall", "answered": "Answers",
    "change": "vs last month", "budget": "Budget (prorated targets)", "pay_vs_budget": "Pay / budget",
    "adjustment_lines": "Adjustments (amount, reason, approver, as in adjustments.csv):", "approved_by": " (approved by {})",
    "adjustments": "Adjustments", "rules": "Validation (Great Expectations)",
    "rules_ok": "The other {n} validation rules passed.", "rule": "Rule", "rows": "Rows",
    "your_comments": "Residents' comments on your grids (masked)",
    "your_score": "Score", "your_items": "Item scores of your grids", "your_trend": "Your score, last 12 months",
    "ci_worker": "Score 95% interval", "community_line": "Community", "district_line": "All communities",
    "good_rate": "Top-2 rate", "satisfied_rate": "Satisfied rate", "shift": "Small-sample shift",
    "shift_note": "Small-sample shift: grids with few answers are pulled toward the community mean "
                  "(empirical Bayes); the column is adjusted minus raw score. The interval shown is the "
                  "adjusted score's; the raw score's is in grid_scores.csv (ci_low, ci_high).",
    "review": "Answers for HR review", "review_note": "These answers count as usual; they are listed for review:",
    "review_speeder": "very fast", "review_straight_line": "same answer to every item",
    "review_burst": "many answers within minutes",
    "review_shared_phone": "one phone for several households",
    "response_id": "Response id", "source": "Source file", "row_n": "row {n}",
    "review_more": "The first {shown} of {total} are listed here; review.csv beside this report has them all.",
    "review_all": "The same list is in review.csv beside this report.",
    "callbacks": "Callback list: dissatisfied answers",
    "callbacks_more": "The first {shown} of {total} are listed here; callbacks.csv beside this report has them all.", "date": "Date", "household": "Household",
    "answer": "Overall", "comment": "Comment (masked)",
    "answer_1": "very dissatisfied", "answer_2": "dissatisfied", "answer_3": "neutral", "answer_4": "satisfied",
    "answer_5": "very satisfied", "none": "none", "page": "Page", "page_suffix": "", "no_data": "no data yet",
    "district_title": "Grid worker satisfaction: district roll-up", "district_communities": "Communities",
    "district_wide": "This section covers the whole district.", "mean_score": "Mean score", "grid_count": "Grids", "worker_count": "Workers",
    "budget_short": "Budget", "scorecard": "Scorecard",
    "district_note": "Mean score weighted by counted responses; budget = prorated targets; a worker with grids "
                     "in two communities counts in both.",
    "district_note_one_payer": "Mean score weighted by counted responses; budget = prorated targets; a worker with "
                               "grids in two communities counts in the one with more of the worker's weighted days "
                               "(a tie: the first by name); the other's scorecard lists the line and says who pays it.",
    "paid_in": "paid by {}, not in this community's totals",
    "target_short": "Target", "performance_pay_short": "Perf. pay", "adjustment_short": "Adjustment", "total_short": "Total",
    "money_note": "Amounts in yuan; days: days assigned / days in the month.",
    "flag_insufficient_responses": "too few responses: neutral coefficient for that grid",
    "grid_flag_insufficient_responses": "too few responses ({n} in {months}, under {min}): neutral coefficient",
    "grid_flag_pooled": "under {min} responses this month: scored on the {n} of {months} (each household's latest)",
    "grid_flag_few_responses": "under {min} responses: scored on the shrunken score",
    "grid_flag_low_response_rate": "response rate under {rate} for {k} months in a row ({trend})",
    "notice_pooled_25": " ({n} answers of {first} to {last})",      # output format 25: a pooled grid on the notice (trial 173)
    "notice_flag_insufficient_responses": "too few answers: paid at the neutral coefficient (this score moved no pay)",
    "short_flag_low_response_rate": "low response rate", "short_flag_no_baseline": "no baseline",
    "short_flag_answers_dropped": "answers dropped", "short_flag_window_before_start": "predecessor's months",
    "short_flag_few_responses": "few answers", "short_flag_pooled": "pooled months", "short_flag_insufficient_responses": "too few answers",
    "grid_flag_thin_month": "{responses} counted answers this month, under {min}: its earlier months' score is above "
                             "neutral, so the neutral coefficient",
    "short_flag_thin_month": "few answers this month",
    "notice_flag_thin_month": "few answers this month: paid at the neutral coefficient (this score moved no pay)",
    "grid_flag_answers_dropped": "{responses} counted answers, under half the {previous_responses} of the month published last ({previous_month}): check grids.csv and the survey files",
    "flag_pay_changed": "total pay moved sharply from the month published last: review",
    "pay_changes": "Workers whose total pay moved sharply from the month published last",
    "previous_total": "Last total", "this_total": "This month", "pay_change": "Change",
    "run_notices": "The run's other notices, as it printed them on the console; read them before signing:",
    "accepted_exclusions": "Published on HR's confirmation: an exclusion rule removed more than the policy's share of these grids' answers (gridpay run --accept-exclusions):",
    "accepted_exclusion": "{grid_name} ({grid_id}): {reason}: {excluded_rows} of {valid_rows} valid answers ({share})",
    "grid_flag_no_baseline": "no baseline months yet: scored linearly this month",
    "flag_prorated": "part of the month: prorated by days assigned",
    "flag_capped": "score at the cap: coefficient capped",
    "flag_floored": "score at the floor: coefficient floored",
    "flag_floored_partly": "score at the floor: the scored grids' days at the floor coefficient, the days of grids with "
                           "too few responses at the neutral one, the coefficient their mean by weighted days",
    "flag_capped_partly": "score at the cap: the scored grids' days at the capped coefficient, the days of grids with "
                          "too few responses at the neutral one, the coefficient their mean by weighted days",
    "flag_adjusted": "includes a manual adjustment", "flag_no_scored_grid": "no grid with enough responses: neutral coefficient",
    "rest_few": "in grids with too few", "rest_before_start": "in grids with too few or pooled over another's days",
    "flag_window_before_start": "a grid's pooled months hold another worker's days: your share of it at neutral",
    "reason_repeated_response_id": "response id used more than once this month (none of them counts)",
    "reason_unknown_grid": "grid id not in grids.csv", "reason_bad_time": "submission time blank or not a time",
    "reason_ambiguous_date": "date could be read day-first or month-first", "reason_outside_month": "submitted outside the month", "reason_unknown_channel": "channel not in the policy",
    "reason_bad_duration": "duration not a whole number of seconds",
    "reason_long_duration": "duration over the policy's limit (a day)",
    "reason_door_as_date": "door number turned into a date by Excel",
    "reason_door_unknown": "door number not known (看不清)",
    "reason_answer_out_of_scale": "{column}: answer not 1-5", "reason_blank": "{column} is blank",
    "reason_invalid": "failed validation", "reason_no_items": "no item answered",
    "reason_self_rating": "the worker's own answer (phone of this grid's worker): not counted",
    "reason_speeder": "answered far faster than the month's median: not counted",
    "reason_duplicate_household": "an older answer of the same household (its latest counts)",
    "reason_duplicate_household_grid": "an older answer of the same household in the same grid (its latest counts)",
    "column_response_id": "response id", "column_grid_id": "grid id", "column_household_id": "household",
    "column_submitted_at": "submission time", "column_channel": "channel",
    "flag_budget_neutral": "budget-neutral share",
    "status": "Status", "status_draft": "draft: final once prepared, reviewed and approved below and "
                                          "recorded with gridpay finalize",
    "status_final": "final (recorded by {by} with gridpay finalize, {at} UTC)",
    "status_final_local": "final (recorded by {by} with gridpay finalize, {at})",
    "status_forced": "; finalized early (the window still open or an appeal undecided), the reason: {reason}",
    "status_forced_as_published": "; finalized as published after its window and appeals (today's files differ), why: {reason}",
    "signoff": "Sign-off", "signoff_prepared": "Prepared by", "signoff_reviewed": "Reviewed by", "signoff_approved": "Approved by",
    "signoff_note": "Signing confirms the results of {month} (run {run_id}); a later run of a finalized month "
                    "needs a reason and is recorded.",
    "notice_title": "Residents' satisfaction with grid services: results",
    "notice_lead": "The results of {month}. Thank you to every resident who answered: grid workers' "
                   "performance pay follows your judgement.",
    "notice_empty": "No satisfaction survey was held this month.",
    "notice_score": "Score (0-100)", "notice_note": "Note",
    "notice_callbacks": "{n} dissatisfied answers this month are on the callback list: the community "
                        "will call each one back.",
    "notice_callbacks_at": "{n} answers rated {words} this month are on the callback list: the community will call "
                           "each one back.",
    "callbacks_at": "Callback list: answers rated {words}", "callbacks_quoted": "'{word}'", "callbacks_joiner": ", ",
    "callbacks_or": " or ", "callbacks_points": "{at} or below", "answer_points": "{n} points",
    "cycle": "Appeals and verification calls",
    "cycle_uncalled": " {n} answers of the sample have no call recorded (verify.csv): call them before signing.",
    "cycle_uncalled_19": " {n} answers of the sample have no call recorded ({ids}; verify.csv): call them before signing.",
    "cycle_lead": "{appeals} appeals this month; {sample} answers sampled for verification calls ({grids} grids, "
                  "verify.csv), {calls} calls recorded. The grids with an appeal, a call or a review flag:",
    "cycle_none": "No appeals and no calls recorded this month.",
    "cycle_note": "Upheld share = upheld / decided (upheld + rejected). Upheld appeals and answers a call found "
                  "denied or coached are not counted (see data quality); pending and rejected ones count as usual.",
    "decision": "Decision", "decision_pending": "pending", "decision_upheld": "upheld", "decision_rejected": "rejected",
    "appeal_category": "Category", "upheld_share": "Upheld share", "sample": "Sampled",
    "category_misrated": "misrated", "category_malicious": "malicious", "category_coached": "coached",
    "category_wrong_grid": "wrong grid", "category_other": "other",
    "result_confirmed": "confirmed", "result_denied": "denied", "result_coached": "coached",
    "result_unreachable": "unreachable",
    "grid_flag_appeals_high": "upheld appeals took out more of this grid's bad reviews than the policy's share: "
                              "for the district's attention",
    "grid_flag_verification_failed": "verification calls found several answers not genuine (denied or coached): "
                                     "for the district's attention",
    "grid_flag_verification_failed_13": "verification calls found answers not the household's own (denied or "
                                        "coached): not counted; the street office will look into how they came about",
    "short_flag_appeals_high": "appeals high", "short_flag_verification_failed": "calls failed",
    "reason_appeal_upheld": "the worker's appeal was upheld: not counted",
    "reason_verification_denied": "the household said on a verification call it did not answer: not counted",
    "reason_verification_coached": "the household said on a verification call it was coached: not counted",
    "items_pooled": "{grid}: the items are this month's {n} answers; its score is of {total} answers over {months} "
                    "(too few this month: recent months pooled).",
    "your_calls": "Verification calls this month",
    "calls_line_out": "{grid}: {called} calls ({results}); {out} answers found not the household's own view are not "
                      "counted in its score.",
    "calls_line_none": "{grid}: {called} calls ({results}); the grid's score is not affected.",
    "hr_corrections_line": "{grid}: the office's own check took {n} more answers out this month ({ids}, such as a "
                           "home that answered twice); they are not counted in the grid's score, and this sheet is "
                           "computed so.",
    "hr_corrections_line_21": "{grid}: the office's own check took {n} more answers out this month ({ids}; {why}); "
                              "they are not counted in the grid's score, and this sheet is computed so.",
    "others_appeals_line": "{grid}: {n} appeals by others upheld this month ({ids}); their answers are not counted "
                           "in the grid's score, and this sheet's figures include that.",
    "your_appeals": "Your appeals", "appeal_id": "Appeal", "filed_on": "Filed", "decision_note": "HR's note",
    "appeal_effect": "What it changed",
    "effect_excluded": "the answer no longer counts", "effect_not_counted": "the answer did not count anyway: no change",
    "effect_rejected": "counts as before: no change", "effect_counted": "counts, as if not appealed", "effect_pending": "pending: counts for now", "effect_moved": "counts in the resident's own grid: ", "effect_moved_not_counted": "moved to the resident's own grid, where a rule set it aside (an older answer of the home, a worker's own): ",
    "worker_window": "Appeal window: {start} to {end}. You may appeal an answer this sheet rests on until then.",
    "notice_window": "Public notice period: {start} to {end}. Objections within this period, please.",
    "worker_final_early": "Appeal window: {start} to {end}; this month was finalized early, on {date}. An appeal against an answer this sheet rests on, made within the window, is still heard; a correction it calls for is published separately.",
    "notice_final_early": "Public notice period: {start} to {end}; the results were finalized early, on {date}. Objections within the period are still heard; a correction they call for is published separately.",
    "notice_contact": " Contact: {contact}.", "notice_contact_community": " Tell {community}.",
    "published_on": "Published on {date}.",
    "notice_replaces": "Correction: this notice replaces the one published on {date}.",
    "notice_first_changed": " Against the first notice, of {date}, these grids' figures changed: {grids}.",
    "notice_first_unchanged": " Against the first notice, of {date}, no grid's figures changed.",
    "notice_changed_lead_20": " Against it, ", "notice_changed_answers_20": "the answers counted changed in {grids}",
    "notice_changed_scores_20": "{grids} kept their answers and their scores moved slightly", "notice_changed_sep_20": "; ",
    "notice_changed_scores_25": "{grids} kept their answers and their scores moved",
    "notice_gridless_25": "{n} more answers named no grid we could tell (the grid answered 'don't know', 'other' or "
                          "left blank ...): they count in no grid's score.",
    "notice_changed_end_20": ".",
    "scorecard_grids_answered_20": "grids whose answers counted changed: {grids}. ",
    "scorecard_grids_moved_20": "grids whose answers did not change and whose score moved: {grids}.",
    "notice_changed": " Against it, the figures of these grids changed: {grids}.", "notice_unchanged": " Against it, no grid's score, answers or response rate changed.",
    "scorecard_replaces": "Correction: this scorecard replaces the one published on {date} (run {run_id}); the reason given: {reason}. Against it, {workers} workers' totals changed ({pay} yuan in all); ",
    "scorecard_replaces_same_pay": "Correction: this scorecard replaces the one published on {date} (run {run_id}); the reason given: {reason}. Against it, no worker's total changed; ",
    "scorecard_inputs_changed": "Files read differently: {files}. ", "scorecard_inputs_same": "Every file read is the same. ",
    "input_added": " (new)", "input_changed": " (changed)", "input_removed": " (no longer read)",
    "scorecard_code_changed": "gridpay's version changed from {before} to {now}. ",
    "reason_not_given": "none (run again within the review window, where none is asked)",
    "scorecard_grids_changed": "grids whose figures changed: {grids}.", "scorecard_grids_same": "no grid's score, answers or response rate changed.",
    "sheet_replaces": "Correction: this sheet replaces the one published on {date} (run {run_id}); this one stands.",
    "sheet_total_changed": " Against that sheet, your total for the month went from {before} to {now} yuan.",
    "sheet_total_other_name": " That publication gave the id {worker_id} to {name} (the roster since corrected): the figures compare the id's.",
    "sheet_total_same": " Against that sheet, your total for the month is unchanged ({now} yuan).",
    "sheet_total_same_floored": " Your score is still below the floor, so the coefficient stays at its minimum and the "
                                "change of score does not change the amount.",
    "sheet_total_same_capped": " Your score is still at or above the cap, so the coefficient stays at its maximum and "
                               "the change of score does not change the amount.",
    "sheet_moved_by_others": " Your grids' answers and raw scores did not change, nor did your adjustment or days; "
                             "the total moved because other grids' answers did: the adjusted score draws on every "
                             "grid's mean{budget}.",
    "sheet_moved_budget": ", and performance pay shares the budget",
    "sheet_moved_by_policy": " Your grids' answers and raw scores did not change, nor did your adjustment or days; "
                             "the total moved because the pay policy changed (this sheet is computed under version "
                             "{version}){budget}.",
    "sheet_moved_by_files": " Your grids' answers and raw scores did not change, nor did your adjustment or days; "
                            "the total moved because files read changed ({files}){budget}.",
    "sheet_own_phone": "{n} more answers were given on your own phone (filled in for residents at their door, say): "
                       "the policy counts them as your own rating, not counted; a resident's answer on their own phone "
                       "or on paper counts.",
    "sheet_own_phone_20": "{n} more answers give your own phone number (filled in for residents at their door, say): "
                          "the policy counts them as your own rating, not counted; a resident's answer on their own "
                          "phone or on paper counts.",
    "sheet_shared_grid": "{grid}: you held it {days} days this month. Its answers and score are the whole grid's for "
                         "the whole month, including days you did not hold it; your pay counts your days.",
    "sheet_shared_with": " {others} other worker(s) held it this month, {days} days in all, each paid for their own days.",
    "sheet_total_new": " That publication had no pay line for you.",
    "sheet_first_changed": " Against the month's first publication, of {date}, it went from {before} to {now} yuan.",
    "sheet_first_same": " Against the month's first publication, of {date}, it is unchanged.",
    "sheet_first_new": " The month's first publication, of {date}, had no pay line for you.",
    "coefficient_parts": "Of your assigned days (by weight), {share} were in grids with enough answers, at the coefficient of your score {score}: {scored}; the other {rest} {rest_where}, at the neutral {neutral}: {scored} × {share} + {neutral} × {rest} ≈ {blend}, to {decimals} decimals {coefficient}.",
    "notice_window_closed": "The notice period ({start} to {end}) has ended; review results follow when the month is final.",
    "notice_final_22": "The month is final: {n} answers were taken out on review, {appeals} after an appeal upheld or the community's own check, {denied} whose household said on a call it had not answered, {coached} whose household said it had been told what to answer or had it filled in.",
    "notice_final_none_22": "The month is final; review took no answer out.",
    "notice_not_counted": "Not counted after review",
    "notice_not_counted_note": "Not counted after review: answers taken out after a worker's appeal was upheld or a "
                               "verification call (no household is named).",
    "notice_not_counted_note_17": "Not counted after review: answers taken out by an upheld appeal, a verification "
                                  "call, or the office's own check (a home that answered twice); no household is "
                                  "named.",
    "notice_not_counted_note_18": "Not counted after review: answers taken out by an upheld appeal, a verification "
                                  "call, or the office's own check; no household is named. Answers the rules leave "
                                  "out (the older of a household's two answers) are not among them.",
    "notice_not_counted_note_16": "Not counted after review: answers taken out by an upheld appeal or a "
                                  "verification call (no household is named).",
}
