"""Enterprises named in lists: items listed with a known enterprise, items before a
tail that says they are enterprises (等N家企业, 等23个央企项目), region + trade name +
industry word, and a foreign area + trade name."""
from __future__ import annotations

from zhgov_extract.taggers.enterprises.boundaries import Candidate, NameBounds, Scan
from zhgov_extract.taggers.enterprises.words import NAME_CHAR


def item_ok(nb: NameBounds, trade: str, item: str = "") -> bool:
    """Can ``trade`` be the trade name of a listed item (``item``: the whole item)?"""
    r, freq = nb.r, nb.word_freq
    if len(trade) < 2 or not all(NAME_CHAR[c] for c in trade) or nb.generic(trade):
        return False
    if any(item.endswith(w) for w in r.verb_industry):
        return False
    if any(c in r.never_in_trade for c in trade) or any(len(w) > 1 and trade.startswith(w) for w in r.right_boundaries):
        return False  # 合作的郫: a phrase, not a trade name
    if trade in nb.regions.by_name or any(trade.startswith(f) for f in r.foreign_areas):
        return False  # 南沙澳门: two places, not a trade name
    if any(freq.get(trade[i:i + 2], 0) > 20 * r.max_trade_freq for i in range(len(trade) - 1)):
        return False  # 同类工程: made of everyday words
    if item and ("企业" in item or r.org_suffix_re.search(item)):
        return False
    return freq.get(trade, 0) <= r.max_trade_freq


def item_at(nb: NameBounds, scan: Scan, a: int) -> int | None:
    """End of a list item starting at ``a`` (trade name + industry words, or region + trade), or None."""
    text, region_at = scan.text, scan.region_at
    for n in range(2, 7):
        m = nb.industry_at(text, a + n)
        if m is None:
            continue
        end = m.end()
        if (end < len(text) and text[end] in nb.r.list_separators) or nb.right_boundary(text, end):
            trade = text[a:a + n]
            if a in region_at and region_at[a] < a + n:
                trade = text[region_at[a]:a + n] or trade
            if a in region_at and region_at[a] == a + n and not nb.blocked(text, end) \
                    and "企业" not in text[a:end]:
                return end  # 海城石油机械 listed with other enterprises: region + industry
            if item_ok(nb, trade, text[a:end]):
                return end
    if a in region_at:  # 辽宁紫竹: region + a short trade name
        b = region_at[a]
        for n in (2, 3, 4):
            end = b + n
            if end <= len(text) and all(NAME_CHAR[c] for c in text[b:end]) and nb.right_boundary(text, end) \
                    and item_ok(nb, text[b:end], text[a:end]):
                return end
    return None


def item_ending(nb: NameBounds, scan: Scan, end: int) -> int | None:
    """Start of a list item that ends at ``end`` and starts after a separator or a boundary."""
    text, seps = scan.text, nb.r.list_separators
    for n in range(9, 2, -1):
        a = end - n
        if a < 0:
            continue
        before = text[a - 1] if a > 0 else ""
        if before and NAME_CHAR[before] and before not in seps and not nb.stop_at(text, a):
            continue
        if text[a] in seps:
            continue
        if item_at(nb, scan, a) == end:
            return a
    return None


def region_items(nb: NameBounds, scan: Scan, starts: dict) -> list[Candidate]:
    """辽宁润润农业获批…: region + trade name + industry word; 美国恒力: foreign area + trade name."""
    doc, text, r = scan.doc, scan.text, nb.r
    out = []
    for a, b in scan.region_at.items():
        if a in starts or doc.in_protected(a, b):
            continue
        before = text[a - 1] if a > 0 else ""
        if before and NAME_CHAR[before] and not nb.stop_at(text, a):
            continue
        if text[a:b] in nb.r.foreign_areas:
            for n in (4, 3, 2):
                end = b + n
                known = nb.gaz.lookup(text[b:end]) if end <= len(text) else None
                if known is None and any(nb.right_boundary(text, k) for k in range(b + 2, end)):
                    continue  # 美国恒力|签约: the name ends where a word that cannot continue it starts
                if end <= len(text) and nb.right_boundary(text, end) and (
                        known is not None or item_ok(nb, text[b:end], text[a:end])
                        and not (n >= 3 and set(text[b:end]) <= r.transliteration)):  # 意大利维罗纳: a city
                    # 美国霍尼韦尔 links as 霍尼韦尔; 美国恒力 is not the Chinese 恒力集团
                    out.append(Candidate(a, end, "alias", known, anchor="alias")
                               if known is not None and known.category == "foreign"
                               else Candidate(a, end, "list", None, "", "foreign"))
                    break
            continue
        for n in (2, 3):
            m = nb.industry_at(text, b + n)
            if m and item_ok(nb, text[b:b + n], text[a:m.end()]) and nb.right_boundary(text, m.end()) \
                    and not nb.blocked(text, m.end()):
                out.append(Candidate(a, m.end(), "list", None, "", "region"))
                break
    return out


