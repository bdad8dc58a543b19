"""Names no list holds, recognised by their structure: [region] + trade name +
[industry words] + organisational form (有限公司, 集团, 银行, 厂 …); a group and its
unit written as one name; the short forms a document introduces after a full name."""
from __future__ import annotations

import ahocorasick_rs
import regex

from zhgov_extract.taggers.enterprises.boundaries import Candidate, NameBounds, Scan

BRACKETED = regex.compile(r"\([^()]*\)")


def structural(nb: NameBounds, scan: Scan) -> list[Candidate]:
    """One candidate per organisational form whose left part is a plausible trade name."""
    doc, text, region_at = scan.doc, scan.text, scan.region_at
    r = nb.r
    out = []
    forms = r.form_names
    recent: list[int] = []  # starts of the form words found so far
    for i, s, e in r.form_ac.find_matches_as_indexes(text):
        form = forms[i]
        recent.append(s)
        if doc.in_protected(s, e):
            continue
        # a name holds at most a few form words before its own (…银行股份有限公司鞍山分行): this bounds
        # the work per form word however densely they repeat (公司公司公司…)
        floor = recent[-1 - r.max_forms_in_name] if len(recent) > r.max_forms_in_name else 0
        a, hard = nb.window_start(text, s, floor)
        if r.forms_run_re.fullmatch(text, a, s):
            continue  # nothing but form words before this one: no trade name
        a = nb.soft_extend(scan, a, s)
        a = nb.cut_location(scan, a, s)
        a = nb.pos_trim(scan, a, s)
        anchor = nb.anchors(scan, a, s)
        kind = "none"
        if anchor:
            a0, kind = anchor
            # a known group's short name before a region (华电新疆发电有限公司, 国网四川省电力公司)
            if kind == "region" and 2 <= a0 - a <= 4 and nb.group_prefix(text[a:a0]):
                kind = "alias"
            else:
                a = a0
        else:
            a = nb.lead_verbs(doc, a, s)
            a = nb.after_single_word(scan, a, s)  # …类项目有庞大集团
            trade = text[a:s]
            if form in r.generic_group_forms and nb.word_freq.get(trade, 0) >= r.lead_verb_freq:
                continue  # 落实集团公司: "the group company" after an everyday word, not a name
            g = trade.rfind("集团", 0, len(trade) - 1)
            if g >= 0 and g + 2 < len(trade):
                a += g + 2  # 莲花健康产业集团 | 食品(项城)有限公司: the unit is its own candidate, merged later
                trade = text[a:s]
            bare = r.industry_re.sub("", BRACKETED.sub("", trade))
            if len(bare) > 12 or "企业" in trade or "集团" in trade[:-1]:
                continue  # an unanchored run this long is a phrase, not a name
        if form in r.alias_only_forms and kind != "alias":
            continue
        if kind != "alias" and a > 0 and any(text.endswith(o, 0, a) for o in r.org_names):
            continue  # 人民银行长沙中心支行: a public body's branch, not an enterprise
        if nb.sector_after(text[a:e], text, e):
            continue  # 湖南银行业金融机构
        if text[a:a + 1] == "(" or s - a < 1:
            continue
        weak = form in r.weak_forms
        if any(c in r.never_in_trade for c in text[a:s]):
            continue  # 感谢您公司: a pronoun, not a name
        if weak and kind == "none" and not (form == "公司" and hard and 2 <= s - a <= 6
                                             and nb.name_like(doc, a, s)):
            continue  # 永农生物公司 at a clause start is a name; 该公司, 感谢您公司 are not
        trade = text[a:s]
        if kind == "region":
            rest = trade[region_at[a] - a:]
            if rest and nb.generic(rest, r.region_generic_re):
                continue
            if not rest and form in r.branch_forms:
                kind = "branch"  # 成都分行: kept only where its bank was named just before (orphan_branches)
        elif nb.generic(trade) or len(trade) < r.min_trade:
            continue
        out.append(Candidate(a, e, "structure", None, form, kind))
    return out


def orphan_branches(nb: NameBounds, ents: list[Candidate]) -> list[Candidate]:
    """Drop a branch named only by its place (成都分行, 河南分公司) unless another enterprise was
    named within ``branch_owner_window`` characters before it: then it is that one's branch."""
    out: list[Candidate] = []
    last_end = -10**9
    for c in ents:
        if c.anchor == "branch":
            if c.start - last_end > nb.r.branch_owner_window:
                continue
        else:
            last_end = c.end
        out.append(c)
    return out


def merge_group_units(nb: NameBounds, text: str, ents: list[Candidate]) -> list[Candidate]:
    """后英集团 + 海城市胜辉耐火材料制造有限公司 written as one name is one mention; so is a known
    group + a known unit of its own (中石油长庆油田: the unit, linked as the unit)."""
    out: list[Candidate] = []
    for c in ents:
        if out:
            prev = out[-1]
            pe, ce = prev.entity or nb.gaz.lookup(text[prev.start:prev.end]), c.entity
            if prev.end == c.start and pe is not None and ce is not None and ce.group \
                    and ce.group == (pe.group or pe.canonical) and c.kind in ("alias", "unit"):
                out[-1] = Candidate(prev.start, c.end, c.kind, ce, c.form, c.anchor)
                continue
            if prev.end == c.start and c.kind == "structure" and text[prev.start:prev.end].endswith(nb.r.group_endings):
                out[-1] = Candidate(prev.start, c.end, "structure", None, c.form, prev.anchor,
                                    full_name=text[c.start:c.end])
                continue
        out.append(c)
    return out


def short_names(nb: NameBounds, core, text: str, ents: list[Candidate]) -> list[Candidate]:
    """Short forms a document introduces after a full name (神龙腾达 after 神龙腾达工贸有限公司).

    ``core(name)`` is the name without its organisational form (the linker's)."""
    shorts: dict[str, Candidate] = {}
    for c in ents:
        if c.kind != "structure" or c.entity is not None:
            continue
        name = text[c.start:c.end]
        base = core(name)
        # drop a region prefix and trailing industry words
        trade = base
        lead = nb.regions.iter_matches(base)[:1]
        if lead and lead[0][0] == 0:
            trade = base[lead[0][1]:]
        trade = BRACKETED.sub("", trade)
        m = None
        for m in nb.r.industry_re.finditer(trade):
            pass
        if m is not None and m.end() == len(trade) and m.start() >= 2:
            trade = trade[: m.start()]
        if 3 <= len(trade) <= 6 and trade not in nb.word_tags and not nb.gaz.lookup(trade):
            shorts.setdefault(trade, c)
        # with its form after a region is dropped: 北京国资公司 → 国资公司, 鞍山燃气集团 → 燃气集团
        if lead and lead[0][0] == 0 and lead[0][1] < len(base) and name.endswith(("公司", "集团")):
            short = base[lead[0][1]:] + name[len(base):]
            if 4 <= len(short) <= 8 and not nb.generic(short[:-2]) and not nb.gaz.lookup(short):
                shorts.setdefault(short, c)
    out: list[Candidate] = []
    if not shorts:
        return out
    keys = list(shorts)
    ac = ahocorasick_rs.AhoCorasick(keys)  # every occurrence of every short name, in one pass
    for k, i, j in ac.find_matches_as_indexes(text, overlapping=True):
        full = shorts[keys[k]]
        out.append(Candidate(i, j, "short", full.entity, full.form, "short", text[full.start:full.end]))
    return out
