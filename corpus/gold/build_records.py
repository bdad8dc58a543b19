#!/usr/bin/env python3
"""Build the records gold for the seed reports (000-004).

Reads corpus/gold/seeds.jsonl and corpus/raw/<doc_id>.txt, turns the
per-document tables below into ProjectRecord / MetricRecord dicts (offsets
found by locating the written text in the document), and writes them back as
"records" beside "mentions" on each line.  Re-running gives the same file.

Table conventions (see RECORDS_NOTES.md):
- anchor: the mention text as written; occurrence n = the n-th mention of that
  text of the record's type(s) in document order.  If n is not given it is
  1 + the number of earlier table rows (same kind) with the same anchor text.
- owners / investment / capacity: mention texts; each is resolved to the
  mention of the right type with that text that is nearest to the anchor
  (a "#k" suffix picks the k-th such mention instead).
- indicator: a text span; resolved to its nearest occurrence that ends at or
  before the anchor start ("<" default); prefix ">" to take the nearest
  occurrence after the anchor end.
"""
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
GOLD = HERE / "seeds.jsonl"
RAW = ROOT / "corpus" / "raw"

# 6-digit codes from gazetteers/regions.tsv
REGIONS = {
    "210000": "辽宁省", "210100": "沈阳市", "210112": "浑南区",
    "210200": "大连市", "210281": "瓦房店市",
    "210300": "鞍山市", "210302": "铁东区", "210303": "铁西区",
    "210304": "立山区", "210311": "千山区", "210321": "台安县",
    "210323": "岫岩满族自治县", "210381": "海城市",
}
AS = "210300"   # 鞍山市
LN = "210000"   # 辽宁省
NUMERIC = ("money", "percent", "quantity")


def P(anchor, n=None, owners=(), inv=(), cap=(), region=None, fh=False,
      status=None, year=None, same_as=None):
    """A project row. inv: [(money text, kind)]; region: code or None;
    fh: region taken from the list heading; same_as: (text, n) of the
    first project mention naming the same project."""
    return dict(kind="project", a=anchor, n=n, owners=list(owners),
                inv=list(inv), cap=list(cap), region=region, fh=fh,
                status=status, year=year, same_as=same_as)


_DEF = object()


def M(anchor, ind, role="value", d=None, basis=None, period=_DEF,
      region=_DEF, n=None):
    """A metric row. d: direction; region: code, None, or ("name",) for an
    area that is not a division."""
    return dict(kind="metric", a=anchor, n=n, ind=ind, role=role, d=d,
                basis=basis, period=period, region=region)


