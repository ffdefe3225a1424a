"""The resident notice's 得分怎么算 (how the score is computed) in both languages: the words that state the policy's
items, scale and rules, kept apart from the other labels (reports/strings.py merges them)."""
from __future__ import annotations

ZH: dict[str, str] = {
    "notice_how": "得分怎么算",
    "notice_how_items": "每份问卷{n}个题目{weights}，{points}，取{mean}。",
    "notice_how_weights": "（{items}）", "notice_how_weight": "{item}按{w}倍计", "notice_how_joiner": "、",
    "notice_how_points": "非常满意=100、满意=75、基本满意=50、不满意=25、非常不满意=0",
    "notice_how_scale": "{low}-{high}分按0-100换算", "notice_how_mean": "平均", "notice_how_weighted": "加权平均",
    "notice_how_rest": "每户每月只计最近一份；网格员本人的评价不计入；答卷少的网格向全社区平均水平适度靠拢，"
                       "当月答卷不足的网格合并近几个月的评价计算。参评率 = 有效问卷 ÷ 户数。",
    "notice_how_rest_16": "每户每月只计最近一份；手机号为该网格网格员本人的答卷不计入；答卷少的网格向全社区平均水平适度靠拢，"
                          "当月答卷不足的网格合并近几个月的评价计算。参评率 = 有效问卷 ÷ 户数。",
    "notice_how_rest_19_several": "每户每月只计最近一份；手机号为该网格网格员本人的答卷不计入；答卷少的网格向本次一并考评的各社区"
                                  "平均水平适度靠拢，当月答卷不足的网格合并近几个月的评价计算。参评率 = 有效问卷 ÷ 户数。",
    # output format 25 (trial 177): every grid is pulled, the fewer its answers the more; a home counts once in a pool
    "notice_how_rest_25": "每户每月只计最近一份；手机号为该网格网格员本人的答卷不计入；各网格得分向全社区平均水平适度靠拢，答卷越少，"
                          "靠拢越多；当月答卷不足的网格合并近几个月的评价计算（同一户多个月作答只计一份）。参评率 = 有效问卷 ÷ 户数。",
    "notice_how_rest_25_several": "每户每月只计最近一份；手机号为该网格网格员本人的答卷不计入；各网格得分向本次一并考评的各社区平均水平"
                                  "适度靠拢，答卷越少，靠拢越多；当月答卷不足的网格合并近几个月的评价计算（同一户多个月作答只计一份）。"
                                  "参评率 = 有效问卷 ÷ 户数。",
    "notice_out": "以下答卷也不计入：{rules}。", "notice_out_joiner": "；",
    "notice_out_speeder": "用时不到本月答卷中位用时{share}的",
    "notice_out_calls": "经回访核实不是本户所填或受人诱导填写的",
    "notice_out_appeals": "申诉经复核成立的",
    "notice_out_appeals_moved": "申诉经复核成立的（非本网格的申诉注明居民所在网格的，改计入该网格）",
    "cycle_note_moved": "非本网格的申诉经支持并注明居民所在网格的，该答卷改计入居民所在网格。",
    "score_terms_33": "= ({terms}) ÷ {days}：各网格得分按加权天数平均",     # format 33: a worker of two grids (trial 288)
    "moved_out_line": "{grid}：本月另有 {n} 份答卷经复核为其他网格居民所答（{ids}，非本网格），已改计入其所在网格、不计入该网格得分，"
                      "本表得分已按此计算。",
    "moved_in_line": "{grid}：本月另有 {n} 份本网格居民误选其他网格的答卷经复核改计入该网格（{ids}，非本网格），本表得分已按此计算。",
    "moved_in_displaced": "同户在该网格较早的答卷（{displaced}）因每户每月只计最近一份，不再计分。",
    "budget_scaled": "，再按预算总额等比调整（见下注）",
    # output format 28 (trial 219): a call on an answer an appeal had taken out still counts the home's earlier one
    "calls_line_restored": "{grid}：回访 {called} 次（{results}）；经核实并非住户本人真实意见的答卷，该户本月较早的答卷（{restored} 份）"
                           "因此重新计入该网格得分。",
    # output format 29 (trials 212, 221): a final month's notice says the callbacks without 将 (they were due, not ahead)
    "notice_callbacks_final": "本月共有 {n} 份“不满意”或“非常不满意”的评价列入回访清单，由社区回访。",
    "notice_callbacks_at_final": "本月共有 {n} 份{words}的评价列入回访清单，由社区回访。",
    # output format 29 (trial 226): the worker's sheet says the fall, not HR's check of its files
    "grid_flag_answers_dropped_worker": "有效问卷{responses}份，不足上次公布月份（{previous_month}）{previous_responses}份的一半",
    # output format 29 (trial 226): a grid silent this month is scored on its pooled months, not short of answers
    "coefficient_line_29": "绩效系数：得分 {score_at_floor} 分及以下为 {floor}，{score_at_cap} 分及以上为 {cap}，其间按直线换算",
    "neutral_short_29": "；合并往月答卷后仍不足的网格，不足部分按中性系数 {neutral} 计",
    # output format 29 (trial 221): HR's own corrections apart from workers' appeals on the scorecard
    "cycle_hr_own": "另有社区人工核对剔除的答卷 {n} 份（非网格员申诉，不计入申诉件数和支持率）。",
    "cycle_hr_own_cell": "社区核对剔除 {n}",
    # output format 29 (trial 221): the answer a call took out, and the home's earlier answer it let count
    "calls_line_out_restored": "{grid}：回访 {called} 次（{results}）；其中 {out} 份答卷经核实并非住户本人真实意见，已不计入该网格得分；"
                               "其住户本月较早的答卷（{restored} 份）因此重新计入。",
    # output format 28 (trial 215): how the pool reached this pay, held at a bound or its share
    "neutral_floor": " = {unscaled}；按预算分配将低于保底，按保底系数 {c} 计：{target} × {c} × {days} ÷ {dim}（见下注）",
    "neutral_cap": " = {unscaled}；按预算分配将高于封顶，按封顶系数 {c} 计：{target} × {c} × {days} ÷ {dim}（见下注）",
    "neutral_shared": " = {unscaled}；再按预算分配，× {ratio}（分配到分，见下注）",
    "budget_note_28": "本月按预算中性方式发放：绩效工资总额等于折算后基数之和。先按“折算后基数 × 系数”的比例分配；分配后低于“折算后基数 × 保底系数”"
                      "或高于“折算后基数 × 封顶系数”的，按保底或封顶发放，其余预算在其他网格员之间再按比例分配，分配到分。第5步为分配结果。",
    "notice_how_text": "每份问卷五个题目，非常满意=100、满意=75、基本满意=50、不满意=25、非常不满意=0，取平均。"
                       "每户每月只计最近一份；网格员本人的评价不计入；答卷少的网格向全社区平均水平适度靠拢，"
                       "当月答卷不足的网格合并近三个月的评价计算。参评率 = 有效问卷 ÷ 户数。",
}

