"""Normalisation: PDF line breaks, spaces, full-width forms, furniture, headings."""
from __future__ import annotations

from zhgov_extract.text.normalize import normalize

PDF = ("鞍山市委、市政府围绕央地合作坚持高位谋划高位推动,秉承来鞍驻鞍央企\n\n"
       "“自家人”、推动央地合作“牵线人”、真心解决问题“服务员”的理念，在产\n\n\n\n"
       "业发展、科技创新、城市建设、生态治理、民生改善等方面取得丰硕成果。2023\n\n"
       "年以来，共滚动推进央地合作项目 159 个，总投资 3021.27 亿元。18 个项目列入\n\n"
       "2024 年省央地合作重大项目库，年度投资完成率 110%，项目开复工率达到 100%。\n\n"
       "为鞍钢集团等央企及其子公司投放贷款 3.455 亿元，购买各类债券 4.6\n\n"
       "亿元。仅用一周时间成功为央企上游供应商办理 1亿元授信业务，有效解决其融\n\n")


def test_pdf_breaks_are_joined_and_mapped():
    nt = normalize(PDF)
    assert "在产业发展" in nt.text
    assert "2023年以来" in nt.text
    assert "4.6亿元" in nt.text
    assert "159个" in nt.text
    i = nt.text.index("4.6亿元")
    a, b = nt.to_source(i, i + len("4.6亿元"))
    assert PDF[a:b] == "4.6\n\n亿元"


def test_fullwidth_digits_fold_but_map_back():
    src = "增长１２．５％，总投资１，２３４万元"
    nt = normalize(src)
    assert "12.5%" in nt.text
    i = nt.text.index("12.5%")
    a, b = nt.to_source(i, i + 5)
    assert src[a:b] == "１２．５％"


def test_page_furniture_removed():
    src = "总投资 14.8 亿元的项目建设进展顺利，为高炉高效清洁低碳绿色生产和智慧化球团\n\n- 3 -\n\n厂建设提供典型案例。"
    nt = normalize(src)
    assert "- 3 -" not in nt.text
    assert "球团厂" in nt.text


def test_list_lines_and_headings_stay_apart():
    src = "今年新开工社会投资类部分重点项目名录\n\n海城市\n\n- ◆ 甲公司乙项目\n- ◆ 丙公司丁项目\n\n台安县\n\n- ◆ 戊项目\n"
    nt = normalize(src)
    assert "海城市\n" in nt.text
    heads = [h.text for h in nt.headings if h.level == 4]
    assert "海城市" in heads and "台安县" in heads
    assert len([s for s in nt.sentences]) >= 5


def test_numbered_headings():
    src = "一、鞍山市央地合作项目发展现状\n\n（一）向“活”推进央地资源合作\n\n## 项目建设点燃强劲引擎\n\n正文内容很长很长的一段话。"
    nt = normalize(src)
    levels = {h.text: h.level for h in nt.headings}
    assert levels["一、鞍山市央地合作项目发展现状"] == 1
    assert levels["（一）向“活”推进央地资源合作"] == 2
    assert levels["## 项目建设点燃强劲引擎"] == 2


def test_ascii_words_keep_their_space():
    nt = normalize("Microsoft Recognizers Text 与 jieba 分词")
    assert "Microsoft Recognizers Text" in nt.text


def _joined(src: str, piece: str, source_piece: str) -> None:
    """``piece`` is in the matching text and maps back to ``source_piece``."""
    nt = normalize(src)
    assert piece in nt.text, nt.text
    i = nt.text.index(piece)
    a, b = nt.to_source(i, i + len(piece))
    assert src[a:b] == source_piece


def test_number_split_from_its_unit_inside_a_numbered_item():
    # the item's own mark (2．, 一、, （三）) does not keep the number from its unit
    _joined("2．某区计划投资12\n亿元，用于园区建设。", "12亿元", "12\n亿元")
    _joined("一、全年新建道路35\n公里，改造管网。", "35公里", "35\n公里")
    _joined("（三）新增就业岗位1.2\n万个，稳住基本盘。", "1.2万个", "1.2\n万个")


def test_a_heading_mark_alone_is_not_joined_to_a_number():
    nt = normalize("一、\n2024年工作回顾")
    assert "一、\n" in nt.text


def test_timestamp_line_stays_apart_from_a_title_with_a_year():
    nt = normalize("发布时间：2024-05-06 10:30\n2024年全市经济运行情况")
    assert "10:30\n2024年" in nt.text


def test_section_number_line_stays_apart_from_its_heading():
    assert "05\n固定资产投资" in normalize("05\n固定资产投资\n全市投资平稳增长。").text
    assert "。\n3\n重点项目" in normalize("全年经济平稳运行。\n3\n重点项目建设").text
    # a number on its own line inside a sentence is still joined to its unit
    _joined("产销量分别是上年的\n3.1\n倍", "3.1倍", "3.1\n倍")
