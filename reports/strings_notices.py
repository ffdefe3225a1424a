"""Each line a run lists on the scorecard is headed with its kind (output format 18: pipeline/run_notices.py
headed), in the scorecard's language: the lines themselves are the console's, in English."""
from __future__ import annotations

ZH: dict[str, str] = {
    "run_notice_keys": "【手机号密钥】",
    "run_notice_policy": "【考评办法】",
    "run_notice_pooled_window": "【合并月份】",
    "run_notice_reference_files": "【参考文件有变】",
    "run_notice_accepted": "【人事已确认放行】",
    "run_notice_answer_doubts": "【答卷收集方式存疑】",
    "run_notice_answers_fallen": "【网格答卷骤减】",
    "run_notice_appeals": "【申诉记录未填完】",
    "run_notice_appeal_notes": "【申诉处理意见】",
    "run_notice_changed_answers": "【答卷与已发布版本不同】",
    "run_notice_compound_grid": "【答卷所填小区属于其他网格】",
    "run_notice_door_building": "【门牌不在所选网格的楼栋】",
    "run_notice_download_columns": "【下载文件缺少列】",
    "run_notice_download_cut": "【下载文件不完整】",
    "run_notice_early_download": "【下载早于月末】",
    "run_notice_files_unread": "【未读取的文件】",
    "run_notice_form_options": "【问卷选项读法存疑】",
    "run_notice_form_edited": "【问卷在月中改版】",
    "run_notice_handover": "【网格交接】",
    "run_notice_invalid_rows": "【无效答卷】",
    "run_notice_no_answers": "【网格本月无答卷】",
    "run_notice_other_months": "【其他月份的文件、答卷或补扣款】",
    "run_notice_pay_inputs": "【薪酬数据存疑】",
    "run_notice_phones_unread": "【手机号无法识别】",
    "run_notice_roster": "【网格员名单与分工】",
    "run_notice_same_time": "【同户同时作答】",
    "run_notice_same_day": "【同户同日作答】",
    "run_notice_score_shift": "【得分整体变动】",
    "run_notice_self_rating": "【网格员本人手机作答】",
    "run_notice_split_grid": "【网格拆分或合并：答卷归属不明】",
    "run_notice_worker_home": "【可能来自网格员本人住户的答卷】",
    "run_notice_worker_named": "【答卷填写人与本网格网格员同名】",
    "run_notice_grid_ids": "【网格编号与上月不同】",
    "run_notice_missing_channel": "【本月缺少上月有的答卷渠道】",
    "run_notice_rules_changed": "【考评办法或绩效工资基数与上月不同】",
    "run_notice_two_grid_option": "【一个问卷选项对应两个网格】",
}

EN: dict[str, str] = {
    "run_notice_keys": "[The phone-hash key] ",
    "run_notice_policy": "[The policy] ",
    "run_notice_appeal_notes": "[An appeal's note] ",
    "run_notice_pooled_window": "[Pooled months] ",
    "run_notice_reference_files": "[Reference files changed] ",
    "run_notice_accepted": "[Accepted by HR] ",
    "run_notice_answer_doubts": "[How answers were gathered] ",
    "run_notice_answers_fallen": "[A grid's answers fell] ",
    "run_notice_appeals": "[An appeal half recorded] ",
    "run_notice_changed_answers": "[Answers otherwise than as published] ",
    "run_notice_compound_grid": "[A compound of another grid] ",
    "run_notice_door_building": "[A door outside the grid's buildings] ",
    "run_notice_download_columns": "[A download lacks a column] ",
    "run_notice_download_cut": "[A download cut short] ",
    "run_notice_early_download": "[Downloaded before the month ended] ",
    "run_notice_files_unread": "[Files not read] ",
    "run_notice_form_options": "[How the form's options are read] ",
    "run_notice_form_edited": "[The form edited in the month] ",
    "run_notice_handover": "[A handover] ",
    "run_notice_invalid_rows": "[Invalid answers] ",
    "run_notice_no_answers": "[A grid without answers] ",
    "run_notice_other_months": "[Another month's files, answers or adjustments] ",
    "run_notice_pay_inputs": "[Pay inputs to check] ",
    "run_notice_phones_unread": "[Phones not read] ",
    "run_notice_roster": "[Workers and assignments] ",
    "run_notice_same_time": "[Answers at the same time] ",
    "run_notice_same_day": "[Answers of one day] ",
    "run_notice_score_shift": "[Scores moved together] ",
    "run_notice_self_rating": "[A worker's own phone] ",
    "run_notice_split_grid": "[A grid split or merged: whose answers] ",
    "run_notice_worker_home": "[From a worker's own home, perhaps] ",
    "run_notice_worker_named": "[An answer in a worker's name] ",
    "run_notice_grid_ids": "[Grid ids unlike last month's] ",
    "run_notice_missing_channel": "[A way of answering last month had, none this month] ",
    "run_notice_rules_changed": "[Rules or pay targets other than last month's] ",
    "run_notice_two_grid_option": "[A form's option naming two grids] ",
}

