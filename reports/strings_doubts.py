"""The scorecard's list of homes that may be counted twice or once wrongly (pipeline/household_doubts.py records
them with the run), in both languages: one label per kind of pair, `doubt_<kind>` (reports/strings.py merges them)."""
from __future__ import annotations

ZH: dict[str, str] = {
    "household_doubts": "签字前请核实：以下答卷可能是同一户的不同写法（或不同户写成了同一写法），本次各按所写计数；如为不同的两户，无需处理；如确为同一户，请在人工录入表中统一写法，平台下载的答卷以申诉（其他）剔除较早一份，然后重新运行：",
    "doubt_compounds": "{grid_name}（{grid_id}）：未填小区的答卷中有 {count} 个门牌号被答了不止一次，无法分辨是否同一户：{shown}",
    "doubt_prefixed": "{grid_name}（{grid_id}）：{count} 户门牌号前有地名与无地名两种写法：{shown}",
    "doubt_unitless": "{grid_name}（{grid_id}）：{count} 对门牌号一个写了单元、一个没写：{shown}",
    "doubt_groupless": "{grid_name}（{grid_id}）：{count} 对门牌号一个写了组、一个没写：{shown}",
    "doubt_phone_doors": "{grid_name}（{grid_id}）：{count} 个手机号为本网格的两户作答，各按一户计（如为同一户：楼栋改号、门牌写法不同，请把较早的答卷作 HR 更正剔除）：{shown}",
    "doubt_alias_doors": "{grid_name}（{grid_id}）：{count} 个门牌号在本网格的不同别名下都有答卷，按同一户计（如别名原为不同的组或网格，则为不同住户）：{shown}",
    "doubt_reworded": "{grid_name}（{grid_id}）：{count} 对门牌号数字相同、写法不同：{shown}",
    "doubt_alike_compounds": "{grid_name}（{grid_id}）：{count} 个门牌号在写法相近的两个小区名下都有答卷（如为同一小区，请在 grids.csv 的 compounds 中以“=”写明别名）：{shown}",
    "doubt_listed_compounds": "{grid_name}（{grid_id}）：{count} 个门牌号在本网格所列的两个小区名下都有答卷（两个名称都已列在 grids.csv 的 compounds 中，不能再用“=”写成别名；如为同一户，请以申诉（其他）剔除较早一份）：{shown}",
    "doubt_two_grids": "同一户为 {count} 个网格作答（一户只属一个网格）：{shown}",
    # output format 27: its own fix, not the heading's (trial 208 set the home's own grid's answer aside by it), and a
    # heading of its own where no pair is listed (trial 208's re-check read the pairs' heading over it alone)
    "household_doubts_homes": "签字前请核实：",
    "doubt_two_grids_27": "同一户为 {count} 个网格作答（一户只属一个网格；与上文不同，请核实该户属于哪个网格，以申诉（非本网格，"
                          "应计入网格不填）剔除另一个网格的答卷，该户本网格的答卷照常计分）：{shown}",
    "doubt_lettered": "{grid_name}（{grid_id}）：{count} 对门牌号数字相同、仅一个带字母（楼座、地下层或分户的写法）：{shown}",
}

EN: dict[str, str] = {
    "household_doubts": "Check before signing: these answers may be one home written two ways (or two homes written alike), each counted as written; where they are two homes, nothing is to be done; where they are one home, write it one way in the sheet HR types, or set the older platform answer aside with an appeal (other), and run again:",
    "doubt_compounds": "{grid_name} ({grid_id}): {count} door numbers answered more than once by answers naming no compound cannot be told apart: {shown}",
    "doubt_prefixed": "{grid_name} ({grid_id}): {count} homes written with a place before the door number and without it: {shown}",
    "doubt_unitless": "{grid_name} ({grid_id}): {count} pairs of door numbers, one with its unit and one without: {shown}",
    "doubt_groupless": "{grid_name} ({grid_id}): {count} pairs of door numbers, one with its group (组) and one without: {shown}",
    "doubt_phone_doors": "{grid_name} ({grid_id}): {count} phones answered for two homes of the grid, each counted as a home (one home renumbered or typed two ways: set the older answer aside as HR's own correction): {shown}",
    "doubt_alias_doors": "{grid_name} ({grid_id}): {count} door numbers answered under two of the grid's other names, counted as one home (two, where the names were two groups or grids): {shown}",
    "doubt_reworded": "{grid_name} ({grid_id}): {count} pairs of door numbers with the same numbers in other words: {shown}",
    "doubt_alike_compounds": "{grid_name} ({grid_id}): {count} door numbers answered under two compound names that read alike (if they are one compound, give the other name after '=' in grids.csv's compounds): {shown}",
    "doubt_listed_compounds": "{grid_name} ({grid_id}): {count} door numbers answered under two compound names grids.csv lists for the grid (both listed: '=' cannot make them one; where they are one home, set the older answer aside with an appeal, other): {shown}",
    "doubt_two_grids": "One home answered for {count} grids (a home is in one grid): {shown}",
    "household_doubts_homes": "Check before signing: ",
    "doubt_two_grids_27": "One home answered for {count} grids (a home is in one grid; unlike the pairs above, check "
                          "which grid the home is in and set the answer to the other grid aside with an appeal, 非本网格, "
                          "resident_grid blank: the home's answer of its own grid counts): {shown}",
    "doubt_lettered": "{grid_name} ({grid_id}): {count} pairs of door numbers with the same numbers, one with a letter (a block, a floor below ground, a room of a shared flat): {shown}",
}
