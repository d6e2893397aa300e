#!/usr/bin/python3
"""Synthetic corpus of task-division documents (分工方案) for the scale benchmark.

usage: gen.py --size S|M|L --out DIR [--seed N] [--truth DIR]

  S  100 documents sampled from M (Hunan, provincial and city plans, 2015-2024)
  M  ~1,500: Hunan over ten years (2015-2024), the province and its 14 市州
  L  ~30,000: national, 31 provincial-level units and ~300 cities, 2017-2024

Documents look like the genre (seeds 001/002, tests/forms/): a title line
(…关于印发《…分工方案》的通知), a 文号 with the issuer's code (湘政办发〔2019〕12号,
长政办发〔2021〕7号, 粤府办〔2020〕3号), the cover letter with signature and date, then the
plan: 一、（一）1． with tasks, each followed by one of the clause forms the extractor
knows: （X牵头，Y、Z按职责分工负责）, （X、Y分别牵头）, （X负责）, （X、Y按职责分工负责）,
牵头单位：X；配合单位：Y、Z (own lines or in brackets), 由X牵头，Y、Z等部门配合。 Some
documents are PDF text (page breaks inside unit names: a line break and a blank line,
page-number lines), some have 工作专班 sections, some put the plan in 附件N annexes.

Agencies come from graphs/agencies.tsv: the canonical provincial and central units,
old names before their renaming year (省国土资源厅 before 2018, 湖南银保监局 before 2023,
…); city documents use 市 names built from them (省X厅 → 市X局, 省X委 → 市X委) plus
districts and counties; other provinces use their own prefixes (自治区…, 市…) and names
(人民银行广东省分行). Leads follow a Zipf-like weight (a few agencies lead most tasks),
with topic affinity so that agencies of one field work together. About 5% of the files
are GB18030, 3% UTF-16LE with BOM, a few UTF-8 with BOM or CRLF line ends; sizes
20-120 KB of UTF-8 text. Deterministic: the same seed gives byte-identical files.

--truth DIR also writes DIR/assignments.tsv (doc item clause role agency, the rows
`fengong extract --format tsv` should give) and DIR/teams.tsv (doc team role agency).
Python 3 standard library only.
"""
import argparse
import math
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# ---------------------------------------------------------------------------------------
# Geography


