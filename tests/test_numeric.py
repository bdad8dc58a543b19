"""Numeric taggers: spans and normalised values, sentence by sentence.

Each case is (text, [(type, span text, value, unit-or-currency, qualifier)]).
Cases come from the seeds' language and from reports of other provinces; when a
rule is fixed, the sentence that broke goes here.
"""
from __future__ import annotations

import pytest

CASES = [
    # money: units, multipliers, qualifiers outside, 余 inside, Chinese numerals
    ("总投资 3021.27 亿元。", [("money", "3021.27 亿元", "302127000000", "CNY", "exact")]),
    ("合同总额超 60 亿元。", [("money", "60 亿元", "6000000000", "CNY", "over")]),
    ("投资10亿元以上项目", [("money", "10亿元", "1000000000", "CNY", "over")]),
    ("3个超百亿元项目", [("quantity", "3个", "3", "个", "exact"), ("money", "百亿元", "10000000000", "CNY", "over")]),
    ("支持资金8620万余元", [("money", "8620万余元", "86200000", "CNY", "approx_more")]),
    ("争取资金十余亿元", [("money", "十余亿元", "1000000000", "CNY", "approx_more")]),
    ("奖补三千万元", [("money", "三千万元", "30000000", "CNY", "exact")]),
    ("签订金额 428 万。", [("money", "428 万", "4280000", "CNY", "exact")]),
    ("总投资1651.48亿。", [("money", "1651.48亿", "165148000000", "CNY", "exact")]),
    ("实际利用外资5000万美元", [("money", "5000万美元", "50000000", "USD", "exact")]),
    ("全省生产总值1.56 万亿元", [("money", "1.56 万亿元", "1560000000000", "CNY", "exact")]),
    ("收支结余-356万元", [("money", "-356万元", "-3560000", "CNY", "exact")]),
    ("收支结余－356万元", [("money", "－356万元", "-3560000", "CNY", "exact")]),
    ("城镇居民人均可支配收入1,234元", [("money", "1,234元", "1234", "CNY", "exact")]),
    ("月均工资1208元/月", [("money", "1208元/月", "1208", "CNY", "exact")]),
    ("融资约180亿元", [("money", "180亿元", "18000000000", "CNY", "about")]),
    ("投资近40亿元", [("money", "40亿元", "4000000000", "CNY", "nearly")]),
    ("营业收入突破 2000亿元", [("money", "2000亿元", "200000000000", "CNY", "over")]),
    ("资金不足5亿元", [("money", "5亿元", "500000000", "CNY", "under")]),
    ("投资1亿元左右", [("money", "1亿元", "100000000", "CNY", "about")]),
    ("拨付壹佰贰拾万元", [("money", "壹佰贰拾万元", "1200000", "CNY", "exact")]),
    ("规模约3千万元", [("money", "3千万元", "30000000", "CNY", "about")]),
    ("贷款 4.6\n\n亿元", [("money", "4.6\n\n亿元", "460000000", "CNY", "exact")]),
    ("全年力争固投突破500亿元", [("money", "500亿元", "50000000000", "CNY", "over")]),
    # percent
    ("一般公共预算收入增长7.4%", [("percent", "7.4%", "7.4", "percent", "exact")]),
    ("规模以上工业增加值增长4%以上", [("percent", "4%", "4", "percent", "over")]),
    ("增长百分之七点四", [("percent", "百分之七点四", "7.4", "percent", "exact")]),
    ("分别同比提高 3.5 和 3 个百分点", [("percent", "3.5", "3.5", "percentage_point", "exact"),
                                     ("percent", "3 个百分点", "3", "percentage_point", "exact")]),
    ("分别提高3.5个和3个百分点", [("percent", "3.5个", "3.5", "percentage_point", "exact"),
                              ("percent", "3个百分点", "3", "percentage_point", "exact")]),
    ("供销差率由 11%下降到 3.81%", [("percent", "11%", "11", "percent", "exact"),
                               ("percent", "3.81%", "3.81", "percent", "exact")]),
    ("分别增长17.6%和9.4%", [("percent", "17.6%", "17.6", "percent", "exact"),
                           ("percent", "9.4%", "9.4", "percent", "exact")]),
    ("出口额增长1.6倍", [("percent", "1.6倍", "1.6", "multiple", "exact")]),
    ("同比增长3倍", [("percent", "3倍", "3", "multiple", "exact")]),
    ("城镇登记失业率下降0.5个百分点", [("percent", "0.5个百分点", "0.5", "percentage_point", "exact")]),
    ("全年增长１２．５％", [("percent", "１２．５％", "12.5", "percent", "exact")]),
    # quantity
    ("年产12.5万吨无碳低镁质不烧砖", [("quantity", "12.5万吨", "125000", "吨", "exact")]),
    ("辽宁首条 400 万吨/年带式球团", [("quantity", "400 万吨/年", "4000000", "吨/年", "exact")]),
    ("完成运输起降27.9万架次", [("quantity", "27.9万架次", "279000", "架次", "exact")]),  # 次-compounds are one unit
    ("PM2.5平均浓度35微克/立方米", [("quantity", "35微克/立方米", "35", "微克/立方米", "exact")]),
    ("66KV 变电站", [("quantity", "66KV", "66", "KV", "exact")]),
    ("粮食产量超过27.8亿斤", [("quantity", "27.8亿斤", "2780000000", "斤", "over")]),
    ("共签署协议 3000 余项", [("quantity", "3000 余项", "3000", "项", "approx_more")]),
    ("带动就业3.72万人", [("quantity", "3.72万人", "37200", "人", "exact")]),
    ("仅用141天", [("quantity", "141天", "141", "天", "exact")]),
    ("缩短 29个月", [("quantity", "29个月", "29", "个月", "exact")]),
    ("停滞近10年", [("quantity", "10年", "10", "年", "nearly")]),
    ("压缩至2个工作日内", [("quantity", "2个工作日", "2", "个工作日", "under")]),
    ("播种面积3.5千公顷", [("quantity", "3.5千公顷", "3.5", "千公顷", "exact")]),
    ("保障房2.1万套（间）", [("quantity", "2.1万套（间）", "21000", "套（间）", "exact")]),
    ("新建5G基站1.2万个", [("quantity", "1.2万个", "12000", "个", "exact")]),
    ("装机容量 120 万千瓦", [("quantity", "120 万千瓦", "1200000", "千瓦", "exact")]),
    ("实施项目2-3年", [("quantity", "2-3年", None, "年", "exact")]),
    ("近80家零部件企业", [("quantity", "80家", "80", "家", "nearly")]),
    ("节约30吨标准煤", [("quantity", "30吨标准煤", "30", "吨标准煤", "exact")]),
    # ranges
    ("投资10亿至20亿元", [("money", "10亿至20亿元", None, "CNY", "exact")]),
]

