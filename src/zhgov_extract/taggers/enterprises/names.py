"""Known names: gazetteer names and aliases found in the text, their extent
(中国 before a central SOE's short name, a group form after one), and the units
written as a known name plus industry words or a province."""
from __future__ import annotations

from zhgov_extract.taggers.enterprises.boundaries import Candidate, NameBounds, Scan
from zhgov_extract.taggers.enterprises.words import NAME_CHAR
from zhgov_extract.text.normalize import fold_width

CENTRAL = ("central_soe", "central_soe_unit")


def alias_candidates(nb: NameBounds, scan: Scan) -> list[Candidate]:
    """Every gazetteer name in the text that is not half of an ordinary word or a sector."""
    doc, text, region_at = scan.doc, scan.text, scan.region_at
    r = nb.r
    region_ends = {e for _, e, _ in scan.regions}
    out = []
    for a, b, name, ent in nb.gaz.iter_matches(text):
        if doc.in_protected(a, b) or not alias_boundary_ok(nb, text, a, b) or not latin_word_ok(text, a, b):
            continue
        if nb.sector_after(name, text, b):
            continue  # 湖南银行业: the sector, not 湖南银行
        if r.media_after_re is not None and r.media_after_re.match(text, b):
            continue  # 中国化工报, 中化新网讯: a newspaper, not the firm
        if name.endswith(r.bureau_endings) and (a in region_ends or text[a - 1:a] in r.org_short_prefixes):
            continue  # 禄丰县招商局: the county's bureau, not 招商局集团
        if name.endswith(r.facility_endings) and r.facility_traffic_re is not None \
                and r.facility_traffic_re.match(text, b):
            continue  # 宁波舟山港完成货物吞吐量: the port, not the port company
        if a in region_at and region_at[a] < b and nb.blocked(text, b):
            # 鞍山钢铁 in 鞍山钢铁产业: the region's industry, not the company
            if nb.r.industry_re.fullmatch(text[region_at[a]:b]):
                continue
        a, b = alias_extent(nb, text, a, b, name, ent)
        out.append(Candidate(a, b, "alias", ent, anchor="alias"))
    return out


def alias_extent(nb: NameBounds, text: str, a: int, b: int, name: str, ent) -> tuple[int, int]:
    """The whole name around a known short name: 中国 before a central SOE's short name
    (中国兵装集团, 中国新兴际华集团), and a group form after one that has none (陕汽控股)."""
    if ent.category in CENTRAL and a >= 2 and text[a - 2:a] == "中国" and not name.startswith("中国") \
            and not (a >= 3 and NAME_CHAR[text[a - 3]] and not nb.stop_at(text, a - 2)):
        a -= 2
    if not name.endswith("集团") and not nb.r.forms_tail_re.search(name):
        for tail in nb.r.alias_group_tails:
            if text.startswith(tail, b):
                b += len(tail)
                break
    return a, b