# ======================================================= 000 (鞍山市, 2025-02-26)
# 辽宁大学城市研究院 report on 央地合作 in 鞍山, dated 2025年2月26日.
# "2023年以来" = from 2023 to the report date: period "2023-01/2025-02".
SINCE23 = "2023-01/2025-02"
T000 = [
    M("28 家", ">部门", period=None),
    M("10个", ">县（市）区、开发区", period=None),
    M("159 个", "央地合作项目", period=SINCE23),
    M("3021.27 亿元", "总投资", period=SINCE23),
    M("18 个", ">省央地合作重大项目库", period="2024"),
    M("110%", "年度投资完成率", period="2024"),
    M("100%", "项目开复工率", period="2024"),
    M("29家", ">央企", period=SINCE23),
    M("156 家", ">央企分支机构", period=SINCE23),
    M("11%", "供销差率", role="from", d="decrease", period=None, region=None),
    M("3.81%", "供销差率", d="decrease", period=None, region=None),
    M("66 家", ">域外供应商", period=None),
    M("3.5", "本地加工率", role="change", d="increase", basis="yoy", period=None, region=None),
    M("3 个百分点", "供应链本地配套率", role="change", d="increase", basis="yoy", period=None, region=None),
    # 3\n\n个 counts the three projects just listed: no record (list count)
    P("鞍钢集团西鞍山铁矿", owners=["鞍钢集团"], inv=[("百亿元", "total")], region=AS,
      status="under_construction"),
    P("鞍钢集团东部矿区联合产能提升", owners=["鞍钢集团"], inv=[("百亿元", "total")], region=AS,
      status="under_construction"),
    P("五矿集团陈台沟铁矿", owners=["五矿集团"], inv=[("百亿元", "total")], region=AS,
      status="under_construction"),
    P("鞍钢集团矿业东烧厂辽宁首\n\n条 400 万吨/年带式球团项目", owners=["鞍钢集团矿业东烧厂"],
      inv=[("14.8 亿元", "total")], cap=["400 万吨/年"], region=AS),
    P("鞍钢\n\n股份新能源汽车驱动电机用硅钢", owners=["鞍钢\n\n股份"], inv=[("10 亿元", "total")],
      region=AS, status="in_production"),
    M("9.6%", "钢铁高端产品占比", role="from", d="increase", period="2024"),
    M("16.3%", "钢铁高端产品占比", d="increase", period="2024"),
    M("41 项", "技术合作", period=None),
    M("25%", "菱镁高端产\n\n品占比", d="increase", period=None),
    P("鞍山经济开发区工业资源综合利用园区", region=AS, status="under_construction"),
    P("鞍\n\n钢冶金固废综合利用园区", owners=["鞍\n\n钢"], region=AS, status="under_construction"),
    P("鞍钢矿业尾矿固废资源综合利用项目", owners=["鞍钢矿业"], inv=[("30 亿元", "total")], region=AS),
    P("鞍钢矿业大孤山铁矿生态修复项目", owners=["鞍钢矿业"], inv=[("16 亿元", "total")], region=AS),
    M("17.3%", "资源利用率", role="change", d="increase", period=None),
    M("428 万", "签订金额", period="2024", region=None),
    P("五\n\n矿陈台沟铁矿 66KV 变电站选线定线规划", owners=["五\n\n矿"], cap=["66KV"], region=AS,
      status="started", year="2024"),
    M("30个", ">项目", period="2024", region=None),
    M("3000 余项", "协议", period=None, region=None),
    M("60 亿元", "合同总额", period=None, region=None),
    M("3.455 亿元", "投放贷款", period=None, region=None),
    M("4.6\n\n亿元", "购买各类债券", period=None, region=None),
    M("1亿元", ">授信业务", period=None, region=None, n=1),
    M("39 个", "科技创新平台", period=None),
    M("6\n\n家", "国家级", period=None),
    M("19家", "省级", period=None),
    M("12家", ">驻鞍央企", period=None),
    M("26项", "科技计划项目", period=None),
    M("893 家", "央企下属重要企业", period=None),
    M("412 家", "上市企业", period=None),
    M("579 个", "业务板块数量", period=None),
    M("256 个", "合作\n\n机会", period=None),
    M("70 个", "“揭榜挂帅”项目", period=None),
    M("38 个", ">合作央企", period=None),
    M("18\n\n个", ">产业方向", period=None),
    M("1651.48 亿", "总投资", period=None),
    M("42 家", "央企集团", period=SINCE23),
    M("148 次", "对接", period=SINCE23),
    M("38 个", "签约项目", period=SINCE23),
    M("952.74 亿元", "总投资", period=SINCE23),
    P("西鞍山铁矿项目", region=AS, status="started", same_as=("鞍钢集团西鞍山铁矿", 1)),
    M("29个月", "前期手续审批时间", role="change", d="decrease", period=None, region=None),
    P("五矿陈台沟铁矿项目", owners=["五矿"], region=AS, status="started",
      same_as=("五矿集团陈台沟铁矿", 1)),
    M("18个月", "前期手续审批时间", role="change", d="decrease", period=None, region=None),
    P("中\n\n国五矿集团陈台沟铁矿", owners=["中\n\n国五矿集团"], region=AS,
      same_as=("五矿集团陈台沟铁矿", 1)),
    M("12 个", ">重点产业链", period=None),
    M("17 个", ">市直重点部门", period=None),
    M("32 名", ">副处级以上领导干部", period=None),
]

