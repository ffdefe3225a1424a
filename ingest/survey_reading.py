"""What the policy says about reading survey files, in one value the readers pass around."""
from __future__ import annotations

from dataclasses import dataclass, field

from gridpay.transforms.platform_layouts import WJX, PlatformLayout
from gridpay.transforms.zone import DEFAULT_TIMEZONE


@dataclass(frozen=True)
class SurveyReading:
    """What the policy says about reading survey files."""
    aliases: dict[str, str]
    items: tuple[str, ...]
    questions: dict[str, str | tuple] = field(default_factory=dict)      # canonical column -> text(s) of its question
    sources: dict[str, str] = field(default_factory=dict)        # platform 来源 -> channel
    option_codes: dict[str, str] = field(default_factory=dict)   # codes export: option number -> 1-5
    platforms: tuple[PlatformLayout, ...] = (WJX,)               # platform layouts, in the policy's order
    timezone: str = DEFAULT_TIMEZONE                             # survey times are local times here
    door_dashes: bool = False                                    # '3-2-301' is 3栋2单元301 (policy)
    compound: bool = False                                       # the compound (小区) is part of the household
    channel_words: dict[str, str] = field(default_factory=dict)  # a channel typed in words (纸质) -> channel
    door_variants: bool = False                                  # 七栋一单元101, 7#1-101 are 7栋1单元101 (policy)
    answer_words: dict[str, str] = field(default_factory=dict)   # an answer in words (比较满意) -> its point
    phone_questions: tuple[str, ...] = ()                         # a download's phone question worded otherwise
    one_compound_grids: bool = False                             # a one-compound grid's homes: door number alone
    compound_suffix_dropped: bool = False                        # 丽都家园小区 is the compound 丽都家园 (policy)
    yearless_dates: bool = False                                 # 10月3日 is a day of the run's month (policy)
    compound_in_door: bool = False                               # 桂花苑3栋201 in 桂花苑 is 3栋201 (policy)
    written_times: bool = False                                  # 9号, 14时30分, 下午3:20 as on paper (policy)
    door_suffixes: bool = False                                  # 5栋1单元1201号, 6幢2-502 (policy)
    door_rooms: bool = False                                     # 5号楼302室, 5-302, 二零一 (policy)
    door_floors: bool = False                                    # 3栋2单元12楼01, 3-2-12-01 (policy)
    door_houses: bool = False                                    # 七弄五号三零一, 7弄5-301, 12弄21号 (policy)
    door_numerals: bool = False                                    # 叁组拾伍号 as 三组十五号 (policy)
    door_streets: bool = False                                   # 梧桐路18, 梧桐路第18号 as 梧桐路18号 (policy)
    door_look_alikes: bool = False                               # 4O1, 10l as 401, 101 (policy)
    grid_invisible_dropped: bool = False                         # 银杏小区三网格+U+200B as the grid's name (policy)
    grid_dots_dropped: bool = False                              # 第二网格(古丽娜尔・吐尔逊) as its alias with · (policy)
    unread_compounds_refused: bool = False                       # a column of listed compounds not read: stops (policy)
    listed_compounds: tuple[str, ...] = ()                       # the compounds grids.csv lists (the stage gives them)
    door_basements: bool = False                                 # 5栋-1层, 5栋负一层 as 5栋负1层 (policy)
    door_room_parts: bool = False                                # 401-2 as 401之二, 地下室5号 as 负1层5号 (policy)
    door_separators: bool = False                                # 4/3/501, 5.3.302 as 4-3-501 (policy)
    door_yards: bool = False                                     # 槐树胡同15, 15号, 12号东屋, 底商5 (policy)
    door_spaced_places: bool = False                             # 一区 4 2 301 (policy)
    door_gates: bool = False                                     # 5号楼1门三零二 (policy)
    digit_compound_doors: bool = False                           # 7号院3-2-301 in 7号院 (policy)
    door_numbers_hidden: int = 0             # from output format 22 a phone or ID typed as the door masked and hashed
    worker_names: tuple[tuple[str, str], ...] = ()      # (name, worker id) of workers.csv: a sheet's 姓名 noted by them
    comment_phones_all: bool = False                             # a comment's landlines masked too (policy)
    duplicate_columns_refused: bool = False                      # two headers read as one column, unlike (policy)
    reworded_questions: bool = False                             # an item's question asked two ways (policy)
    sheet_scale: int | None = None                               # the top a sheet's legend, title are checked on
    header_scale: tuple[int, int] | None = None                  # the scale a question's or title's 0-10分 must be
    answer_marks_dropped: bool = False                           # 非常满意。 as 非常满意 (policy)
    answer_text_cleaned: bool = False                            # 不满意〖原因〗 as 不满意 (policy)
    channel_words_within: bool = False                           # 入户调查 as visit (policy)
    dotted_dates: bool = False                                   # 10.14 as 10月14日 (policy)
    grid_compound_in_door: bool = False                          # 李家村3组17 in 李家村's grid is 3组17 (policy)
    listed_compound_in_door: bool = False                        # 王庄3组9 in a grid of 王庄 and more (policy)
    clock_durations: bool = False                                # a duration written 00:02:05 (policy)
    items_required: bool = False                                 # a file without an item stops (policy)
    csv_totals_rows_set_aside: bool = False                      # a CSV's 合计 row set aside (policy)
    note_rows_set_aside: bool = False                            # a note typed under the answers (policy)
    file_id_prefixes: tuple[tuple[str, str], ...] = ()           # (text in a file's name, prefix of its ids)
    file_grids: tuple[tuple[str, str], ...] = ()                 # (text in a download's name, its grid)
    grid_names_by_file: bool = False                             # 第一网格 of two communities: the file's (policy)
    grid_numbers_refused: bool = False                           # a codes export's grid numbers: refused (policy)
    codes_export_words: bool = False                             # ... numbers with a few words: one (policy)
    other_grid_compound_homes: bool = False                      # one-compound grid, another grid's compound named: kept
    door_after_listed_name: bool = False                         # 刘家湾村4组13 typed in 刘家湾: 4组13 (policy)
    other_months_near: bool = False                              # 10/3 18:42 (year 1) is no other month's (policy)
    communities: tuple[str, ...] = ()                            # grids.csv's communities (the stage gives them)
    csv_rows_complete: bool = False                              # a CSV row short of cells is refused (policy)
    other_questions: tuple[str, ...] | None = None               # a form's questions on no worker (policy)
    door_parts: tuple[str, ...] = ()                             # 楼栋, 单元 asked apart from 门牌号 (policy)
    door_parts_typed: bool = False                               # ... 1单元 302, 1/302 under them (policy)
    door_parts_rooms: bool = False                               # ... 二零一, 6楼01 under them (policy)
    rounded_phones_unread: bool = False                          # phones Excel rounded read as unreadable (policy)
    lone_rounded_phones: bool = False                            # ... one alone ending in 000000 too (policy)
    title_legends: bool = False                                  # a legend above a sheet's header checked (policy)
    landline_mobiles: bool = False                               # a landline and a mobile in a phone cell: two (policy)
    typed_durations_unread: bool = False                         # a typed sheet's durations not read (policy)

    @property
    def reads_foreign_compounds(self) -> bool:    # survey.other_grid_compound_homes, where compounds are read
        return self.compound and self.other_grid_compound_homes