# Output format 19: under its heading, the first line of a kind says in Chinese what it is about and what HR
# does (trials 114 and 117's HR, reading only Chinese, got the gist from the heading, not what to do); the
# console's English line follows as the detail. English scorecards need no such line: the line is the advice.
ADVICE_ZH: dict[str, str] = {
    "keys": "手机号加密密钥与往月不同，往月答卷中网格员本人手机作答可能无法识别。非有意更换密钥的，请找回原密钥文件后重新运行。",
    "policy": "本次计酬所依据的考评办法与文件夹中的办法不一致，或缺少新版条款。请核对本月适用的考评办法及版本号。",
    "pooled_window": "答卷较少的网格合并往月答卷计分，往月答卷按当时的规则读取。请核对合并的月份及其读法。",
    "reference_files": "网格、网格员、分工或补扣款文件与本月发布时不同，本次未采用新文件。如有本月的更正，请按提示加 --take 重新运行。",
    "accepted": "以下事项经人事在运行时确认放行（--accept 选项），已记录在案。签字前请确认放行理由。",
    "answer_doubts": "答卷收集方式或户数存疑（计入户数多于登记户数、同一门牌多种写法、集中作答等），已照常计分。请核对后视情况安排回访。",
    "answers_fallen": "某网格本月计入的答卷比上月骤减，可能漏放了一份纸质问卷或下载文件。请检查收件箱，补齐后重新运行。",
    "appeals": "申诉表有记录未填完（填了处理人或日期但无结论），该申诉按待处理计，答卷照常计分。请填写“支持”或“驳回”后重新运行。",
    # trial 148: HR's note named the home a call found had not answered, printed on the worker's own sheet
    "appeal_notes": "申诉的处理意见列在网格员本人的考评表上，其中写有住户的门牌或手机号。请改写处理意见后重新运行。",
    "changed_answers": "本次读入的答卷与该月已发布的版本不同（新增、删除或修改）。请确认是有意更正（如补录纸质问卷）后再签字。",
    "compound_grid": "答卷所填小区在网格表中属于其他网格，答卷已计入答卷所填的网格。请核对网格范围：确属他网格的，在公示期以申诉（非本网格）剔除。",
    "download_columns": "平台下载文件缺少某列（如答题用时），相关核查无法进行。请按平台说明重新下载完整文件。",
    "download_cut": "平台下载文件的答卷数少于文件名所示，可能不完整。请确认后重新下载，或知悉按现有答卷计酬。",
    "early_download": "平台下载时间早于月末，月末几天的答卷可能缺失。请在月末后重新下载，替换原文件后重新运行。",
    "files_unread": "收件箱中有文件未被读取，其中的答卷不计入任何网格。请按提示更正或移动文件后重新运行。",
    "form_options": "问卷选项与计分的对应存疑（如“满意”可能是最高档）。请核对问卷选项，不一致时在考评办法中写明各选项分值后重新运行。",
    "form_edited": "问卷在月中改过（题目改写或选项改名），改版前后的答卷已按同一题目、同一分值读取。请核对所列的新旧题目、选项确为同一内容。",
    "handover": "网格交接的日期有重叠或空档：两名网格员同日计酬，或有天数无人计酬。请核对分工表中的起止日期。",
    "invalid_rows": "部分答卷无效未计入，原因见 quarantine.csv。请查看，可更正的更正后重新运行。",
    "no_answers": "有网格本月没有答卷，按往月合并计分或按中性系数计酬。请确认该网格居民已收到问卷、下载文件没有遗漏。",
    "other_months": "收件箱中有其他月份的文件、答卷或补扣款，或依赖的往月尚未发布。请按提示处理后再签字。",
    "pay_inputs": "计酬数据存疑（如补扣款发给本月无分工的网格员、金额异常）。请核对补扣款表和网格员名单。",
    "phones_unread": "部分答卷的手机号被平台隐藏、无法识别或未填写，无法检查一户一票和本人作答。被隐藏的，请按平台说明导出完整"
                     "手机号后重新运行；居民未填写的，无需处理。",
    "roster": "网格员名单或分工需要核对（网格部分日期无人负责、网格员未登记手机号、权重等）。请按所列内容核对 workers.csv 和 assignments.csv。",
    "same_time": "同一户同一时间提交了多份答卷，只计一份。请在 quarantine.csv 中核对哪一份是该户的。",
    "same_day": "同一户同一天提交了多份答卷，其中纸质问卷只写了日期，无法判断先后，已计入写有时间的一份。请在 quarantine.csv "
                "中核对哪一份是该户的。",
    "score_shift": "各网格得分整体大幅变动，可能是问卷选项或其读法改了。请核对问卷与考评办法后再发放。",
    "self_rating": "有答卷涉及网格员本人手机，按规定本人作答不计入。请核实，居民的纸质问卷可补录居民本人手机号。",
    "split_grid": "网格拆分、合并或交接后，部分答卷无法确定属于哪个网格。请核对所列答卷的楼栋门牌，并在网格表中写明各网格的小区。",
    # trials 132 and 133: these answers count, and the self_rating heading's words said they did not
    "worker_home": "有答卷来自网格员本人手机以前作答过的门牌（未留手机号，或用其他手机），已照常计入。如系网格员本人住户，请以人事"
                   "更正（申诉表中网格员编号留空、类别为其他、结论为支持）剔除后重新运行；如系网格员入户时替居民代填的住户，无需处理。",
    # output format 25 (trial 174): a typed sheet's 姓名 is the grid's worker's; no phone to tell her own answer by
    "worker_named": "有答卷的填写人与本网格网格员同名（表格无手机号，无法按手机号识别本人作答），已照常计入。如系网格员本人作答，请以人事"
                    "更正（申诉表中网格员编号留空、类别为其他、结论为支持）剔除后重新运行；如系同名居民，无需处理。",
    # output format 25 (trial 180): a paper sheet not yet typed in when the schedule fired
    "missing_channel": "上月有纸质、入户等渠道的答卷，本月的答卷文件中没有：纸质问卷可能尚未录入或未放入本月文件夹。本月按现有答卷计算；"
                       "答卷补齐后请手工重新运行（注明原因）。",
    # output format 25 (trial 175): grids renumbered lose the months they pool
    "grid_ids": "网格编号与上月发布时不同：往月答卷按网格编号查找，新编号的网格没有往月答卷，答卷不足时按中性系数计。如系同一网格（同样的住户），"
                "请改回原编号后重新运行；合并或拆分后的网格可保留其中一个原编号，或用新编号。",
    # trial 264: a new policy version, or targets raised, said under 【考评办法】's words of a file unlike the project's
    "rules_changed": "本月计酬所依据的考评办法或网格员绩效工资基数与上月发布时不同，本月按新的计算。如新办法或新基数自以后月份起执行，"
                     "请用原办法文件或原网格员名单重新运行本月。",
    # policy 2027.31 (trial 241): said under 【无效答卷】 until then, though the answers counted
    # trial 305: 王芳（三/五网格）, one grid's alias, was said under the heading of the answer words' points
    "two_grid_option": "问卷有选项同时写了两个网格（如“三/五网格”），选该选项的答卷已全部计入网格表中该选项所属的网格。请逐份核对"
                       "所列答卷的门牌：属于另一网格的，以人事更正（申诉表中网格员编号留空、类别为非本网格、结论为支持、居民所在网格填"
                       "另一网格）计入其所属网格后重新运行；都是本网格住户的，无需处理。",
    "door_building": "答卷所填门牌的楼栋，在网格表中不属于答卷所选的网格，答卷已计入所选网格。请逐条核对：门牌有误的，更正后重新运行；"
                     "楼栋确属本网格的，补入网格表；不是本社区居民的，以人事更正（非本网格）剔除。",
}
# output format 21: advice reworded (trial 136: a split cannot be placed by compounds within one compound, and an
# answer said under 【答卷收集方式存疑】 may be one the rules set aside); months before render with the words above
ADVICE_21_ZH: dict[str, str] = {
    "answer_doubts": "答卷收集方式或户数存疑（计入户数多于登记户数、同一门牌多种写法、集中作答、同一门牌的差评让位于另一部手机的答卷等），"
                     "已按规则计分。请核对后视情况安排回访。",
    "split_grid": "网格拆分、合并或交接后，部分答卷无法确定属于哪个网格。请逐份核对所列答卷的楼栋门牌：属于其他网格的，"
                  "在公示期以申诉（非本网格）剔除，或录入人工录入表计入其所属网格。",
}
ZH |= {f"run_advice_{kind}": text for kind, text in ADVICE_ZH.items()}
ZH |= {f"run_advice_{kind}_21": text for kind, text in ADVICE_21_ZH.items()}
EN |= {f"run_advice_{kind}_21": "" for kind in ADVICE_21_ZH}
EN |= {f"run_advice_{kind}": "" for kind in ADVICE_ZH}
# the HR scorecard's words of output format 27: a final month's sample uncalled as of the signing, not 请回访后再签字
# beside 已定稿 (trial 207's re-check); a worker's flag of the worker, not to her (trial 209 read 您 on it)
ZH["flag_window_before_start_hr"] = "合并评分所含月份有其他网格员在岗，其在该网格的份额按中性系数计"
EN["flag_window_before_start_hr"] = "a grid's pooled months hold another worker's days: the worker's share of it at neutral"
ZH["cycle_uncalled_final"] = "定稿时抽样中有 {n} 份尚无回访记录（{ids}，见 verify.csv）。"
EN["cycle_uncalled_final"] = " {n} answers of the sample had no call recorded when the month was finalized ({ids}; verify.csv)."