def lists(nb: NameBounds, scan: Scan, ents: list[Candidate]) -> list[Candidate]:
    """Items listed with a known enterprise, or before 等N家企业/等N个项目, are enterprises."""
    text, r = scan.text, nb.r
    seps = r.list_separators
    starts = {c.start: c for c in ents}
    ends = {c.end: c for c in ents}
    out = region_items(nb, scan, starts)
    seeds = [(c.start, c.end) for c in ents if c.kind in ("alias", "structure", "unit")]
    if r.list_tail_re is not None:
        for m in r.list_tail_re.finditer(text):
            if sector_tail(nb, m.group()):
                continue  # 焦煤、化工、新材料等14个领域国有企业: the items are sectors
            if r.enterprise_tail_re.search(m.group()):
                out += named_list(nb, scan, m.start(), ends)[0]
            a = item_ending(nb, scan, m.start())
            if a is not None and m.start() not in ends:
                out.append(Candidate(a, m.start(), "list", None, "", "none"))
                seeds.append((a, m.start()))
    for tail_re in (r.list_count_tail_re, r.list_type_tail_re):
        if tail_re is None:
            continue
        for m in tail_re.finditer(text):
            if sector_tail(nb, m.group()):
                continue
            items, n_items = named_list(nb, scan, m.start(), ends)
            if n_items >= 2 or any(c.entity is not None for c in items):
                out += items
    walked: set[int] = set()  # separators already followed: a chain is walked once, not once per seed
    for a0, e0 in seeds:
        pos = e0  # rightwards
        while pos < len(text) and text[pos] in seps and pos not in walked:
            walked.add(pos)
            nxt = starts.get(pos + 1)
            if nxt is not None:
                pos = nxt.end
                continue
            end = item_at(nb, scan, pos + 1)
            if end is None:
                bare = bare_item(nb, scan, pos + 1, forward=True)
                if bare is None:
                    break
                out.append(bare)
                end = bare.end
                if bare.entity is None:
                    break  # an unknown bare item ends the walk: it is evidence for nothing further
            else:
                out.append(Candidate(pos + 1, end, "list", None, "", "none"))
            pos = end
        pos = a0  # leftwards
        while pos > 0 and text[pos - 1] in seps and (pos - 1) not in walked:
            walked.add(pos - 1)
            prv = ends.get(pos - 1)
            if prv is not None:
                pos = prv.start
                continue
            a = item_ending(nb, scan, pos - 1)
            if a is None:
                bare = bare_item(nb, scan, pos - 1, forward=False)
                if bare is None:
                    break
                out.append(bare)
                a = bare.start
                if bare.entity is None:
                    break
            else:
                out.append(Candidate(a, pos - 1, "list", None, "", "none"))
            pos = a
    return out