def read_table(name):
    """The rows of bench/NAME, a TSV file with a header row ('#' lines are comments)."""
    with open(os.path.join(ROOT, "bench", name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return [tuple(r) for r in rows[1:]]


# bare name, full name, 文号 code, slug, counties
HUNAN_CITIES = read_table("hunan_cities.tsv")
# name, short, kind (prov, auto = autonomous region, muni = municipality), 文号 code, slug,
# cities (none for Hunan: HUNAN_CITIES)
PROVINCES = read_table("provinces.tsv")

# ---------------------------------------------------------------------------------------
# Agencies

# Rank of the provincial units by how often they lead (current names); the rest follow in
# file order. Lead weight 1/(rank+1)^1.15, co weight 1/(rank+1)^0.7.
LEAD_ORDER = """省发展改革委 省工业和信息化厅 省财政厅 省商务厅 省农业农村厅 省教育厅 省住房城乡建设厅 省科技厅
省自然资源厅 省生态环境厅 省交通运输厅 省卫生健康委 省人力资源社会保障厅 省市场监管局 省文化和旅游厅 省民政厅
省公安厅 省水利厅 省应急管理厅 省委宣传部 省司法厅 省国资委 省政务局 省数据局 省委金融办 省林业局 省医保局
省委网信办 省委组织部 省体育局 省统计局 省能源局 省审计厅 省税务局 人民银行湖南省分行 湖南金融监管局
省政府办公厅 省委编办 省委改革办 省广电局 省退役军人厅 省信访局 省知识产权局 省粮食和物资储备局""".split()

# Old names that were absorbed by a unit that existed before (the others were renamed or
# merged into a new unit, which then did not exist before the year of the change).
ABSORBED = ["省物价局", "省政府法制办", "省侨办", "省乡村振兴局"]
# Units created without a predecessor in the gazetteer: not used before that year.
FOUNDED = {"省数据局": 2024, "省委社会工作部": 2024, "省委金融工委": 2024, "省退役军人厅": 2019,
           "省医保局": 2019}
# Hunan-specific units left out of other provinces' documents.
HUNAN_ONLY = ["长沙海关", "湘江新区", "省长株潭一体化发展事务中心", "广铁集团长沙办事处", "审计署长沙特派办",
              "湖南兴湘集团", "湖南高速集团", "湖南财信金控集团", "湖南出版投资控股集团", "湖南广播影视集团",
              "湖南广播电视台", "湖南日报社", "省文资委"]

DOMAIN_KEYS = [
    ("core", "发展改革 财政厅 政府办公厅 物价"),
    ("industry", "工业和信息化 经信 国资 国防科工 贸促 工商联 兴湘 海关 商务 能源 口岸 边检 长株潭 湘江新区 "
                 "开发区 经开区 高新区 军民融合 知识产权 科技 科协"),
    ("finance", "金融 银行 税务 国税 地税 证监 银保监 外汇 财信 信用 保险 审计"),
    ("agri", "农业 农村 乡村振兴 扶贫 林业 水利 粮食 供销 气象 农办 水务"),
    ("urban", "住房 自然资源 国土 交通 机场 高速 铁 电力 供电 通信 邮政 城市管理 人防"),
    ("env", "生态环境 环境保护 地震 矿山"),
    ("social", "教育 人力资源 民政 卫生 医保 残联 妇联 总工会 团省委 团市委 退役军人 中医药 体育 红十字 "
               "老干部 征兵 人才办 统战 侨 台办 台联 民宗"),
    ("culture", "文化 旅游 广电 文物 宣传 新闻 出版 电影 文明办 日报 广播 文联 作协 社科 文史 参事"),
    ("security", "公安 司法 应急 安监 消防 信访 政法 法院 检察 国安 地震 安委 监狱 戒毒 国动委 法制 依法治 "
                 "社会工作 纪委 巡视 保密 机要"),
    ("gov", "政务 数据 网信 编办 改革办 机关事务 统计 组织部 市场监管 质监 工商局 政研 财经办 外事 药品 "
            "公共资源 直机关 党校 发展研究"),
]
DOMAINS = ["core", "industry", "finance", "agri", "urban", "env", "social", "culture", "security", "gov"]


def domain_of(name):
    for dom, keys in DOMAIN_KEYS:
        for k in keys.split():
            if k in name:
                return dom
    return "gov"


def read_gazetteer(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        f.readline()
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t") + [""] * 7
            rows.append({"name": c[0], "level": c[2], "type": c[3], "successor": c[4],
                         "since": int(c[5]) if c[5] else None})
    return rows


class Gazetteer:
    def __init__(self, rows):
        self.rows = rows
        self.pred = {}
        for r in rows:
            if r["successor"]:
                self.pred.setdefault(r["successor"], []).append((r["name"], r["since"]))
        current = [r["name"] for r in rows
                   if not r["successor"] and r["level"] in ("province", "central")
                   and r["type"] not in ("city_government",)]
        order = [n for n in LEAD_ORDER if n in current] + [n for n in current if n not in LEAD_ORDER]
        self.base = []  # (name, lead weight, co weight)
        for rank, n in enumerate(order):
            self.base.append((n, 1.0 / (rank + 1) ** 1.15, 1.0 / (rank + 1) ** 0.7))
        self.cities = [r["name"] for r in rows if r["type"] == "city_government"]
        self._year_cache = {}

    def _in_year(self, name, w, year):
        """The names that stood for today's `name` in `year`, with their share of w."""
        preds = [(p, s) for p, s in self.pred.get(name, []) if s > year]
        if not preds:
            return [(name, w)]
        renamed = [p for p, _ in preds if p not in ABSORBED]
        absorbed = [p for p, _ in preds if p in ABSORBED]
        out = []
        if renamed:
            for p in renamed:
                out += self._in_year(p, w / len(renamed), year)
        else:
            out.append((name, w))
        for p in absorbed:
            out += self._in_year(p, w * 0.25, year)
        return out

    def province_pool(self, year):
        """[(name, lead w, co w)] of the Hunan provincial and central units in `year`."""
        if year in self._year_cache:
            return self._year_cache[year]
        acc = {}
        for n, wl, wc in self.base:
            if FOUNDED.get(n, 0) > year:
                continue
            for m, share in self._in_year(n, 1.0, year):
                a = acc.setdefault(m, [0.0, 0.0])
                a[0] += wl * share
                a[1] += wc * share
        pool = [(n, a[0], a[1]) for n, a in acc.items()]
        self._year_cache[year] = pool
        return pool


# Provincial name → city name. None: the city has no such unit.
CITY_SPECIAL = {
    "省自然资源厅": "市自然资源和规划局", "省国土资源厅": "市国土资源局", "省文化和旅游厅": "市文化旅游广电局",
    "省广电局": None, "省文化厅": "市文化局", "省旅发委": "市旅游外事侨务局",
    "省高级人民法院": "市中级人民法院", "省政府办公厅": "市政府办公室",
    "省政府外事办": "市外事办", "省政务局": "市政务服务中心", "省数据局": "市数据资源局",
    "省消防救援总队": "市消防救援支队", "省委巡视办": "市委巡察办", "省委依法治省办": "市委依法治市办",
    "省监狱管理局": None, "省戒毒管理局": None, "省国防科工局": None, "省药品监管局": None, "省能源局": None,
    "省委机要局": None, "省新闻出版局": None, "省电影局": None, "省文资委": None, "省通信管理局": None,
    "省社科院": None, "省政府参事室": None, "省文史馆": None, "省长株潭一体化发展事务中心": None,
    "省机场管理集团": None, "省农村信用社联合社": None, "省地震局": None, "省中医药局": None,
    "湘江新区": None, "湖南证监局": None, "国家外汇管理局湖南省分局": None, "审计署长沙特派办": None,
    "湖南能源监管办": None, "国家矿山安监局湖南局": None, "湖南边检总站": None,
    "国家开发银行湖南省分行": None, "中国进出口银行湖南省分行": None, "中国农业发展银行湖南省分行": None,
    "中国出口信用保险公司湖南分公司": None, "广铁集团长沙办事处": None, "湖南出版投资控股集团": None,
    "湖南广播影视集团": None, "湖南财信金控集团": None, "湖南兴湘集团": None, "湖南高速集团": None,
    "湖南广播电视台": None, "湖南日报社": None, "省委财经办": "市委财经办", "省政府金融办": "市政府金融办",
}


def city_name(n, bare, full):
    """The counterpart of provincial unit n in city `bare` (长沙) / `full` (长沙市)."""
    if n in CITY_SPECIAL:
        return CITY_SPECIAL[n]
    place = full if full.endswith("市") else bare + "州"
    special = {
        "人民银行湖南省分行": "人民银行" + place + "分行",
        "人民银行长沙中心支行": "人民银行" + place + "中心支行",
        "湖南金融监管局": bare + "金融监管分局",
        "湖南银保监局": bare + "银保监分局",
        "国网湖南省电力公司": "国网" + bare + "供电公司",
        "长沙海关": bare + "海关",
        "国家统计局湖南调查总队": "国家统计局" + bare + "调查队",
        "团省委": "团市委",
        "省人民检察院": "市人民检察院",
    }
    if n in special:
        return special[n]
    if n.startswith("省委"):
        return "市委" + n[2:]
    if n.startswith("省"):
        rest = n[1:]
        if rest.endswith("厅"):
            return "市" + rest[:-1] + "局"
        return "市" + rest
    return None


def province_name(n, prov):
    """Hunan's unit n as written in province `prov` (a PROVINCES row)."""
    name, short, kind = prov[0], prov[1], prov[2]
    if short == "湖南":
        return n
    if n in HUNAN_ONLY:
        return None
    if kind == "muni":
        m = city_name(n, short, name)
        if m and m.startswith("市") and n == "省高级人民法院":
            return "市高级人民法院"
        return m
    n = n.replace("湖南省", short + "省" if kind == "prov" else short).replace("湖南", short)
    if kind == "auto":
        if n.startswith("省委"):
            return "自治区党委" + n[2:]
        if n == "团省委":
            return "团自治区委"
        if n.startswith("省"):
            return "自治区" + n[1:]
    return n


def city_extras(bare, full, counties):
    """Units only cities have: (name, lead w, co w)."""
    out = [("市城市管理和综合执法局", 0.035, 0.12), ("市水务局", 0.012, 0.06),
           (bare + "经开区管委会", 0.01, 0.09), (bare + "高新区管委会", 0.01, 0.09)]
    for c in counties:
        out.append((c + "人民政府", 0.002, 0.035))
    return out


# ---------------------------------------------------------------------------------------
# Text

VERBS = ("深入实施 加快推进 大力发展 持续推进 着力提升 全面落实 积极培育 统筹推进 健全完善 扎实开展 不断深化 "
         "稳步推进 加快构建 切实加强 大力推动 有序推进 积极稳妥推进 全力抓好 系统推进 深化拓展").split()

OBJECTS = {
    "core": "扩大有效投资 重大项目建设 “十四五”规划重大工程 区域协调发展 新型城镇化 现代化产业体系 "
            "投资项目审批制度改革 消费扩容提质 县域经济高质量发展 要素市场化配置改革 社会信用体系建设 "
            "价格监测和调控 能源安全保供 现代物流体系建设 服务业提质增效 以工代赈",
    "industry": "先进制造业集群建设 产业链供应链韧性和安全水平 工业企业技术改造 专精特新“小巨人”企业培育 "
                "智能制造和工业互联网 新材料产业发展 工程机械产业 数字经济核心产业 园区提质增效 "
                "中小企业梯度培育 首台（套）重大技术装备推广应用 制造业数字化转型 绿色工厂和绿色园区建设 "
                "招商引资和承接产业转移 外贸稳规模优结构 跨境电商综合试验区建设 科技成果转化",
    "finance": "地方政府债务风险防范化解 财政资金直达机制 普惠金融发展 企业上市培育 金融服务实体经济 "
               "减税降费政策落地 政府性融资担保体系 农村金融服务 跨境人民币结算便利化 非法集资风险排查 "
               "预算绩效管理改革 国有资本运营 政府采购制度改革 地方金融组织监管 财政收支管理",
    "agri": "高标准农田建设 粮食安全党政同责 乡村振兴重点帮扶县建设 农业产业化龙头企业培育 种业振兴行动 "
            "农村人居环境整治 巩固拓展脱贫攻坚成果 农田水利设施建设 特色农产品优势区创建 "
            "农村集体产权制度改革 农产品质量安全 森林资源保护 动物疫病防控 防汛抗旱和水旱灾害防御 "
            "油茶产业发展 农村供水保障",
    "urban": "老旧小区改造 城市更新行动 保障性租赁住房建设 综合交通运输体系建设 国土空间规划编制实施 "
             "高速公路网建设 城市地下管网排查整治 既有住宅加装电梯 集约节约用地 农村公路提质改造 "
             "城市燃气管道老化更新改造 建筑业转型发展 县城城镇化补短板 通用航空发展 内河航运建设 "
             "城乡供电网络升级",
    "env": "污染防治攻坚战 长江经济带生态环境保护 重点流域水环境综合治理 大气污染联防联控 "
           "土壤污染风险管控 碳达峰碳中和 河湖长制 “无废城市”建设 生态保护修复 入河排污口排查整治 "
           "自然保护地体系建设 危险废物环境风险防控 生物多样性保护 生态环境损害赔偿制度改革 "
           "重点行业清洁生产改造",
    "social": "义务教育优质均衡发展 稳就业保就业 职业技能提升行动 养老服务体系建设 基本医疗保险制度 "
              "公共卫生应急体系建设 “一老一小”服务 高校毕业生就业创业 基层医疗卫生服务能力建设 "
              "社会救助兜底保障 残疾人康复服务 全民健身 普惠托育服务 退役军人服务保障 职业教育产教融合 "
              "县域医共体建设",
    "culture": "文旅融合发展 公共文化服务体系建设 文化产业数字化 红色文化资源保护利用 全域旅游示范区创建 "
               "非物质文化遗产保护传承 媒体融合发展 文物保护利用 精神文明建设 全民阅读 文化消费试点 "
               "旅游市场秩序整治 广播电视公共服务 体育产业发展 文艺精品创作",
    "security": "安全生产专项整治 平安建设 扫黑除恶常态化 信访工作法治化 应急管理体系和能力现代化 "
                "消防安全隐患排查整治 道路交通安全 食品药品安全监管 防灾减灾救灾 矛盾纠纷多元化解 "
                "法治政府建设 禁毒工作 自然灾害监测预警 危险化学品安全风险防控 社会治安防控体系建设",
    "gov": "“放管服”改革 数字政府建设 “一件事一次办”改革 政务服务标准化规范化便利化 优化营商环境 "
           "政务数据共享 “互联网+监管” 审计监督全覆盖 统计数据质量提升 政府信息公开 机关运行保障 "
           "“12345”热线服务 行政执法“三项制度” 知识产权保护 信用监管 基层减负",
}
OBJECTS = {k: v.split() for k, v in OBJECTS.items()}

SECTION_TITLES = {
    "core": ["着力扩大有效需求", "推动经济稳定增长", "促进区域协调发展", "全面落实主要预期目标"],
    "industry": ["加快建设现代化产业体系", "推动制造业高质量发展", "扩大高水平对外开放", "增强科技创新能力"],
    "finance": ["防范化解重大风险", "强化财政金融支撑", "深化财税金融体制改革"],
    "agri": ["全面推进乡村振兴", "巩固拓展脱贫攻坚成果", "夯实农业农村发展基础"],
    "urban": ["提升城市功能品质", "加快基础设施建设", "推进新型城镇化"],
    "env": ["持续改善生态环境质量", "推动绿色低碳发展", "深入打好污染防治攻坚战"],
    "social": ["切实保障和改善民生", "办好人民满意的教育", "推进健康湖南建设", "稳定和扩大就业"],
    "culture": ["繁荣发展文化事业和文化产业", "推动文旅融合发展", "加强精神文明建设"],
    "security": ["统筹发展和安全", "提升应急管理水平", "加强和创新社会治理"],
    "gov": ["持续优化营商环境", "全面加强政府自身建设", "深化重点领域改革"],
}

TOPICS = [("优化营商环境", "gov"), ("数字政府建设", "gov"), ("乡村振兴", "agri"), ("生态环境保护", "env"),
          ("安全生产", "security"), ("重点民生实事", "social"), ("稳外贸稳外资", "industry"),
          ("招商引资", "industry"), ("城市更新", "urban"), ("制造业高质量发展", "industry"),
          ("科技创新", "industry"), ("教育强省建设", "social"), ("文化旅游融合发展", "culture"),
          ("扩大内需", "core"), ("防范化解金融风险", "finance"), ("碳达峰", "env"), ("交通强省建设", "urban"),
          ("就业创业", "social"), ("平安建设", "security"), ("县域经济高质量发展", "core")]

MECHANISMS = "定期调度 督查考核 动态监测 联席会议 责任清单 台账管理 常态化沟通 跟踪问效 考核评价 信息共享 激励约束 容错纠错".split()
NOUNS = "示范项目 重点企业 示范园区 试点县 服务站点 重点项目 示范基地 创新平台 特色小镇 示范社区".split()
METRICS = "覆盖率 达标率 完成率 满意度 网办率 优良天数比例 达标排放率 建成率".split()

PREAMBLE = [
    "为深入贯彻落实党中央、国务院决策部署和{up}工作要求，确保{plan}确定的各项目标任务落到实处，经{gov}同意，现将有关分工事项通知如下，请认真抓好贯彻落实。",
    "各地各部门要坚持以习近平新时代中国特色社会主义思想为指导，完整、准确、全面贯彻新发展理念，对照分工方案抓紧制定本地区本单位实施方案，明确时间表、路线图，落实工作责任制。",
    "牵头单位要切实履行牵头职责，加强统筹协调，主动研究解决工作推进中的重大问题；配合单位要按照职责分工，积极主动配合，形成工作合力。",
    "{gov_office}将加强督促检查和跟踪督办，对工作推进不力、进度滞后的单位予以通报。各责任单位于每季度末将工作进展情况报送{gov_office}。",
    "要坚持问题导向、目标导向、结果导向，力戒形式主义、官僚主义，推动政策快落细、工作快落实、项目快落地。",
]

FOOTERS = ["（此件主动公开）", "（此件依申请公开）"]


def cn(n):
    """1 → 一, 12 → 十二, 40 → 四十 (up to 99)."""
    d = "零一二三四五六七八九"
    if n < 10:
        return d[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else d[t]) + "十" + (d[u] if u else "")


def wsample(rng, items, weights, k, exclude=()):
    """k distinct items drawn by weight (fewer if the pool runs out)."""
    out = []
    taken = set(exclude)
    pool = [(i, w) for i, w in zip(items, weights) if i not in taken and w > 0]
    total = sum(w for _, w in pool)
    tries = 0
    while len(out) < k and pool and tries < 20 * k + 50:
        tries += 1
        x = rng.random() * total
        acc = 0.0
        for j, (i, w) in enumerate(pool):
            acc += w
            if acc >= x:
                break
        out.append(i)
        total -= w
        pool.pop(j)
    return out


# ---------------------------------------------------------------------------------------
# One document

class Doc:
    def __init__(self, spec, rng):
        self.spec = spec
        self.rng = rng
        self.lines = []
        self.size = 0
        self.truth = []      # (item, clause, role, agency)
        self.teams = []      # (team, role, agency)
        self.pdf = rng.random() < 0.35
        self.messy = rng.random() < 0.15
        self.page = 1
        self.since_footer = 0

    def add(self, line=""):
        self.lines.append(line)
        self.size += len(line.encode("utf-8")) + 1

    def footer(self):
        """PDF text: a page-number line now and then, between items."""
        if not self.pdf:
            return
        self.since_footer += 1
        if self.since_footer > 12 and self.rng.random() < 0.15:
            self.page += 1
            self.since_footer = 0
            self.add()
            self.add("— %d —" % self.page)
            self.add()

    # units --------------------------------------------------------------------------
    def pick(self, dom, k, role, exclude=()):
        sp = self.spec
        names, w = sp["names"], (sp["wlead"] if role == "lead" else sp["wco"])
        boost = 4.0 if role == "lead" else 6.0
        weights = [x * (boost if d == dom else (1.5 if d == "core" else 1.0))
                   for x, d in zip(w, sp["doms"])]
        return wsample(self.rng, names, weights, k, exclude)

    def n_co(self):
        r = self.rng.random()
        if r < 0.06:
            return 0
        if r < 0.92:
            return min(12, 1 + int(self.rng.expovariate(1 / 3.2)))
        return self.rng.randint(12, 28)

    def n_lead(self):
        r = self.rng.random()
        return 1 if r < 0.86 else (2 if r < 0.97 else 3)

    def broken(self, name):
        """A unit name as printed: in PDF text sometimes split by a page break."""
        if self.pdf and len(name) > 3 and self.rng.random() < 0.02:
            k = self.rng.randint(1, len(name) - 1)
            return name[:k] + "\n\n" + name[k:]
        return name

    def join(self, names, brk=False):
        return "、".join(self.broken(n) if brk else n for n in names)

    def co_units(self, dom, k, exclude):
        """k co units, sometimes with a generic unit or a group of local governments sharing
        their suffix (…，长沙、株洲、湘潭市人民政府, the suffix distributed). Returns the units
        and the text as printed."""
        units = self.pick(dom, k, "co", exclude)
        text = self.join(units, True)
        sp = self.spec
        r = self.rng.random()
        if r < 0.05 and sp["places"]:
            cand = [p for p in sp["places"] if p + sp["place_suffix"] not in units]
            places = self.rng.sample(cand, min(len(cand), self.rng.randint(2, 4)))
            if len(places) >= 2:
                units += [p + sp["place_suffix"] for p in places]
                text += ("，" if text else "") + "、".join(places) + sp["place_suffix"]
        elif r < 0.10 and sp["generic"] not in units:
            units.append(sp["generic"])
            text += ("、" if text else "") + sp["generic"]
        return units, text

    # clauses -----------------------------------------------------------------------
    def brackets(self):
        if self.messy and self.rng.random() < 0.25:
            return self.rng.choice([("（", ")"), ("(", "）"), ("(", ")")])
        return "（", "）"

    def paren_clause(self, item, cl, dom):
        """A parenthetical clause; returns its text and records the truth."""
        rng, sp = self.rng, self.spec
        o, c = self.brackets()
        fen = sp["fen"]
        r = rng.random()
        if r < 0.66:
            leads = self.pick(dom, self.n_lead(), "lead")
            co, cotext = self.co_units(dom, self.n_co(), leads)
            if co:
                deng = "等" if rng.random() < 0.5 else ""
                text = "%s%s牵头，%s%s%s%s" % (o, self.join(leads, True), cotext, deng, fen, c)
            else:
                text = "%s%s牵头%s" % (o, self.join(leads, True), "负责" + c if rng.random() < 0.3 else c)
            self.record(item, cl, leads, co)
        elif r < 0.78:
            units, cotext = self.co_units(dom, 1 + self.n_co(), ())
            deng = "等" if rng.random() < 0.5 else ""
            text = "%s%s%s%s%s" % (o, cotext, deng, fen, c)
            self.record(item, cl, [], units)
        elif r < 0.85:
            leads = self.pick(dom, rng.randint(2, 3), "lead")
            text = "%s%s分别牵头%s" % (o, self.join(leads, True), c)
            self.record(item, cl, leads, [])
        elif r < 0.93:
            one = self.pick(dom, 1, "lead")
            text = "%s%s负责%s" % (o, self.join(one, True), c)
            self.record(item, cl, [], one)
        else:
            leads = self.pick(dom, 1, "lead")
            co = self.pick(dom, max(1, self.n_co()), "co", leads)
            text = "%s牵头单位：%s；配合单位：%s%s" % (o, self.join(leads, True), self.join(co, True), c)
            self.record(item, cl, leads, co)
        return text

    def labelled_clause(self, item, dom):
        """牵头单位：X / 配合单位：Y、Z lines after a task."""
        rng = self.rng
        leads = self.pick(dom, self.n_lead(), "lead")
        co = self.pick(dom, self.n_co(), "co", leads)
        colon = "：" if not self.messy or rng.random() < 0.7 else ":"
        lead_label = rng.choice(["牵头单位", "牵头单位", "牵头部门"])
        co_label = "配合单位" if lead_label == "牵头单位" else "配合部门"
        self.record(item, 1, leads, co)
        if not co:
            return ["%s%s%s" % (lead_label, colon, self.join(leads))]
        if rng.random() < 0.4:
            return ["%s%s%s；%s%s%s" % (lead_label, colon, self.join(leads), co_label, colon, self.join(co))]
        return ["%s%s%s" % (lead_label, colon, self.join(leads)), "%s%s%s" % (co_label, colon, self.join(co))]

    def sentence_clause(self, item, cl, dom):
        """由X牵头，Y、Z等部门配合。"""
        leads = self.pick(dom, 1, "lead")
        co = self.pick(dom, max(1, self.n_co()), "co", leads)
        self.record(item, cl, leads, co)
        tail = self.rng.choice(["等部门配合", "等单位配合", "配合"])
        return "由%s牵头，%s%s。" % (self.join(leads), self.join(co), tail)

    def record(self, item, cl, leads, co):
        for u in leads:
            self.truth.append((item, cl, "lead", u))
        for u in co:
            self.truth.append((item, cl, "co", u))

    # text --------------------------------------------------------------------------
    def sentence(self, dom):
        rng = self.rng
        objs = OBJECTS[dom]
        a, b = rng.sample(objs, 2)
        s = rng.choice(VERBS) + a + "，" + rng.choice(VERBS) + b
        r = rng.random()
        y = self.spec["year"]
        if r < 0.2:
            s += "，力争全年新增%s%d个以上" % (rng.choice(NOUNS), rng.randint(3, 300))
        elif r < 0.35:
            s += "，确保%d年底前全面完成" % (y + rng.randint(0, 2))
        elif r < 0.5:
            s += "，%s达到%d%%以上" % (rng.choice(METRICS), rng.randint(60, 99))
        elif r < 0.6:
            s += "，年内完成投资%d亿元" % rng.randint(5, 900)
        elif r < 0.7:
            s += "，形成一批可复制可推广的经验做法"
        elif r < 0.8 and self.spec["places"]:
            s += "，支持%s开展%s试点" % (rng.choice(self.spec["places_full"]), rng.choice(objs))
        return s + "。"

    def task_text(self, dom):
        n = 1 + int(self.rng.expovariate(1 / 1.3))
        text = "".join(self.sentence(dom) for _ in range(min(n, 6)))
        if self.rng.random() < 0.3:
            text += "建立健全%s机制，%s%s。" % (self.rng.choice(MECHANISMS), self.rng.choice(VERBS),
                                          self.rng.choice(OBJECTS[dom]))
        return text

    def heading(self, dom, used):
        for _ in range(5):
            t = self.rng.choice(SECTION_TITLES[dom])
            if t not in used:
                break
        used.add(t)
        return t.replace("健康湖南", "健康" + self.spec["region_short"])

    # teams -------------------------------------------------------------------------
    def team(self, used):
        rng, sp = self.rng, self.spec
        topic, dom = rng.choice(TOPICS)
        name = topic.replace("强省", "强" + sp["level_char"]) + rng.choice(["", "攻坚", "推进"]) + "工作专班"
        if name in used:
            return None
        used.add(name)
        members = self.pick(dom, rng.randint(8, 34), "co")
        deps = members[:rng.randint(1, 3)] if rng.random() < 0.9 else self.pick(dom, 2, "lead")
        if rng.random() < 0.15 and len(members) > len(deps) + 3:
            members = [m for m in members if m != deps[-1]]   # a deputy the list leaves out
        office = deps[0]
        conv = sp["convenor"]
        self.teams.append((name, "convenor", conv))
        for d in deps:
            self.teams.append((name, "deputy", d))
        for m in members:
            self.teams.append((name, "member", m))
        self.teams.append((name, "office", office))
        ren = rng.choice(["任", "担任"])
        if rng.random() < 0.7:
            return ("成立%s，由%s担任召集人，%s主要负责人%s副召集人，成员单位包括%s等，专班办公室设在%s，"
                    "负责日常协调和调度工作。" % (name, conv, self.join(deps), ren, self.join(members, True), office))
        return ("成立%s，由%s担任召集人，%s主要负责人%s副召集人，%s等为成员单位，%s设在%s，"
                "负责日常协调和调度工作。" % (name, conv, self.join(deps), ren, self.join(members, True),
                                     rng.choice(["办公室", "工作专班办公室"]), office))

    # body --------------------------------------------------------------------------
    def body(self, part, target):
        """Sections until the size reaches target; returns nothing, records truth."""
        rng = self.rng
        style = self.style
        pfx = part + ":"
        sec = 0
        sub = 0          # （一） numbers (may run on)
        task = 0         # 1． numbers (may run on)
        used = set()
        run_on = rng.random() < 0.6
        dot = "．" if rng.random() < 0.8 else ". "
        doms = list(DOMAINS)
        rng.shuffle(doms)
        if self.spec["topic_dom"]:
            doms.insert(0, self.spec["topic_dom"])
        while self.size < target and sec < 40:
            dom = doms[sec % len(doms)]
            sec += 1
            self.add()
            self.add("%s、%s" % (cn(sec), self.heading(dom, used)))
            if not run_on or sub > 90:
                sub = 0
                task = 0
            if style in ("A", "D"):
                nsub = rng.randint(2, 5)
                for _ in range(nsub):
                    sub += 1
                    if style == "A":
                        if not run_on:
                            task = 0
                        self.add("（%s）%s%s" % (cn(sub), rng.choice(VERBS), rng.choice(OBJECTS[dom])))
                        for _ in range(rng.randint(1, 4)):
                            task += 1
                            item = "%s%d.%d.%d" % (pfx, sec, sub, task)
                            self.footer()
                            self.add("%d%s%s" % (task, dot, self.item_a(item, dom)))
                            if rng.random() < 0.3:
                                self.add()
                    else:
                        item = "%s%d.%d" % (pfx, sec, sub)
                        text = self.task_text(dom)
                        r = rng.random()
                        if r < 0.8:
                            text += self.sentence_clause(item, 1, dom)
                        elif r < 0.9:
                            o, c = self.brackets()
                            one = self.pick(dom, 1, "lead")
                            self.record(item, 1, [], one)
                            text += "%s%s负责%s" % (o, self.join(one), c)
                        self.footer()
                        self.add("（%s）%s" % (cn(sub), text))
            elif style == "B":
                for _ in range(rng.randint(2, 7)):
                    sub += 1
                    item = "%s%d.%d" % (pfx, sec, sub)
                    text = self.task_text(dom)
                    if rng.random() < 0.95:
                        text += self.paren_clause(item, 1, dom)
                    self.footer()
                    self.add("（%s）%s" % (cn(sub), text))
            else:  # C: labelled lines
                for _ in range(rng.randint(2, 7)):
                    task += 1
                    item = "%s%d.%d" % (pfx, sec, task)
                    self.footer()
                    self.add("%d%s%s" % (task, dot, self.task_text(dom)))
                    if rng.random() < 0.95:
                        for line in self.labelled_clause(item, dom):
                            self.add(line)
                    if rng.random() < 0.2:
                        self.add("完成时限：%d年%d月底前" % (self.spec["year"], rng.randint(6, 12)))
        return sec

    def item_a(self, item, dom):
        """Text of a 1． item: one or more task sentences, each with its clause."""
        rng = self.rng
        n = 1
        r = rng.random()
        if r < 0.25:
            n = rng.randint(2, 4)
        out = []
        cl = 0
        for _ in range(n):
            out.append(self.task_text(dom))
            if rng.random() < 0.94:
                cl += 1
                if rng.random() < 0.03:
                    out.append("（%s分别负责）" % self.spec["all_units"])
                    self.record(item, cl, [], [self.spec["all_units"]])
                else:
                    out.append(self.paren_clause(item, cl, dom))
        return "".join(out)

    def guarantee(self, sec, nteams):
        """The closing section (保障措施 / 推进机制), with work teams."""
        rng = self.rng
        self.add()
        self.add("%s、%s" % (cn(sec + 1), rng.choice(["保障措施", "推进机制", "组织保障"])))
        used = set()
        for _ in range(nteams):
            t = self.team(used)
            if t:
                self.add()
                self.add(t)
        self.add()
        self.add(rng.choice(PREAMBLE[2:]).format(**self.spec["fmt"]))

    def build(self):
        rng, sp = self.rng, self.spec
        target = sp["target"]
        self.style = rng.choices(["A", "B", "C", "D"], [45, 25, 15, 15])[0]
        if self.style in ("C", "D") and rng.random() < 0.5:
            sp["fen"] = "按职责分工负责"
        title = "%s关于印发《%s》的通知" % (sp["issuer"], sp["plan"])
        if rng.random() < 0.3:
            k = title.index("关于印发") + 4
            self.add(title[:k])
            self.add(title[k:])
        else:
            self.add(title)
        self.add()
        self.add(sp["wenhao"])
        self.add()
        self.add(sp["addressees"])
        f = sp["fmt"]
        for p in [PREAMBLE[0]] + rng.sample(PREAMBLE[1:], rng.randint(1, 3)):
            self.add(p.format(**f))
        annex = rng.random() < 0.1
        titles = []
        if annex:
            k = rng.randint(2, 4)
            titles = ["%s%s重点任务分工" % (sp["region_short"], rng.choice(TOPICS)[0]) for _ in range(k)]
            self.add()
            self.add("附件：" + "\n      ".join("%d．%s" % (i + 1, t) for i, t in enumerate(titles)))
        self.add()
        self.add(" " * 30 + sp["signer"])
        self.add()
        self.add(" " * 19 + sp["date"])
        self.add()
        self.add(rng.choice(FOOTERS))
        self.add()
        nteams = 0
        if rng.random() < 0.2:
            nteams = 1 + int(rng.expovariate(1 / 0.8))
        if not annex:
            self.add(sp["plan"])
            self.add("根据有关部门和单位职责，现就%s提出以下分工意见。" % sp["plan"].replace("分工方案", ""))
            sec = self.body("M", target)
            self.guarantee(sec, nteams)
        else:
            per = target // len(titles)
            for i, t in enumerate(titles):
                self.add()
                self.add("附件%d" % (i + 1) if rng.random() < 0.7 else "附件 %d" % (i + 1))
                self.add()
                self.add(t)
                sec = self.body("A%d" % (i + 1), self.size + per)
                if i == len(titles) - 1:
                    self.guarantee(sec, nteams)
        if rng.random() < 0.5:
            self.add()
            self.add("抄送：%s，%s。" % (sp["cc1"], sp["cc2"]))
            self.add()
            self.add(sp["office"] + " " * 8 + "%d年%d月%d日印发" % sp["printed"])
        return "\n".join(self.lines) + "\n"


# ---------------------------------------------------------------------------------------
# The corpus plan: which documents exist

def pool_for(gaz, cache, prov, city, year):
    """Units of one issuer and year: names, lead and co weights, fields (cached)."""
    key = (prov[1], city[0] if city else None, year)
    if key in cache:
        return cache[key]
    base = gaz.province_pool(year)
    acc = {}
    for n, wl, wc in base:
        if city:
            m = city_name(n, city[0], city[1])
        else:
            m = province_name(n, prov)
        if not m:
            continue
        a = acc.setdefault(m, [0.0, 0.0])
        a[0] += wl
        a[1] += wc
    if city:
        for n, wl, wc in city_extras(city[0], city[1], city[4]):
            a = acc.setdefault(n, [0.0, 0.0])
            a[0] += wl
            a[1] += wc
    names = list(acc)
    res = {"names": names, "wlead": [acc[n][0] for n in names], "wco": [acc[n][1] for n in names],
           "doms": [domain_of(n) for n in names]}
    cache[key] = res
    return res


def plan_corpus(size, seed):
    """[(filename, prov row, city or None, year, seq, issuer kind)]."""
    if size == "L":
        provs, years = PROVINCES, range(2017, 2025)
    else:
        provs, years = [p for p in PROVINCES if p[1] == "湖南"], range(2015, 2025)
    out = []
    for prov in provs:
        if prov[1] == "湖南":
            cities = [(c[0], c[1], c[3], c[2], c[4].split()) for c in HUNAN_CITIES]
        else:
            cities = [(c, c + "市", "%s-c%02d" % (prov[4], i + 1), c[0], [])
                      for i, c in enumerate((prov[5] or "").split())]
        units = [(None, 55 if prov[2] == "muni" else 40)]
        for i, c in enumerate(cities):
            units.append((c, 14 if i == 0 else 7.5))
        for year in years:
            for city, rate in units:
                r = random.Random("%d|plan|%s|%s|%d" % (seed, prov[4], city[2] if city else "-", year))
                n = max(1, int(round(rate * r.uniform(0.75, 1.25))))
                seq = 0
                for _ in range(n):
                    seq += r.randint(1, 4)
                    slug = city[2] if city else prov[4]
                    fname = "%d_%s_%03d.txt" % (year, slug, seq)
                    out.append((fname, prov, city, year, seq))
    if size == "S":
        r = random.Random("%d|S" % seed)
        idx = sorted(r.sample(range(len(out)), 100))
        out = [out[i] for i in idx]
    return out


def spec_for(entry, seed, gaz, cache):
    fname, prov, city, year, seq = entry
    rng = random.Random("%d|doc|%s" % (seed, fname))
    pool = pool_for(gaz, cache, prov, city, year)
    is_city = city is not None
    if is_city:
        bare, full, _slug, code, counties = city
        region, region_short, level_char = full, bare, "市"
        gov = full + "人民政府"
        office_name = full + ("人民政府办公厅" if bare == "长沙" else "人民政府办公室")
        places = [c[:-1] for c in counties if c.endswith("区") and len(c) >= 3]
        places_full = counties or [bare + "经开区", bare + "高新区"]
        suffix = "区人民政府"
        addressees = "各区县（市）人民政府，市直机关各单位："
        generic = "各区县市人民政府"
        convenor = rng.choice(["市政府分管副秘书长", "市政府副秘书长或市政府办公室副主任"])
        up = "省委、省政府和市委"
        all_units = "市直各有关单位"
        cc = ("市委各部门", "市人大常委会办公室，市政协办公室")
        lc = "市"
    else:
        region, region_short = prov[0], prov[1]
        level_char = "市" if prov[2] == "muni" else ("区" if prov[2] == "auto" else "省")
        code = prov[3][0]
        gov = prov[0] + "人民政府"
        office_name = prov[0] + "人民政府办公厅"
        if prov[1] == "湖南":
            places = [c[0] for c in HUNAN_CITIES if c[1].endswith("市")]
        else:
            places = (prov[5] or "").split()
        places_full = [p + "市" for p in places] or [region_short + "自由贸易试验区"]
        suffix = "市人民政府"
        lc = "自治区" if prov[2] == "auto" else level_char
        addressees = ("各市州人民政府，省政府各厅委、各直属机构：" if prov[1] == "湖南" else
                      "各区人民政府，市政府各委、办、局：" if prov[2] == "muni" else
                      "各市人民政府，%s政府各部门、各直属机构：" % lc)
        generic = "各市州人民政府" if prov[1] == "湖南" else ("各区人民政府" if prov[2] == "muni" else "各市人民政府")
        convenor = rng.choice(["%s政府副秘书长或%s政府办公厅副主任" % (lc, lc), "%s政府分管副秘书长" % lc])
        up = "省委、省政府" if level_char == "省" else "%s委、%s政府" % (lc, lc)
        all_units = "各部门单位"
        cc = ("%s委各部门" % lc, "%s人大常委会办公厅，%s政协办公厅" % (lc, lc))
    if not places or prov[2] == "muni":
        places = []
    topic, tdom = rng.choice(TOPICS)
    topic = topic.replace("强省", "强" + level_char)
    r = rng.random()
    if r < 0.3:
        plan = "落实《政府工作报告》重点工作分工方案" if rng.random() < 0.5 else \
               "%s%d年《政府工作报告》重点工作任务分工方案" % (region, year)
        tdom = None
    elif r < 0.7:
        plan = "%s%d年%s重点任务分工方案" % (region, year, topic)
    else:
        plan = "%s%s三年行动计划（%d—%d年）任务分工方案" % (region, topic, year, year + 2)
    kind = rng.random()
    if kind < 0.25:
        issuer, wen = gov, code + ("政发" if is_city or prov[1] == "湖南" else prov[3][1:].replace("办", ""))
    else:
        issuer = office_name
        if is_city:
            wen = code + rng.choice(["政办发", "政办发", "政办函"])
        else:
            wen = prov[3]
    month = min(12, 1 + (seq * 11) // 40 + rng.randint(0, 1))
    day = rng.randint(1, 28)
    target = int(min(120_000, max(20_000, rng.lognormvariate(math.log(45_000), 0.45))))
    spec = dict(pool)
    spec.update({
        "year": year, "region_short": region_short, "level_char": level_char,
        "issuer": issuer, "plan": plan, "topic_dom": tdom,
        "wenhao": "%s〔%d〕%d号" % (wen, year, seq),
        "addressees": addressees, "signer": issuer, "date": "%d年%d月%d日" % (year, month, day),
        "places": places, "places_full": places_full, "place_suffix": suffix, "generic": generic,
        "convenor": convenor, "all_units": all_units,
        "fen": "按职责分工负责" if rng.random() < 0.8 else "按职能分工负责",
        "fmt": {"up": up, "plan": "《%s》" % plan, "gov": lc + "人民政府",
                "gov_office": lc + ("政府办公室" if is_city else "政府办公厅")},
        "cc1": cc[0], "cc2": cc[1], "office": office_name,
        "printed": (year, month, min(28, day + 2)), "target": target,
    })
    return spec, rng


def encode(text, rng):
    r = rng.random()
    if r < 0.05:
        return text.encode("gb18030")
    if r < 0.08:
        return b"\xff\xfe" + text.encode("utf-16-le")
    if r < 0.10:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if r < 0.14:
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", required=True, choices=["S", "M", "L"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--truth", help="also write DIR/assignments.tsv and DIR/teams.tsv")
    ap.add_argument("--gazetteer", default=os.path.join(ROOT, "graphs", "agencies.tsv"))
    a = ap.parse_args()
    gaz = Gazetteer(read_gazetteer(a.gazetteer))
    os.makedirs(a.out, exist_ok=True)
    cache = {}
    entries = plan_corpus(a.size, a.seed)
    ta = tt = None
    if a.truth:
        os.makedirs(a.truth, exist_ok=True)
        ta = open(os.path.join(a.truth, "assignments.tsv"), "w", encoding="utf-8", newline="\n")
        tt = open(os.path.join(a.truth, "teams.tsv"), "w", encoding="utf-8", newline="\n")
        ta.write("doc\titem\tclause\trole\tagency\n")
        tt.write("doc\tteam\trole\tagency\n")
    total = 0
    for e in entries:
        spec, rng = spec_for(e, a.seed, gaz, cache)
        d = Doc(spec, rng)
        text = d.build()
        data = encode(text, rng)
        with open(os.path.join(a.out, e[0]), "wb") as f:
            f.write(data)
        total += len(data)
        if ta:
            for item, cl, role, u in d.truth:
                ta.write("%s\t%s\t%d\t%s\t%s\n" % (e[0], item, cl, role, u))
            for team, role, u in d.teams:
                tt.write("%s\t%s\t%s\t%s\n" % (e[0], team, role, u))
    if ta:
        ta.close()
        tt.close()
    print("%d documents, %.1f MB in %s" % (len(entries), total / 1e6, a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