NOT_NUMBERS = [
    "2024年全市经济稳中有进",
    "11月25日，会议在鞍山举行",
    "项目自去年6月份完成立项",
    "紧扣“8+1+4”产业方向",
    "打造“2+N”科技创新中心体系",
    "编制“十四五”规划",
    "第十四届中国钢铁流通促进大会",
    "用好8890平台和12345平台",
    "推进5G网络建设",
    "辽国资建字〔2025〕19号",
    "建议（第1431318号）的答复",
    "“2370”改革",
    "纳税2000强企业",
    "持续建设六大产业园区",
    "十余位专家",
    "两个项目均实现百亿级大项目",
    "开工亿元以上项目",
    "统筹城乡二元结构",
    "推动多元化发展",
    "2024年度考核",
    "上世纪90年代",
    "制定《98家央企央地合作信息库》",
]


def _got(report):
    out = []
    for m in report.mentions:
        if m.type not in ("money", "percent", "quantity"):
            continue
        extra = m.norm.currency if m.type == "money" else m.norm.unit
        out.append((m.type, m.text, m.norm.value, extra, m.norm.qualifier))
    return out




def test_range_bounds(numeric_only):
    (m,) = [m for m in numeric_only("投资10亿至20亿元").mentions if m.type == "money"]
    assert (m.norm.low, m.norm.high, m.norm.value) == ("1000000000", "2000000000", None)
    (q,) = [m for m in numeric_only("实施项目2-3年").mentions if m.type == "quantity"]
    assert (q.norm.low, q.norm.high) == ("2", "3")