def _ascii_letter(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def latin_word_ok(text: str, a: int, b: int) -> bool:
    """A Latin alias is a whole word: no ASCII letter right before or after it
    (OCT is not inside DOCTYPE or OCTOBER, GM not inside GMT+8)."""
    return not ((a > 0 and _ascii_letter(text[a]) and _ascii_letter(text[a - 1]))
                or (b < len(text) and _ascii_letter(text[b - 1]) and _ascii_letter(text[b])))


def alias_boundary_ok(nb: NameBounds, text: str, a: int, b: int) -> bool:
    """A two-character alias must not be half of an ordinary word (全国电力 is not 国电)."""
    if b - a > 2:
        return True
    left = text[a - 1:a + 1] if a > 0 else ""
    right = text[b - 1:b + 1] if b < len(text) else ""
    for w in (left, right):
        if len(w) == 2 and nb.word_tags.get(w) and not nb.gaz.lookup(w):
            return False
    return True


def alias_units(nb: NameBounds, scan: Scan, aliases: list[Candidate]) -> list[Candidate]:
    """A known enterprise followed by industry words is its unit (鞍钢耐火, 华能新能源); a central
    SOE followed by a province is its provincial company (华电内蒙古, 国家电投江西)."""
    text, region_at = scan.text, scan.region_at
    out = numbered_units(nb, scan, aliases)
    for c in aliases:
        name = text[c.start:c.end]
        end = region_at.get(c.end)
        if end is not None and c.entity is not None and c.entity.category == "central_soe" \
                and any(r.level == "province" for r in nb.regions.by_name.get(text[c.end:end], ())) \
                and (nb.right_boundary(text, end) or text[end:end + 1] in "(（"):
            out.append(Candidate(c.start, end, "unit", c.entity, anchor="alias"))
            continue
        if name.endswith("集团") or nb.r.forms_tail_re.search(name):
            continue  # 鞍钢集团 + 西鞍山铁矿 is a place of the group; a full legal name takes no industry words
        m = nb.industry_at(text, c.end)
        if m and any(m.group().endswith(w) for w in nb.r.verb_industry) \
                and m.end() < len(text) and NAME_CHAR[text[m.end()]]:
            continue  # 中国五冶投资建设工程: the enterprise and what it does (中信建设— is a name)
        if m and m.end() - c.end >= 2 and nb.right_boundary(text, m.end()):
            out.append(Candidate(c.start, m.end(), "unit", c.entity, anchor="alias"))
        elif m and nb.r.unit_project_re is not None:
            # 宁德时代 + 新能源 + 车里湾扩能项目: the first industry word, where the two start the company's
            # own registered name (宁德时代新能源科技股份有限公司); elsewhere the word is what the project
            # makes (中广核光伏发电项目, 鞍钢废钢加工处理项目: 鞍钢's project, even with a 鞍钢废钢 unit)
            w = nb.r.industry_word_re.match(text, c.end)
            if w and w.end() - c.end >= 2 and w.group() not in nb.r.verb_industry and c.entity is not None \
                    and fold_width(c.entity.canonical).startswith(text[c.start:w.end()]) \
                    and nb.r.unit_project_re.match(text, w.end()):
                out.append(Candidate(c.start, w.end(), "unit", c.entity, anchor="alias"))
    return out


def numbered_units(nb: NameBounds, scan: Scan, aliases: list[Candidate]) -> list[Candidate]:
    """中电科55所, 中船702所, 航天科技八院: a central SOE's short name (an anchored-only one too) and a
    numbered research unit are one mention of the group's unit."""
    if nb.r.numbered_unit_re is None:
        return []
    text = scan.text
    ends = {c.end: c for c in aliases}
    out = []
    for m in nb.r.numbered_unit_re.finditer(text):
        s = m.start()
        if any(nb.gaz.lookup(text[s - k:m.end()]) for k in (5, 4, 3, 2) if s >= k):
            continue  # 中国电科14所 is a listed name of its own
        known = ends.get(s)
        if known is not None and known.entity is not None and known.entity.category in CENTRAL:
            out.append(Candidate(known.start, m.end(), "unit", known.entity, anchor="alias"))
            continue
        for k in (4, 3, 2):
            ent = nb.gaz.lookup_anchored(text[max(0, s - k):s]) if s >= k else None
            if ent is not None and ent.category in CENTRAL:
                out.append(Candidate(s - k, m.end(), "unit", ent, anchor="alias"))
                break
    return out


def agreement_parties(nb: NameBounds, scan: Scan) -> list[Candidate]:
    """四川发展与成都市签订…协议: an anchored-only known name that opens a clause and signs an
    agreement with someone is the enterprise (推动四川发展与… does not open a clause)."""
    if nb.r.agreement_re is None:
        return []
    text = scan.text
    out = []
    for m in nb.r.agreement_re.finditer(text):
        b = m.start()
        for k in range(8, 1, -1):
            a = b - k
            if a < 0:
                continue
            if a > 0 and NAME_CHAR[text[a - 1]]:
                continue  # not at a clause start
            ent = nb.gaz.lookup_anchored(text[a:b])
            if ent is not None:
                out.append(Candidate(a, b, "alias", ent, anchor="alias"))
                break
    return out