def named_list(nb: NameBounds, scan: Scan, end: int, ends: dict) -> tuple[list[Candidate], int]:
    """中远、中集、中外运、中石油、中化等23个央企项目: the text says the items are enterprises,
    so each short item of the list is one, with or without an industry word.

    Returns the new candidates and the number of items walked (known ones included)."""
    doc, text, r = scan.doc, scan.text, nb.r
    out: list[Candidate] = []
    weak: list[Candidate] = []  # items made of everyday words: names only beside a real name
    n_items = 0
    pos = end
    while pos > 0:
        known = ends.get(pos)
        if known is not None:
            a = known.start
            n_items += 1
        else:
            b = r.boundary_rev.search(text, max(0, pos - 8), pos)
            a = b.end() if b is not None else max(0, pos - 8)
            whole = anchored_item_ending(nb, text, pos)
            if whole is not None:
                a = whole  # 美的: a listed everyday name holding a stop character (的)
            for i in range(pos - 1, a - 1, -1):
                if text[i] in r.list_separators:
                    a = i + 1
                    break
            else:  # the first item: it starts after the words that introduce it (…项目有伊藤忠纤维)
                a1 = nb.lead_verbs(doc, nb.pos_trim(scan, a, pos), pos)
                # …but not down to an industry word alone: 真实(d)|生物 is a trade name + industry word
                a = a if a1 > a and r.industry_re.fullmatch(text, a1, pos) else a1
            item = text[a:pos]
            if text.endswith(r.person_titles, 0, a):
                break  # 董事长白涛等13家央企负责人: a person
            # an anchored-only listed name (特力, 星源) is one here; an industry word (新材料) is not
            # …but a central SOE's anchored short name made of industry words (航天科技) is the group
            ent = nb.gaz.lookup_anchored(item)
            sector = r.industry_re.fullmatch(item) is not None and not (ent is not None and ent.category == "central_soe")
            ent = ent if not sector else None
            if not (2 <= len(item) <= 8) or sector or nb.generic(item) or ent is None and not_a_name(nb, item) \
                    or item in r.org_name_set or ent is None and (
                    any(c in r.never_in_trade for c in item) or nb.stop_at(text, pos)):
                break
            if ent is None and nb.everyday_phrase(doc, a, pos):
                if pos - a > 6:
                    break
                weak.append(Candidate(a, pos, "list", None, "", "none"))  # 真实生物 beside 五星新材
            else:
                out.append(Candidate(a, pos, "alias", ent, anchor="alias") if ent is not None
                           else Candidate(a, pos, "list", None, "", "none"))
                n_items += 1
        if a == 0 or text[a - 1] not in r.list_separators:
            break
        pos = a - 1
    if n_items and weak:  # 数字经济、清洁能源等企业: everyday words alone are no names
        out += weak
        n_items += len(weak)
    return out, n_items


def anchored_item_ending(nb: NameBounds, text: str, end: int) -> int | None:
    """Start of an anchored-only known name that ends at ``end`` right after a separator or punctuation."""
    for k in range(2, 7):
        a = end - k
        if a < 0:
            break
        if (a == 0 or text[a - 1] in nb.r.list_separators or not NAME_CHAR[text[a - 1]]) \
                and nb.gaz.lookup_anchored(text[a:end]) is not None:
            return a
    return None


def not_a_name(nb: NameBounds, item: str) -> bool:
    """Is a list item a place, a park, a public body or a kind of enterprise rather than a name
    (成都; 高新区; 省发改委; 专精特新, 培育瞪羚)?"""
    r = nb.r
    return item in nb.regions.by_name or item in r.org_name_set or item.endswith(r.location_words) \
        or item.endswith(r.enterprise_kind_words) or any(item.endswith(suf) for suf in r.org_suffixes)


def sector_tail(nb: NameBounds, tail: str) -> bool:
    """Does a list tail name sectors (等14个领域国有企业, 等新兴产业企业) rather than enterprises?"""
    return any(w in tail for w in nb.r.list_sector_words)


def bare_item(nb: NameBounds, scan: Scan, p: int, forward: bool) -> Candidate | None:
    """The item next to a known enterprise that no industry word or region marks (宁德时代、青拓、
    中铜; 奇瑞、海螺建设…): a listed everyday name (海螺, 美的) that ends where a name can end, or a
    short unknown word between two 、 (or before 等) that is no place, sector or everyday word.

    ``p`` is the item's first character (``forward``) or the index after its last."""
    text, r = scan.text, nb.r
    for n in range(2, 7):
        a, b = (p, p + n) if forward else (p - n, p)
        if a < 0 or b > len(text) or not all(NAME_CHAR[c] for c in text[a:b]):
            break
        item = text[a:b]
        before = text[a - 1] if a > 0 else ""
        if not forward and before and NAME_CHAR[before] and before != "、" and not nb.stop_at(text, a):
            continue  # the item runs further left
        ent = nb.gaz.lookup_anchored(item)
        central = ent is not None and ent.category == "central_soe"  # 航天科技: industry words, yet the group
        if not_a_name(nb, item) and ent is None or item in r.org_name_set or r.industry_re.fullmatch(item) and not central \
                or nb.generic(item) or ent is None and any(c in r.never_in_trade for c in item) \
                or before.isdigit() or text.endswith(r.person_titles, 0, a):
            continue  # 29个月、…: a count; 总经理熊维平、…: a person
        if ent is not None and (text[b:b + 1] in ("、", "等") or nb.right_boundary(text, b)
                                or verb_at(nb, scan, b)):
            return Candidate(a, b, "alias", ent, anchor="alias")
        if ent is None and n <= r.list_bare_item_max and bare_unknown_ok(nb, scan, a, b, forward):
            return Candidate(a, b, "list", None, "", "none")
    return form_item(nb, scan, p, forward)