MORE_NOT_NUMBERS = [
    "3月3日上午10:00\n项城市重点项目集中开工",   # a clock time joined to the next line
    "7*24小时服务热线",                          # a label, not a duration
    "打造50亿级产业集群",                        # a size class
]




MORE_CASES = [
    ("营业收入是2019年的1.5倍", [("percent", "1.5倍", "1.5", "multiple", "exact")]),
    ("历时3个多月", [("quantity", "3个多月", "3", "个月", "approx_more")]),
    ("单价 1.2 万元/平方米", [("money", "1.2 万元/平方米", "12000", "CNY", "exact")]),
    ("全年一般公共预算收入完成 1,234,567 万元", [("money", "1,234,567 万元", "12345670000", "CNY", "exact")]),
    ("增长 -2.3%", [("percent", "-2.3%", "-2.3", "percent", "exact")]),
]




PDF_NUMBER_LINES = [
    # numbers set on lines of their own by PDF extraction, and lists across line breaks
    ("分别提高\n9.9\n个、\n3.1\n个百分点", [("percent", "9.9\n个", "9.9", "percentage_point", "exact"),
                                      ("percent", "3.1\n个百分点", "3.1", "percentage_point", "exact")]),
    ("产销量分别是上年的\n3.1\n倍、\n3\n倍", [("percent", "3.1\n倍", "3.1", "multiple", "exact"),
                                       ("percent", "3\n倍", "3", "multiple", "exact")]),
    ("出生率14.24‰", [("quantity", "14.24‰", "14.24", "‰", "exact")]),
    ("融资138.64亿元人民币", [("money", "138.64亿元", "13864000000", "CNY", "exact")]),
    ("装机4×66万千瓦", [("quantity", "66万千瓦", "660000", "千瓦", "exact")]),
]


# Numbers the metric records need (issue 13): compound units whole, numbers split from
# their unit inside numbered items, tallies, and three money forms users reported.
METRIC_NUMBERS = [
    ("货物周转量12.5亿吨公里", [("quantity", "12.5亿吨公里", "1250000000", "吨公里", "exact")]),
    ("旅客周转量85亿人公里", [("quantity", "85亿人公里", "8500000000", "人公里", "exact")]),
    ("开行3.2万列公里", [("quantity", "3.2万列公里", "32000", "列公里", "exact")]),
    ("发电量15吉瓦时", [("quantity", "15吉瓦时", "15", "吉瓦时", "exact")]),
    ("机耕作业20万亩次", [("quantity", "20万亩次", "200000", "亩次", "exact")]),
    ("出口带宽达到400TB/s", [("quantity", "400TB/s", "400", "TB/s", "exact")]),
    ("智能算力规模12 EFLOPS", [("quantity", "12 EFLOPS", "12", "EFLOPS", "exact")]),
    ("路网密度达到45公里/百平方公里", [("quantity", "45公里/百平方公里", "45", "公里/百平方公里", "exact")]),
    ("2．某区计划投资12\n亿元", [("money", "12\n亿元", "1200000000", "CNY", "exact")]),
    ("一、新建道路35\n公里", [("quantity", "35\n公里", "35", "公里", "exact")]),
    ("（三）新增岗位1.2\n万个", [("quantity", "1.2\n万个", "12000", "个", "exact")]),
    ("代表团获得12金8银5铜", [("quantity", "12金", "12", "金", "exact"), ("quantity", "8银", "8", "银", "exact"),
                          ("quantity", "5铜", "5", "铜", "exact")]),
    ("夺得3金2银", [("quantity", "3金", "3", "金", "exact"), ("quantity", "2银", "2", "银", "exact")]),
    ("门票5佰日元", [("money", "5佰日元", "500", "JPY", "exact")]),
    ("一碗面十块钱", [("money", "十块钱", "10", "CNY", "exact")]),
    ("单价45元6角7分", [("money", "45元6角7分", "45.67", "CNY", "exact")]),
    ("增长5.5%—6%", [("percent", "5.5%—6%", None, "percent", "exact")]),
]