# ======================================================= 001 (鞍山市, newspaper pages)
# No year is written anywhere in this document ("今年5月", "前三季度",
# "11月25日" without a year), so every period is null.
T001 = [
    P("废钢处理加工项目", region=AS, status="in_production"),
    P("年产20万吨煤焦油深加工项目", cap=["20万吨"], region=AS, status="in_production"),
    P("德邻陆港项目一期工程", region=AS, status="in_production"),
    P("“家鞍山”工程", owners=["鞍钢"], region=AS),
    P("鞍钢废钢加工处理项目", owners=["鞍钢"], region=AS),
    M("141天", ">紧张建设", region=None),
    P("鞍钢废钢加工处理项目", owners=["鞍钢"], region=AS, status="in_production",
      same_as=("鞍钢废钢加工处理项目", 1)),
    M("80家", ">零部件企业", region=None),
    P("鞍钢汽车高强度生产线", owners=["鞍钢"], region=AS),
    P("鞍山中德汽车零部件产业园", region=AS, status="under_construction"),
    P("空气化工产品(中国)投资有限公司与鞍钢加氢站项目",
      owners=["空气化工产品(中国)投资有限公司", "鞍钢"], region=AS),
    P("东北钢材交易集散中心", region=AS, status="under_construction"),
    P("环\n\n市铁路大宗货物运输", region=AS, status="under_construction"),
    P("钢铁智能制造产业研发生产基地", region=AS, status="under_construction"),
    # 鞍山时讯
    M("25.43万件", "群众诉求"),
    M("47条", ">热线"),
    M("129个", "规范性文件"),
    M("26.46万件", "群众有效诉求"),
    M("25.43万件", "办结"),
    M("91.51%", "办理反馈率"),
    M("3.7万余人", "惠及学生"),
    P("三中南校加固", region=AS, status="under_construction"),
    P("九中教学楼", region=AS, status="under_construction"),
    P("艺术馆", region=AS, status="under_construction"),
    P("海岫铁路", region=AS, status="in_production"),
    P("鞍山大数据中心", region=AS, status="in_production"),
    P("解放路立交桥", region=AS, status="completed"),
    P("四方台立交桥大修", region=AS, status="completed"),
    P("自由东街隧道工程", region=AS, status="completed"),
    P("玉佛山隧道", region=AS, status="completed"),
    M("83%", "农村户用厕所普及率", role="target"),
    M("8620万余元", "投入资金"),
    M("42万余吨", "清理垃圾"),
    # 义务植树
    M("67家", ">企事业单位", region="210381"),
    M("1000株", "樟子松", region="210381"),
    M("5000株", "刺槐", region="210381"),
    M("1.5万株", "云杉大苗(带土坨)", region="210323"),
    M("3000株", "红松苗木", region="210323"),
    P("国家三北防护林工程", region="210323", status="planned"),
    P("运粮河整治项目", region="210303"),
    M("3700株", "柳树", region="210303"),
    M("2000株", "植树", role="target", region="210304"),
    # 警示教育馆
    P("鞍山政治性警示教育馆", region=AS, status="in_production"),
    P("鞍山政治性警示教育馆", cap=["2000平方米"], region=AS,
      same_as=("鞍山政治性警示教育馆", 1)),
    M("700余张", ">图片", region=None),
    M("35名", ">先进人物事迹", region=None),
    M("66个", ">反面典型案例", region=None),
    M("4个", ">展厅", region=None),
    # 固定资产投资
    M("7.1%", "固定资产投资", role="change", d="increase", basis="yoy"),
    P("鞍山金融广场改造项目", inv=[("3.5亿元", "total")], region=AS, status="under_construction"),
    M("697个", "开工亿元以上项目"),
    M("300.1亿元", "完成投资"),
    M("7.1%", "完成投资", role="change", d="increase", basis="yoy"),
    P("北方国际(鞍山)健康城", region=AS, status="under_construction"),
    P("正华科技集团与海城石油机械合资合作", owners=["正华科技集团", "海城石油机械"],
      region="210381", status="under_construction"),
    P("中石化纤维素燃料乙醇", owners=["中石化"], region=AS, status="under_construction"),
    P("中核工业金属镁及镁合金", owners=["中核工业"], region=AS, status="under_construction"),
    M("52宗", "盘活闲置土地"),
    M("73个", "盘活闲置厂房"),
    M("5处", "盘活闲置楼宇"),
    M("6栋", "盘活烂尾楼"),
    M("10年", "停滞", region=None),
    P("鞍山城市之门项目", region=AS),
    P("北方国际(鞍山)健康城", inv=[("10亿余元", "other")], region=AS,
      status="under_construction", same_as=("北方国际(鞍山)健康城", 1)),
    M("30家", ">企业", region=None),
    # 5亿元 / 1000万元: thresholds of a class of projects, no record
    M("50余个", "5亿元以上项目帮扶团队"),
    M("770余个", "1000万元以上项目帮扶团队"),
    M("4000余次", "服务项目单位"),
    M("329项", ">行政职权事项"),
    M("2个工作日", "一般性企业开办时间", d="decrease"),
    M("3个工作日", "一般不动产登记", d="decrease"),
    M("70个工作日", "工程建设项目审批时间", d="decrease"),
    M("10个", ">市级“飞地园区”"),
    M("26平方公里", "规划面积"),
    M("5个", ">省级“飞地经济”园区"),
]