def form_item(nb: NameBounds, scan: Scan, p: int, forward: bool) -> Candidate | None:
    """An item that ends in a group form next to a known enterprise (省能源集团、省国资运营公司做强):
    a name even where its trade words look like verbs (运营), if they are no generic words."""
    text, r = scan.text, nb.r
    forms = r.list_item_forms
    for n in range(4, 11):
        a, b = (p, p + n) if forward else (p - n, p)
        if a < 0 or b > len(text) or not all(NAME_CHAR[c] for c in text[a:b]):
            break
        item = text[a:b]
        form = next((f for f in forms if item.endswith(f)), None)
        if form is None:
            continue
        before = text[a - 1] if a > 0 else ""
        if before and NAME_CHAR[before] and before != "、" and not nb.stop_at(text, a):
            continue  # (backwards) the item runs further left
        if forward and not (text[b:b + 1] in ("、", "等") or nb.right_boundary(text, b) or verb_at(nb, scan, b)
                            or any(text[b:b + k] in r.left_stops for k in r.stop_lengths)):
            continue
        trade = item[: -len(form)]
        own = next((o for o in r.own_prefixes if trade.startswith(o) and len(trade) > len(o) + 1), "")
        rest = trade[len(own):]
        if len(rest) < 2 or nb.generic(rest) or any(c in r.never_in_trade for c in rest) or not_a_name(nb, rest) \
                or any(trade[:k] in r.left_stops for k in (1, 2)) or r.forms_run_re.search(rest):
            continue
        return Candidate(a, b, "list", None, form, "none")
    return None


def bare_unknown_ok(nb: NameBounds, scan: Scan, a: int, b: int, forward: bool) -> bool:
    """An unknown word between 、 and 、 (or 等) that can be a short trade name (青拓): after 、 or
    punctuation (not after a bracket: (鞍山)健康城), not starting with a stop word (以鞍山, 与中科院),
    holding no place, no everyday or dictionary words."""
    doc, text, r = scan.doc, scan.text, nb.r
    before = text[a - 1] if a > 0 else ""
    if text[b:b + 1] not in ("、", "等") or (forward and before != "、"):
        return False
    if not forward and before and before != "、" and (before in "()" or NAME_CHAR[before]) and not nb.stop_at(text, a):
        return False
    if any(text[a:a + k] in r.left_stops for k in (1, 2)) or nb.regions.iter_matches(text[a:b]) \
            or nb.after_single_word(scan, a, b) > a:
        return False  # 以鞍山, 有强生: a stop word or a common one-character verb is no part of a name
    return nb.word_freq.get(text[a:b], 0) <= r.max_trade_freq and not nb.everyday_phrase(doc, a, b) \
        and not nb.stop_at(text, b) and not dictionary_words(nb, doc, a, b)


def dictionary_words(nb: NameBounds, doc, a: int, b: int) -> bool:
    """Is [a, b) two or more dictionary words (特色|商圈)?  A short trade name (青拓) is not."""
    toks = doc.clause_tokens(a, b) if doc.tokenizer else []
    return len(toks) >= 2 and all(len(w) >= 2 and nb.word_freq.get(w, 0) >= 100 for w, _, _ in toks)


def verb_at(nb: NameBounds, scan: Scan, b: int) -> bool:
    """Does a verb of two or more characters start at ``b`` (张裕|拓展海外市场)?"""
    toks = scan.doc.tokens_in(b, min(len(scan.text), b + 4))
    if not toks or toks[0][1] != b or len(toks[0][0]) < 2:
        return False
    tag = nb.word_tags.get(toks[0][0], "")
    return tag.startswith("v") and tag != "vn"