METRIC_NOT_NUMBERS = [
    "发布时间：2024-05-06 10:30\n2024年全市经济运行情况",  # a timestamp line, then a title
    "全市经济平稳运行。\n05\n项目建设",                  # a section number line before its heading
    "05\n个人所得税",
    "引进20金融机构",                                      # one 金 is no tally
]

ALL_CASES = CASES + MORE_CASES + PDF_NUMBER_LINES + METRIC_NUMBERS
ALL_NOT_NUMBERS = NOT_NUMBERS + MORE_NOT_NUMBERS + METRIC_NOT_NUMBERS


@pytest.mark.parametrize("text,expected", ALL_CASES, ids=[c[0][:16] for c in ALL_CASES])
def test_numeric_case(numeric_only, text, expected):
    assert _got(numeric_only(text)) == expected


@pytest.mark.parametrize("text", ALL_NOT_NUMBERS)
def test_not_a_number(numeric_only, text):
    assert _got(numeric_only(text)) == []


# ------------------------------------------------- fast path of the parser
from hypothesis import given, strategies as st  # noqa: E402

from zhgov_extract.taggers.numerals import exponent_of, multiplier, parse_arabic, plain, plain_arabic  # noqa: E402

_ARABIC = st.one_of(
    st.from_regex(r"\A[0-9]{1,12}(\.[0-9]{1,6})?\Z"),
    st.from_regex(r"\A[0-9]{1,3}(,[0-9]{3}){1,3}(\.[0-9]{1,4})?\Z"),
)


@given(_ARABIC, st.booleans(), st.sampled_from(["", "十", "百", "千", "万", "十万", "百万", "千万", "亿", "十亿", "百亿", "千亿", "万亿"]))
def test_plain_arabic_is_the_decimal_round_trip(num, negative, mult):
    d = parse_arabic(num) * (multiplier(mult) if mult else 1)
    assert plain_arabic(num, negative, exponent_of(mult)) == plain(-d if negative else d)


# ------------------------------------------------- no per-document state
def test_one_extractor_from_threads_agrees_with_sequential(numeric_only):
    """The numeric component keeps nothing of a document on itself: threads give the sequential answer."""
    from concurrent.futures import ThreadPoolExecutor

    from conftest import corpus_files

    texts = [p.read_text(encoding="utf-8-sig") for p in corpus_files()[:12]]
    seq = [numeric_only(t).model_dump_json() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            assert list(pool.map(lambda t: numeric_only(t).model_dump_json(), texts)) == seq


# ------------------------------------------------- rules are typed
def test_a_wrong_key_in_the_rules_is_an_error_at_load(tmp_path):
    import shutil

    import pydantic
    import yaml

    from zhgov_extract import Extractor
    from zhgov_extract.resources import rules_path

    for name in ("numeric.yaml", "dates.yaml"):
        shutil.copy(rules_path(name), tmp_path / name)
    Extractor(components=["documents", "dates", "numeric"], tokenizer=None, rules_dir=tmp_path)  # loads as shipped
    raw = yaml.safe_load((tmp_path / "numeric.yaml").read_text(encoding="utf-8"))
    raw["ranges"]["conectors"] = raw["ranges"].pop("connectors")  # a typo
    (tmp_path / "numeric.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(pydantic.ValidationError, match="conectors"):
        Extractor(components=["documents", "dates", "numeric"], tokenizer=None, rules_dir=tmp_path)


def test_a_wrong_key_in_the_date_rules_is_an_error(tmp_path):
    import pydantic

    from zhgov_extract.taggers.dates import DateTagger

    (tmp_path / "dates.yaml").write_text("source: x\nupdated: y\npatterns:\n  - name: a\n    regex: 'x'\n",
                                         encoding="utf-8")
    with pytest.raises(pydantic.ValidationError):
        DateTagger(tmp_path / "dates.yaml")