# ======================================================= 002 (鞍山市, 2024 review, Jan 2025)
# "今年" = 2025 (今年是“十四五”规划收官之年); "去年" = 2024.
Y5 = "2025"
T002 = [
    M("2000亿元", "经济总量", period="2023"),
    M("7.4%", "一般公共预算收入", role="change", d="increase"),
    M("4%", "规模以上工业增加值", role="change", d="increase"),
    M("7%", "固定资产投资", role="change", d="increase"),
    P("佳通集团腾鳌温泉健康产业园", owners=["佳通集团"], region=AS, status="under_construction"),
    P("腾鳌温泉健康产业园", region=AS, same_as=("佳通集团腾鳌温泉健康产业园", 1)),
    P("鞍山青岛啤酒数智化生产基地", owners=["青岛啤酒"], inv=[("5000万元#1", "total")],
      region=AS, status="started", year="2024"),
    P("后英集团康养产业融合", owners=["后英集团"], inv=[("5000万元#1", "total")],
      region=AS, status="started", year="2024"),
    M("707个", ">5000万元以上项目"),
    P("布顿特种金属制品生产基地一期", owners=["布顿特种金属制品"], region=AS,
      status="in_production", year="2024"),
    P("恒盛烧碱机升级改造", region=AS, status="in_production", year="2024"),
    M("323个", ">重点项目"),
    M("27.7%", "10亿元以上项目投资", role="change", d="increase"),
    M("8家", ">央企分支机构"),
    P("华能新能源", owners=["华能新能源"], region=AS, status="started", year="2024"),
    M("38个", ">重点项目"),
    P("石湖水库", inv=[("5000万元#2", "total")], region=AS, status="started", year=Y5),
    P("后英高性能镁合金综合利用", owners=["后英"], inv=[("5000万元#2", "total")],
      region=AS, status="started", year=Y5),
    M("733个", ">5000万元以上项目", role="target", period=Y5),
    M("15万平方米", "盘活闲置厂房", role="target", period=Y5),
    P("北辰大酒店", region=AS, status="started", year=Y5),
    P("会展宾馆", region=AS, status="started", year=Y5),
    P("经开区奥特莱斯", region=AS, status="started", year=Y5),
    M("800个", "新签约", role="target", period=Y5),
    M("400个", "新落地", role="target", period=Y5),
    M("15%", "实际到位内资", role="target", d="increase", period=Y5),
    M("5000万美元", "实际利用外资", role="target", period=Y5),
    M("682个", "科技创新平台", period=None),
    M("9家", "国家级", period=None),
    M("193家", "省级", period=None),
    M("481家", "高新技术企业", period=None),
    M("188家", "雏鹰瞪羚企业在独角兽企业", period=None),
    M("20米", ">高", period=None, region=None),
    P("国家西电东送重点工程"),
    M("20名", "“高级合伙人”"),
    M("127名", "经营管理人才和市场开发人才"),
    M("1000人", "输送技能人才"),
    M("20个", "新增市级以上科技创新平台", role="target", period=Y5),
    M("1500家", "科技型中小企业", role="target", period=Y5),
    M("10%", "科技服务业营业收入", role="target", d="increase", period=Y5),
    M("42亿元", "技术合同成交额", role="target", period=Y5),
    P("千山湾科技园", region=AS),
    P("镀锌板、彩涂板及化工涂料五期工程", owners=["神龙腾达"], inv=[("40亿元", "total")],
      region="210321"),
    M("20余个", ">省(区、市)", period=None, region=None),
    M("80%", "原材料钢板", role="share", period=None, region=None),
    M("58个", "“高效办成一件事”主题场景"),
    M("86个", ">服务窗口"),
    M("1046项", "“容缺办”事项"),
    M("320项", "“告知承诺”事项"),
    M("15年", "搁置"),
    P("中国医科大学附属第一医院鞍山医院住院大楼", region=AS, status="started", year="2024"),
    M("18个", ">停缓建项目"),
    M("117件", "涉企诉求", period=None),
    M("100%", "满意率", period=None),
    M("34个", "‘高效办成一件事’主题场景", role="target", period=Y5),
    M("35个", "‘免证办’场景", role="target", period=Y5),
    P("鞍山市德邻港物流综合产业园", region=AS),
    # 2024年鞍山亮点
    M("283个", "工业“四项改造”项目"),
    M("100余种", "改造企业新增产品"),
    M("18.6%", "生产效率", role="change", d="increase"),
    M("17.3%", "资源利用率", role="change", d="increase"),
    P("鞍钢新能源汽车用钢铁", owners=["鞍钢"], region=AS, status="under_construction", year="2024"),
    M("15个", ">项目"),
    M("3.5个", "本地加工率", role="change", d="increase", region=None),
    M("3个百分点", "供应链本地配套率", role="change", d="increase", region=None),
    P("远东矿业菱建材", owners=["远东矿业"], region=AS, status="started", year="2024"),
    M("25%", "菱镁高端产品占比", d="increase"),
    M("7.2%", "菱镁行业增加值", role="change", d="increase"),
    M("400余场", "促消费系列活动"),
    M("180亿元", "拉动消费"),
    M("300余项", "文体旅活动"),
    P("南北景区贯通工程", region=AS, status="started", year="2024"),
    P("鞍钢绿色矿山首批分布式光伏电站", owners=["鞍钢"], region=AS, status="in_production", year="2024"),
    P("激光产业园钠离子储能电站", region=AS, status="completed", year="2024"),
    P("奇新光电子纸", owners=["奇新光电"], region=AS, status="in_production", year="2024"),
    P("创鑫连续光纤激光器", owners=["创鑫"], region=AS, status="in_production", year="2024"),
    M("9%", "电子信息产业增加值", role="change", d="increase"),
    P("鞍钢元宇宙基地", owners=["鞍钢"], region=AS, status="completed", year="2024"),
    M("26条", "支持民营经济高质量发展"),
    M("54条", "利企便民"),
    M("14.73亿元", "新增减税降费及退税"),
    M("93条", "“免申即享”"),
    M("18条", "“直达快享”"),
    M("1亿元", "兑现惠企资金"),
    M("31.09亿元", "争取上级支持企业发展和项目建设资金"),
    M("1.6倍", "争取上级支持企业发展和项目建设资金", role="change", d="increase"),
    M("5.2万户", "新设市场经营主体"),
    M("35.8万户", "总量"),
    P("西柳国际物流园区", region=AS, status="completed", year="2024"),
    M("22.6%", "多式联运和运输代理业营业收入", role="change", d="increase"),
    M("18个", "电商基地"),
    M("300亿元", "直播电商交易规模"),
    M("9.3%", "货币金融服务增加值", role="change", d="increase"),
    M("24.29万亩", "黑土地保护性耕作"),
    M("34万亩", "高标准农田"),
    M("10.5万亩", "节水改造中型灌区"),
    M("6000亩", "新建改造设施农业"),
    M("27.8亿斤", "粮食产量"),
    M("17.6%", "南果梨", role="change", d="increase"),
    M("9.4%", "食用菌", role="change", d="increase"),
    M("3倍", "南果梨“鲜达全国”邮递业务", role="change", d="increase"),
    M("3家", "乡镇卫生院"),
    M("100家", "村卫生室"),
    M("234项", "环保工程"),
    M("95座", "菱镁轻烧反射窑"),
    M("2.34万户", "散煤清洁替代"),
    M("8天", "空气优良天数", role="change", d="increase", basis="yoy"),
    M("35微克/立方米", "细颗粒物平均浓度"),
    M("20项", "水环境治理项目"),
    M("273个", "排污口"),
    M("17个", ">省控断面"),
    M("6个", ">县及以上集中式饮用水水源地"),
    M("80%", "优良水体比例"),
    M("205个", "开工城建项目"),
    M("27.7公里", "改造市政道路"),
    P("高铁西站前广场", region=AS),
    P("沈海高速鞍山北互通立交", region=AS, status="in_production", year="2024"),
    M("430.2公里", "老旧管网"),
    M("102公里", "天然气置换新建管网"),
    M("25个", ">老旧小区改造项目"),
    M("110.8万平方米", ">老旧小区改造项目"),
    M("1.56万个", "新增公共停车位"),
    M("930个", ">校园周边"),
    P("千山湾南滨河绿道", region=AS, status="completed", year="2024"),
    M("75个", "口袋公园"),
    M("39万平方米", "新增绿地"),
    M("1万人", "应届高校毕业生来鞍留鞍"),
    M("3.72万人", "城镇新增就业"),
    M("4.6亿元", "困难群众救助资金"),
    M("1.3亿元", "惠民资金"),
    M("93个", "问题"),
]