EN: dict[str, str] = {
    "notice_how": "How the score is computed",
    "notice_how_items": "{n} questions per answer{weights}: {points}, {mean}. ",
    "notice_how_weights": " ({items})", "notice_how_weight": "{item} counted {w} times", "notice_how_joiner": ", ",
    "notice_how_points": "very satisfied = 100, satisfied = 75, neutral = 50, dissatisfied = 25, very dissatisfied = 0",
    "notice_how_scale": "points {low}-{high} read as 0-100", "notice_how_mean": "averaged",
    "notice_how_weighted": "a weighted average",
    "notice_how_rest_25": "Each household counts once a month (its latest answer); answers giving the phone of a "
                          "worker of the grid are not counted; every grid's score is pulled toward the community "
                          "average, the more the fewer its answers, and a grid with too few this month is scored on "
                          "its last months (a household once). Response rate = answers / households.",
    "notice_how_rest_25_several": "Each household counts once a month (its latest answer); answers giving the phone of "
                                  "a worker of the grid are not counted; every grid's score is pulled toward the "
                                  "average of the communities run together, the more the fewer its answers, and a grid "
                                  "with too few this month is scored on its last months (a household once). Response "
                                  "rate = answers / households.",
    "notice_how_rest": "Each household counts once a month (its latest answer); workers' own answers are not counted; "
                       "grids with few answers are pulled toward the community average, and a grid with too few "
                       "this month is scored on its last months. Response rate = answers / households.",
    "notice_how_rest_16": "Each household counts once a month (its latest answer); answers giving the phone of a "
                          "worker of the grid are not counted; grids with few answers are pulled toward the community "
                          "average, and a grid with too few this month is scored on its last months. Response rate = "
                          "answers / households.",
    "notice_how_rest_19_several": "Each household counts once a month (its latest answer); answers giving the phone of "
                                  "a worker of the grid are not counted; grids with few answers are pulled toward the "
                                  "average of every community scored with this one, and a grid with too few this month "
                                  "is scored on its last months. Response rate = answers / households.",
    "notice_out": "Nor are these answers counted: {rules}. ", "notice_out_joiner": "; ",
    "notice_out_speeder": "answers given in under {share} of the month's median time",
    "notice_out_calls": "answers a verification call found the household did not give, or gave coached",
    "notice_out_appeals": "answers an upheld appeal concerned",
    "notice_out_appeals_moved": "answers an upheld appeal concerned (one finding the answer another grid's resident's, "
                                "naming that grid, counts it there)",
    "cycle_note_moved": " An upheld 非本网格 appeal naming the grid the resident lives in counts the answer there.",
    "moved_out_line": "{grid}: {n} answers found this month to be other grids' residents' ({ids}, 非本网格) count in their "
                      "own grids, not in this grid's score; this sheet's figures include that.",
    "moved_in_line": "{grid}: {n} answers of this grid's residents who chose another grid ({ids}, 非本网格) count in this "
                     "grid's score since review; this sheet's figures include that.",
    "moved_in_displaced": " The same homes' earlier answers in this grid ({displaced}) no longer count: each home's latest "
                          "answer of the month counts.",
    "budget_scaled": ", then scaled to the budget (see the note below)",
    "calls_line_restored": "{grid}: {called} calls ({results}); an answer found not the household's own view lets the "
                           "home's earlier answer of the month count ({restored}) in the grid's score.",
    "notice_callbacks_final": "{n} dissatisfied answers this month were on the community's callback list.",
    "notice_callbacks_at_final": "{n} answers rated {words} this month were on the community's callback list.",
    "coefficient_line_29": "coefficient: {floor} at a score of {score_at_floor} or below, {cap} at {score_at_cap} or "
                           "above, on a straight line between",
    "grid_flag_answers_dropped_worker": "{responses} valid answers, under half of {previous_month}'s "
                                        "{previous_responses}",
    "neutral_short_29": "; a grid short of answers with its pooled months counted has the short share at the neutral "
                        "{neutral}",
    "cycle_hr_own": " Besides, HR itself took out {n} answers (no worker's appeal: not counted in the appeals or "
                    "the upheld share).",
    "cycle_hr_own_cell": "taken out by HR {n}",
    "calls_line_out_restored": "{grid}: {called} calls ({results}); {out} answers found not the household's own view are "
                               "not counted in the grid's score, and the homes' earlier answers of the month count "
                               "({restored}) instead.",
    "neutral_floor": " = {unscaled}; shared out, it would fall below the floor: paid at the floor coefficient {c}: "
                     "{target} × {c} × {days} ÷ {dim} (see the note below)",
    "neutral_cap": " = {unscaled}; shared out, it would pass the cap: paid at the cap coefficient {c}: "
                   "{target} × {c} × {days} ÷ {dim} (see the note below)",
    "neutral_shared": " = {unscaled}; then shared out of the budget, about × {ratio} (to the fen; see the note below)",
    "score_terms_33": "= ({terms}) ÷ {days}: your grids' scores averaged by weighted days",
    "budget_note_28": "This month is budget-neutral: the pool (the sum of prorated targets) is shared in proportion to "
                      "prorated target × coefficient; whoever that takes below prorated target × the floor coefficient, "
                      "or past prorated target × the cap, is paid there, and the rest of the pool is shared again among the others, to the fen. "
                      "Step 5 is the share.",
    "notice_how_text": "Five questions per answer: very satisfied = 100, satisfied = 75, neutral = 50, "
                       "dissatisfied = 25, very dissatisfied = 0, averaged. Each household counts once a "
                       "month (its latest answer); workers' own answers are not counted; grids with few "
                       "answers are pulled toward the community average, and a grid with too few this "
                       "month is scored on its last three months. Response rate = answers / households.",
}