def survey_reading(policy) -> SurveyReading:
    # a survey file's own headers (手机号 is the resident's phone there, a worker's in workers.csv)
    return SurveyReading(
        aliases=policy.aliases | policy.survey_aliases, items=policy.items, questions=policy.question_texts,
        sources=policy.sources, option_codes=policy.option_codes, platforms=policy.platforms, timezone=policy.timezone,
        door_dashes=policy.door_number_dashes, compound=policy.household_compound, channel_words=policy.channel_words,
        door_variants=policy.door_number_variants, answer_words=policy.answer_words,
        one_compound_grids=policy.one_compound_grids, compound_suffix_dropped=policy.compound_suffix_dropped,
        yearless_dates=policy.yearless_dates, compound_in_door=policy.compound_in_door_number,
        written_times=policy.written_times, door_suffixes=policy.door_number_suffixes,
        door_rooms=policy.door_number_rooms, door_floors=policy.door_number_floors,
        door_houses=policy.door_number_houses, door_numerals=policy.door_number_numerals,
        door_streets=policy.door_number_streets, door_look_alikes=policy.door_number_look_alikes,
        grid_invisible_dropped=policy.grid_invisible_dropped, grid_dots_dropped=policy.grid_dots_dropped,
        unread_compounds_refused=policy.unread_compounds_refused,
        door_basements=policy.door_number_basements, door_room_parts=policy.door_number_room_parts,
        door_separators=policy.door_number_separators, door_yards=policy.door_number_yards,
        door_spaced_places=policy.door_number_spaced_places, door_gates=policy.door_number_gates,
        digit_compound_doors=policy.digit_compound_doors,
        answer_marks_dropped=policy.answer_marks_dropped,
        answer_text_cleaned=policy.answer_text_cleaned, channel_words_within=policy.channel_words_within,
        dotted_dates=policy.dotted_dates, grid_compound_in_door=policy.grid_compound_in_door_number,
        listed_compound_in_door=policy.listed_compound_in_door_number, clock_durations=policy.clock_durations,
        items_required=policy.items_required, csv_totals_rows_set_aside=policy.csv_totals_rows_set_aside,
        note_rows_set_aside=policy.note_rows_set_aside, file_id_prefixes=policy.file_id_prefixes,
        file_grids=policy.file_grids,
        grid_names_by_file=policy.grid_names_by_file, grid_numbers_refused=policy.grid_numbers_refused,
        codes_export_words=policy.codes_export_words,
        other_grid_compound_homes=policy.other_grid_compound_homes, other_months_near=policy.other_months_near,
        csv_rows_complete=policy.csv_rows_complete, door_after_listed_name=policy.door_after_listed_name,
        phone_questions=policy.phone_questions, comment_phones_all=policy.comment_phones_all,
        duplicate_columns_refused=policy.duplicate_columns_refused, reworded_questions=policy.reworded_questions,
        sheet_scale=policy.scale_max if policy.sheet_scales_checked else None,
        header_scale=(policy.scale_min, policy.scale_max) if policy.header_scales else None,
        other_questions=policy.other_questions, door_parts=policy.door_parts, door_parts_typed=policy.door_parts_typed,
        door_parts_rooms=policy.door_parts_rooms,
        rounded_phones_unread=policy.rounded_phones_unread, typed_durations_unread=policy.typed_durations_unread,
        landline_mobiles=policy.landline_mobile_cells, lone_rounded_phones=policy.lone_rounded_phones_unread,
        title_legends=policy.title_legends_checked)