# ======================================================= 003 (辽宁省国资委 reply, 2025)
# A province-level document: metrics describe 辽宁省 (210000) unless stated.
T003 = [
    M("99 家", ">省级以上开发区", period="2024-12"),
    M("1891 个", "亿元以上项目", period="2024-12"),
    M("55%", "落地率", period="2024-12"),
    P("大连瓦房店轴承产业园", region="210281"),
    P("沈阳浑南科技城", region="210112"),
    P("沈阳航空动力产业园", region="210100"),
    P("大连氢燃料电池产业园", region="210200"),
    M("4个", ">万亿级产业基地"),
    M("22个", ">产业集群"),
    M("500个", ">文体旅项目", role="target", period="2025"),
    M("300亿元", "投资额", role="target", period="2025"),
    M("4个", ">万亿级产业基地"),
    M("22个", ">重点产业集群"),
    M("67 家", ">央企"),
    M("85 场次", "会见会商"),
    M("25 家", ">央企集团"),
    M("4 次", ">央地合作座谈会、恳谈会"),
    M("1900 余次", ">会商会见"),
    M("367 个", "签署战略合作协议"),
    P("中国中铁沈阳国际陆港战略合作", owners=["中国中铁"], region="210100",
      status="signed", year="2025"),
    P("中铝集团大连北方沿海绿色新材料", owners=["中铝集团"], region="210200",
      status="signed", year="2025"),
    M("16 个", ">项目", period="2025-03-01"),
    M("285 个", "央地合作省级重点项目"),
    M("1.56 万亿元", "总投资"),
    M("1438.8 亿元", "年度投资"),
]

# ======================================================= 004 (鞍山市, spring 2024)
# "今年" = 2024 (作为2024年鞍山市150个社会投资类重点项目之一; 2023 is the past year).
HC, TA, XY, TD, TX, LS, QS = "210381", "210321", "210323", "210302", "210303", "210304", "210311"


def L(anchor, region, cap=(), owners=None):
    """An item of the list 今年新开工社会投资类部分重点项目名录 (heading region,
    status started, year 2024); owner = the enterprise at the left of the name."""
    return P(anchor, owners=owners or [], cap=list(cap), region=region, fh=True,
             status="started", year="2024")


T004 = [
    M("700个", "开复工", role="target"),
    M("150个", ">重点项目"),
    P("海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目", owners=["海城华宇镁砖有限公司"],
      cap=["12.5万吨#1"], region=HC, status="under_construction", year="2024"),
    M("150个", ">社会投资类重点项目"),
    P("海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目", owners=["海城华宇镁砖有限公司"],
      cap=["12.5万吨#2", "14504平方米", "11525平方米", "11165平方米", "360平方米", "12.5万吨#3"],
      region=HC, status="under_construction", year="2024",
      same_as=("海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目", 1)),
    M("1.26亿元", "工业增加值", role="target", period=None, region=None),
    M("12%", "固定资产投资", role="change", d="increase", basis="yoy", period="2023"),
    M("700个", "开复工", role="target"),
    M("150个", ">社会投资类重点项目"),
    M("150个", ">重点项目"),
    # 8个 / 4个: counts of the clusters just listed (“8+1+4”), no record
    P("中国电气装备与辽宁紫竹合作特高压输电生产基地项目", owners=["中国电气装备", "辽宁紫竹"], region=AS),
    M("68个", ">项目"),
    P("华能“新能源+生态修复”", owners=["华能"], inv=[("5000万元#3", "total")], region=AS,
      status="started", year="2024"),
    P("赛拉美克电力装备", owners=["赛拉美克电力装备"], region=AS, status="in_production", year="2024"),
    P("布顿特种金属制品", owners=["布顿特种金属制品"], region=AS, status="in_production", year="2024"),
    P("六方化学", owners=["六方化学"], region=AS, status="in_production", year="2024"),
    M("188个", ">项目", role="target"),
    M("500亿元", "固投", role="target"),
    M("10个", "市级领导每人重点抓"),
    M("5个", "主要领导每人至少包保"),
    M("2次", ">项目集中开工仪式", role="target"),
    M("2次", ">全市项目拉练", role="target"),
    M("2次", ">项目集中开工仪式", role="target"),
    M("2次", ">项目拉练", role="target"),
    # 今年新开工社会投资类部分重点项目名录
    L("华能集团“生态治理+新能源开发+新能源高端装备制造产业”融合发展项目", HC, owners=["华能集团"]),
    L("鞍山辉虹颜料科技有限公司年产18万吨电池级普鲁士蓝(白)电池正极材料项目", HC, ["18万吨"],
      ["鞍山辉虹颜料科技有限公司"]),
    L("辽宁奥亿达新材料股份有限公司年产1000吨沥青基碳纤维、500吨热场隔热材料一体化生产及研发中心建设项目",
      HC, ["1000吨", "500吨"], ["辽宁奥亿达新材料股份有限公司"]),
    L("辽宁利奇新材料有限公司2000吨/年二茂铁项目", HC, ["2000吨/年"], ["辽宁利奇新材料有限公司"]),
    L("海城成发置业有限公司宏基工业城腾飞智慧园项目", HC, owners=["海城成发置业有限公司"]),
    L("鞍山辉虹颜料科技有限公司新型特种树脂材料及精细化工表面活性剂项目", HC,
      owners=["鞍山辉虹颜料科技有限公司"]),
    dict(L("海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目", HC, ["12.5万吨#4"],
           ["海城华宇镁砖有限公司"]),
         same_as=("海城华宇镁砖有限公司年产12.5万吨无碳低镁质不烧砖建设项目", 1)),
    L("后英集团海城市胜海耐火材料制造有限公司玻璃窑用高抗侵蚀、优质高效节能耐火制品生产线建设项目", HC,
      owners=["后英集团海城市胜海耐火材料制造有限公司"]),
    L("辽宁路通道路材料有限公司年产60万吨新型筑路材料生产项目", HC, ["60万吨"], ["辽宁路通道路材料有限公司"]),
    L("海城市天顺镁制品制造有限公司镁质耐火材料制品生产线建设项目", HC,
      owners=["海城市天顺镁制品制造有限公司"]),
    L("辽宁中元森世特木业科技有限公司年产40万立方米高强轻质环保型刨花板项目", TA, ["40万立方米"],
      ["辽宁中元森世特木业科技有限公司"]),
    L("辽宁曼诚新材料科技有限公司年产1.5万吨可膨胀石墨项目", TA, ["1.5万吨"], ["辽宁曼诚新材料科技有限公司"]),
    L("辽宁添琪实业有限公司年产6000吨卫生用品PE包装膜制造项目", TA, ["6000吨"], ["辽宁添琪实业有限公司"]),
    L("辽宁美福隆林业有限公司年产7000万双棉袜项目", TA, ["7000万双"], ["辽宁美福隆林业有限公司"]),
    L("北京华腾投资管理有限公司油莎豆产业综合示范园一期项目", XY, owners=["北京华腾投资管理有限公司"]),
    L("广州骏晖能源科技有限公司年产5000吨优质中药饮片生产线建设项目", XY, ["5000吨"],
      ["广州骏晖能源科技有限公司"]),
    L("鞍山新嘉田矿产品有限公司年产30万吨白砂年产5万吨石墨球项目", XY, ["30万吨", "5万吨"],
      ["鞍山新嘉田矿产品有限公司"]),
    L("鞍山鸣玉玉器文化有限公司玉器加工电商直播基地项目", XY, owners=["鞍山鸣玉玉器文化有限公司"]),
    L("中国鞍山国际食品商贸物流港项目", TD),
    L("鞍山中心酒店项目", TD),
    L("金普健康城项目", TD),
    L("鞍山市铁东区乡村振兴建设项目", TD),
    L("中科洛德(辽宁)新材料科技有限公司电子光伏专用基材生产制造项目", TX,
      owners=["中科洛德(辽宁)新材料科技有限公司"]),
    L("金泰聚特特种钢铁研发生产基地项目", TX, owners=["金泰聚特"]),
    L("山东精鑫钣金公司清洁能源组配件生产基地项目", TX, owners=["山东精鑫钣金公司"]),
    L("完达山乳业集团增资扩产项目", TX, owners=["完达山乳业集团"]),
    L("辽宁鞍铸建设有限公司人造钻石及较链梁精密铸件项目", LS, owners=["辽宁鞍铸建设有限公司"]),
    L("国家电网供热计量仪器生产基地项目", LS, owners=["国家电网"]),
    L("区域数字经济协同服务平台项目", LS),
    L("新隆嘉生鲜商超广场项目", LS, owners=["新隆嘉"]),
    L("奥莱大厦盘活项目", LS),
    L("鞍山晟盛实业开发有限公司晋昇园二期建设项目", QS, owners=["鞍山晟盛实业开发有限公司"]),
    L("中骏集团室内滑雪场项目", QS, owners=["中骏集团"]),
    L("中元密度板有限公司年产10万立方米中(高)密度纤维板改造项目", QS, ["10万立方米"], ["中元密度板有限公司"]),
    L("千山区东鞍山街道改建仓储物流集散中心项目", QS),
    # 鞍山高新区 / 鞍山经济开发区: not divisions, contained in 鞍山市
    L("鞍山天石透平动力设备有限公司10兆瓦燃机透平生产基地项目", AS, ["10兆瓦"],
      ["鞍山天石透平动力设备有限公司"]),
    L("鞍能实验装备(鞍山)有限公司高端实验分析器国产化项目", AS, owners=["鞍能实验装备(鞍山)有限公司"]),
    L("福金(鞍山)钢结构科技有限公司钢结构及钢结构数字化制造设备研发与生产基地项目", AS,
      owners=["福金(鞍山)钢结构科技有限公司"]),
    L("新再生(辽宁)产业园发展有限公司年产100万吨废钢铁加工生产改建项目", AS, ["100万吨"],
      ["新再生(辽宁)产业园发展有限公司"]),
    L("安道云科股份数字显示制造基地项目", AS, owners=["安道云科股份"]),
    L("沈阳华伦润滑油添加剂有限公司高纯润滑油添加剂生产项目", AS, owners=["沈阳华伦润滑油添加剂有限公司"]),
    L("鞍山经济开发区应急物资储备物流设施建设项目", AS),
    L("上海钢泽有限责任公司鞍山智能化精密铸业项目", AS, owners=["上海钢泽有限责任公司"]),
    L("中汽动力(鞍山)有限公司高端金属结构件表面处理项目", AS, owners=["中汽动力(鞍山)有限公司"]),
    L("鞍山宝得钢铁有限公司新建高炉煤气柜项目", AS, owners=["鞍山宝得钢铁有限公司"]),
    L("辽宁中兴实强新材料有限公司陶瓷材料生产项目", AS, owners=["辽宁中兴实强新材料有限公司"]),
]

TABLES = {
    "000": (T000, None, AS),
    "001": (T001, None, AS),
    "002": (T002, "2024", AS),
    "003": (T003, None, LN),
    "004": (T004, "2024", AS),
}
# Mentions added to 004 (none were needed; see RECORDS_NOTES.md).
MENTION_ADDITIONS = {}


# ---------------------------------------------------------------- engine

def read_doc(doc_id):
    t = (RAW / f"{doc_id}.txt").read_bytes().decode("utf-8")
    return t[1:] if t.startswith("\ufeff") else t


class Doc:
    def __init__(self, line, text):
        self.line, self.text = line, text
        self.ments = sorted(line["mentions"], key=lambda m: (m["start"], m["end"]))

    def of(self, types, text):
        return [m for m in self.ments if m["type"] in types and m["text"] == text]

    def anchor(self, types, text, n):
        c = self.of(types, text)
        if len(c) < n:
            raise SystemExit(f"{self.line['doc_id']}: anchor {text!r} #{n} not found ({len(c)} mentions)")
        return c[n - 1]

    def near(self, types, text, a):
        k = None
        if "#" in text:
            text, k = text.rsplit("#", 1)
        c = self.of(types, text)
        if not c:
            raise SystemExit(f"{self.line['doc_id']}: no {types} mention {text!r}")
        if k:
            return c[int(k) - 1]
        def dist(m):
            if m["start"] >= a["start"] and m["end"] <= a["end"]:
                return 0
            return min(abs(m["start"] - a["end"]), abs(a["start"] - m["end"]))
        return min(c, key=lambda m: (dist(m), m["start"]))

    def span(self, text, a):
        after = text.startswith(">")
        if after:
            text = text[1:]
        hits, i = [], self.text.find(text)
        while i >= 0:
            hits.append(i)
            i = self.text.find(text, i + 1)
        if after:
            hits = [h for h in hits if h >= a["end"]]
            h = min(hits) if hits else None
        else:
            hits = [h for h in hits if h + len(text) <= a["start"]]
            h = max(hits) if hits else None
        if h is None:
            raise SystemExit(f"{self.line['doc_id']}: indicator {text!r} not found near {a['text']!r}@{a['start']}")
        return {"start": h, "end": h + len(text), "text": text}


def ref(m, **extra):
    d = {"start": m["start"], "end": m["end"], "text": m["text"]}
    d.update(extra)
    return d


def region_obj(r, fh=None):
    if r is None:
        return None
    if isinstance(r, tuple):
        d = {"code": None, "name": r[0]}
    else:
        d = {"code": r, "name": REGIONS[r]}
    if fh is not None:
        d["from_heading"] = fh
    return d


def build(doc, table, period0, region0):
    recs, seen = [], {}
    for row in table:
        key = (row["kind"], row["a"])
        seen[key] = seen.get(key, 0) + 1
        n = row["n"] or seen[key]
        if row["kind"] == "project":
            a = doc.anchor(("project",), row["a"], n)
            r = {"kind": "project", "anchor": ref(a),
                 "owners": [ref(o, canonical=(o.get("norm") or {}).get("canonical") or o["text"])
                            for o in (doc.near(("enterprise",), t, a) for t in row["owners"])],
                 "investment": [ref(doc.near(("money",), t, a),
                                    value=doc.near(("money",), t, a)["norm"]["value"], kind=k)
                                for t, k in row["inv"]],
                 "capacity": [ref(q, value=q["norm"]["value"], unit=q["norm"]["unit"])
                              for q in (doc.near(("quantity",), t, a) for t in row["cap"])],
                 "region": region_obj(row["region"], row["fh"]),
                 "status": row["status"], "year": row["year"]}
            if row["same_as"]:
                t, k = row["same_as"]
                f = doc.anchor(("project",), t, k)
                r["same_as"] = [f["start"], f["end"]]
        else:
            a = doc.anchor(NUMERIC, row["a"], n)
            r = {"kind": "metric", "anchor": ref(a),
                 "indicator": doc.span(row["ind"], a) if row["ind"] else None,
                 "role": row["role"], "direction": row["d"], "basis": row["basis"],
                 "period": period0 if row["period"] is _DEF else row["period"],
                 "region": region_obj(region0 if row["region"] is _DEF else row["region"])}
        recs.append(r)
    recs.sort(key=lambda r: (r["anchor"]["start"], r["anchor"]["end"], r["kind"]))
    return recs


def report(doc, recs):
    """Numeric mentions used by no record, for the notes."""
    used = set()
    for r in recs:
        used.add((r["anchor"]["start"], r["anchor"]["end"]))
        for f in ("investment", "capacity"):
            for x in r.get(f) or []:
                used.add((x["start"], x["end"]))
    out = []
    for m in doc.ments:
        if m["type"] in NUMERIC and (m["start"], m["end"]) not in used:
            ctx = doc.text[max(0, m["start"] - 12):m["end"] + 8].replace("\n", " ")
            out.append(f"  {m['start']}-{m['end']} {m['type']} {m['text']!r}  …{ctx}…")
    return out


def main():
    lines = [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    for line in lines:
        did = line["doc_id"]
        if did[:3] not in TABLES:
            continue
        text = read_doc(did)
        assert line["text_sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        table, period0, region0 = TABLES[did[:3]]
        doc = Doc(line, text)
        for add in MENTION_ADDITIONS.get(did[:3], []):
            add_mention(line, text, *add)
        doc = Doc(line, text)
        line["records"] = build(doc, table, period0, region0)
        kinds = {}
        for r in line["records"]:
            kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
        print(did, kinds)
        if "-v" in sys.argv:
            print("\n".join(report(doc, line["records"])))
    GOLD.write_text("".join(json.dumps(l, ensure_ascii=False) + "\n" for l in lines), encoding="utf-8")


def add_mention(line, text, mtype, mtext, n, norm=None):
    """Add a mention (004 only) at the n-th occurrence of mtext, if absent."""
    i, k = -1, 0
    while k < n:
        i = text.find(mtext, i + 1)
        if i < 0:
            raise SystemExit(f"mention {mtext!r} #{n} not in text")
        k += 1
    m = {"type": mtype, "start": i, "end": i + len(mtext), "text": mtext}
    if norm is not None:
        m["norm"] = norm
    if not any(x["type"] == mtype and x["start"] == i and x["end"] == m["end"] for x in line["mentions"]):
        line["mentions"].append(m)
        line["mentions"].sort(key=lambda x: (x["start"], x["end"], x["type"]))


if __name__ == "__main__":
    main()
