"""Reading a project's name: how far left it runs from its head, and whether it is specific.

A name runs left over its owner, place, capacity and own words and stops at a verb, a
preposition, punctuation or an amount; it is a name only if something in it is no generic
word.  Per-document facts live on a ``NameReader`` made for one call, never on the tagger.
"""
from __future__ import annotations

import bisect

import regex

from zhgov_extract.taggers.project_rules import ProjectRules
from zhgov_extract.text.doc import Doc

_CLAUSE_END = set("，,。；;：:！？!?\n")
OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『\"", "”’」』\""
_BRACKETS = {"(": ")", "（": "）"}
_FUNCTION_TAGS = {"p", "c", "u", "uj", "ul", "uz", "r", "d", "v", "vg", "y", "e"}
_STOP_TAGS = {"v", "p", "c", "d", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "t", "vd", "ad", "zg"}
_MAX_NAME = 48
_COUNT_UNITS = set("个家项次批座条所户名人期轮场")
_CN_NUMERALS = set("一二三四五六七八九十")
_NOT_NAME_LEADS = {"v", "vg", "u", "uj", "p", "c", "r"}  # 做优, 抓实, 之策: no name starts so
_MEASURES = _COUNT_UNITS | set("大年类级种栋张块台套处")
WORDISH = regex.compile(r"[\p{Han}A-Za-z0-9]")
_QUOTED = regex.compile(r"[“「『][^”」』]{1,20}[”」』]")
_CN_DIGITS = regex.compile(r"[一二三四五六七八九十百千两双][个大项批张资能化类种]|[一二三四五六七八九十两双百千]{2}")
_SLOGAN = regex.compile(r"[“「『](?:[一二三四五六七八九十百千两双][^”」』]{0,3}|[\d+]{1,8})[”」』]$")
_ORDINAL = regex.compile(r"[一二三四五六七八九十0-9]+$")


class _Ranges:
    """Sorted spans of one type, for 'which span covers this offset' in O(log n)."""

    def __init__(self, spans) -> None:
        self.spans = sorted((s.start, s.end) for s in spans)
        self.starts = [a for a, _ in self.spans]

    def covering(self, i: int) -> tuple[int, int] | None:
        k = bisect.bisect_right(self.starts, i) - 1
        while k >= 0:
            a, b = self.spans[k]
            if a <= i < b:
                return a, b
            if b <= i and k > 0 and self.spans[k - 1][1] <= i:
                return None
            k -= 1
        return None

    def inside(self, a: int, b: int) -> bool:
        k = bisect.bisect_left(self.starts, a)
        return k < len(self.spans) and self.spans[k][1] <= b



class NameReader:
    """One document's mentions, indexed, and the name-reading steps that use them."""

    def __init__(self, rules: ProjectRules, word_tags: dict[str, str], doc: Doc) -> None:
        self.r = rules
        self.tags = word_tags
        self.doc = doc
        self.text = doc.text
        by = {t: [] for t in ("enterprise", "quantity", "money", "date", "region", "organization", "document",
                              "percent", "person")}
        for s in doc.spans:
            if s.type in by:
                by[s.type].append(s)
        self.ent = _Ranges(by["enterprise"])
        self.qty = _Ranges(by["quantity"])
        self.stop_spans = _Ranges(by["money"] + by["date"] + by["percent"] + by["person"])
        self.place = _Ranges(by["region"] + by["organization"])
        self.blocked = _Ranges(by["document"] + by["enterprise"])


    def _word_start(self, hs: int, he: int) -> int | None:
        """Where the head's word starts: the head itself, or a word ending in it (水电站 for 电站); None inside a word."""
        toks = self.doc.clause_tokens(hs, he)
        if not toks or self._at_word_edges(hs, he):
            return hs
        w, a, b = toks[0]
        if a < hs and b <= he and self._at_word_edges(b, he):
            return a
        if a == hs and b > he and w[he - hs:] in self.r.glued_after_head:
            return hs  # 项目前期, 项目建设: the dictionary glued a stop word to the head
        return None

    def _noun_follows(self, he: int, strict: bool = False) -> bool:
        """A common noun follows the head (``strict``: tagged n exactly, and no place)."""
        toks = self.doc.words_after(he, 4)
        if not toks or toks[0][1] != he:
            return False
        tag = self.tags.get(toks[0][0])
        if strict:
            return tag == "n" and len(toks[0][0]) > 1 and self.place.covering(he) is None
        return tag is not None and tag[0] == "n" and tag != "nr" and len(toks[0][0]) > 1

    def _at_word_edges(self, hs: int, he: int) -> bool:
        """The head starts and ends on a word boundary (城 in 城市 is no head)."""
        toks = self.doc.clause_tokens(hs, he)
        if not toks:
            return True
        starts = {a for _, a, _ in toks}
        ends = {b for _, _, b in toks}
        return hs in starts and he in ends

    def _built(self, hs: int, he: int) -> bool:
        a = max(0, hs - 40)
        b = min(len(self.text), he + 30)
        seg = self.text[a:b]
        lo = max(seg.rfind(c, 0, hs - a) for c in "。；;\n") + 1
        ends = [i for i in (seg.find(c, he - a) for c in "。；;\n") if i >= 0]
        return self.r.build_cue_re.search(seg, lo, min(ends) if ends else len(seg)) is not None

    def _walk_left(self, h: int, route: bool = False) -> int | None:
        """Where the name ending at ``h`` starts: over owner, place, capacity and own words."""
        text, r, tags = self.text, self.r, self.tags
        toks = [t for t in self.doc.words_before(h, _MAX_NAME + 8) if t[2] <= h]
        pos = h
        i = len(toks) - 1
        while i >= 0:
            w, a, b = toks[i]
            if b < pos and text[b:pos].strip():
                break
            q = self.qty.covering(b - 1)
            if q is not None and text[q[1] - 1] in _COUNT_UNITS and not r.capacity_before_re.search(
                    text, max(0, q[0] - 4), q[0]):
                break  # 18个项目, 2次项目: a count of projects, not a capacity (年产2000万条…: one)
            span = self.ent.covering(b - 1) or q or self.place.covering(b - 1)
            if span is not None and span[1] <= h:
                pos = span[0]
                cue = r.capacity_before_re.search(text, max(0, pos - 4), pos) if span is q else None
                if cue:
                    pos = cue.start()  # 年加工1000吨: the capacity's cue belongs to the name
                while i >= 0 and toks[i][1] >= pos:
                    i -= 1
                if i >= 0 and toks[i][2] > pos:  # a word runs into the span from the left: the name starts here
                    break
                continue
            if self.stop_spans.covering(b - 1) is not None:
                break
            inner = self.stop_spans.covering(a)
            if inner is not None:
                pos = max(pos, inner[1]) if inner[1] < pos else pos
                break
            if w == "及" and i > 0 and pos < h and self._nounish(toks[i - 1], unknown=True) \
                    and not r.name_end_re.search(text, max(0, a - 8), a):
                pos = a  # 绿色新材料及绿色植保产品智造项目: 及 after no complete name joins two parts of one
                i -= 1
                continue
            if w in ("和", "及") and i > 0 and pos < h and self._joins_inside(toks[i - 1], b):
                pos = a  # 防水卷材和2500吨防水涂料项目, 荆州和随州热电联产项目: two products or places of one name
                i -= 1
                continue
            if w in ("与", "和") and i > 0 and self._owner_before(toks[i - 1]) and r.joint_re.search(text, b, h):
                pos = a  # 中国电气装备与辽宁紫竹合作…基地项目: a joint project of two owners
                i -= 1
                continue
            if w in _CLOSE_QUOTES:
                o = max(text.rfind(q, max(0, a - 30), a) for q in OPEN_QUOTES)
                if o < 0 or (r.head_re.search(text, o, a) and pos < h):
                    break  # a quoted name of its own before other words ends here; before the head
                    # alone (“华能灵宝绿色能源产业基地”项目) the quotes are part of the name
                named_whole = pos == h
                pos = o
                while i >= 0 and toks[i][1] >= pos:
                    i -= 1
                if named_whole and not (i >= 0 and self.ent.covering(toks[i][1])):
                    break  # “…”项目 is the whole name unless an owner stands before it
                continue
            if route and w in r.route_joiners and i > 0 and self._proper(toks[i - 1][0]):
                pos = a  # 西宁至成都铁路: a route from place to place
                i -= 1
                continue
            if w in r.name_joiners and i > 0 and pos < h:
                pos = a  # 京津冀·沧州…
                i -= 1
                continue
            if pos < h and (w in r.category_head_set or (len(w) > 2 and w[-2:] in r.category_head_set)):
                break  # 水利工程娄里水库, 配套项目G104国道…: the head of another name ends this one
            if pos == h and w in r.head_verb_set and i > 0 and self._nounish(toks[i - 1], unknown=True) \
                    and self.ent.covering(toks[i - 1][1]) is None:
                pos = a  # 分布式能源投资项目 (but 广新控股集团投资项目 is what a company invests in: generic)
                i -= 1
                continue
            if w in r.stops or any(c in _CLAUSE_END or c == "、" for c in w):
                break
            if w.isspace():
                break
            if w in OPEN_QUOTES:
                if not any(c in text[b:h] for c in _CLOSE_QUOTES):
                    break
            elif w in _BRACKETS and _BRACKETS[w] not in text[b:h]:
                break
            elif w in _BRACKETS and _ORDINAL.match(text, b, text.find(_BRACKETS[w], b)):
                break  # （四） is a list number, not part of a name
            elif w not in _CLOSE_QUOTES and w not in _BRACKETS and w not in _BRACKETS.values():
                if not WORDISH.search(w):
                    break  # bullets, markup, symbols
                tag = tags.get(w)
                owner = self.ent.covering(pos)
                if tag and tag[0] == "v" and owner is not None and owner[0] == pos:
                    break  # 开发华能绿色能源产业基地: a verb right before the owner governs the name
                if tag is None and len(w) > 1 and (w[-1] in r.glued_stop_set or w[0] in r.glued_stop_set):
                    if w[0] in r.glued_stop_set and w[-1] not in r.glued_stop_set:
                        pos = a + 1  # 为央地合作项目: jieba glued 为 to the name's first word
                    break  # 科技城等|特色园区: …or 等 to the word before the name
                if self._inner_word(w, tag, toks, i, pos):
                    pass  # 特高压输电生产基地, 汽车用钢铁: a verb or particle between nouns of the name
                elif len(w) == 1 and tag != "m":
                    # jieba splits unknown names into single characters: a function character
                    # stops only where no other single character follows it inside the name
                    nxt = toks[i + 1] if i + 1 < len(toks) else None
                    if tag in _FUNCTION_TAGS and not (nxt and nxt[2] - nxt[1] == 1 and nxt[2] <= h):
                        break
                elif _CN_DIGITS.match(w):
                    break  # 六大工程, 三个项目: a count
                elif tag == "m" and w[0] in "首第":
                    pass  # 首条, 第二: ordinals are part of names
                elif tag == "m" and len(w) == 1 and w in _CN_NUMERALS and pos < h and text[pos] not in _MEASURES:
                    pass  # 三中南校, 五矿: a numeral that counts nothing is part of a name
                elif (tag in _STOP_TAGS and w not in r.name_verbs) or tag == "m":
                    break
            pos = a
            i -= 1
            if h - pos > _MAX_NAME:
                return None
        return self._balanced(pos, h)

    def _joins_inside(self, left, right_start: int) -> bool:
        """和/及 between a product and a capacity, or between two places, inside one name."""
        q = self.qty.covering(right_start)
        if q is not None and q[0] == right_start:
            return self._nounish(left, unknown=True)
        p = self.place.covering(right_start)
        return p is not None and p[0] == right_start and self.place.covering(left[1]) is not None

    def _owner_before(self, tok) -> bool:
        """The word before 与 in 甲与乙合作…项目 names an owner: an enterprise, or a proper name."""
        return self.ent.covering(tok[1]) is not None or (len(tok[0]) > 1 and self._proper(tok[0]))

    def _inner_word(self, w: str, tag: str | None, toks: list, i: int, pos: int) -> bool:
        """A verb (输电) or a linking particle (用) with a noun of the name on both sides belongs to it."""
        if w in self.r.stops or i == 0 or pos - toks[i][2] or not (tag in ("v", "vn") or w in self.r.name_particle_set):
            return False
        if tag in ("v", "vn") and self.ent.covering(toks[i - 1][1]) is not None:
            return False  # 市鞍设集团发挥技术…: a verb after a company is what the company does
        right = toks[i + 1] if i + 1 < len(toks) else None  # None: the head follows
        if toks[i - 1][0] in ("及", "和") and i > 1:
            i -= 1  # 驱动电机及逆变器械: look past the conjunction for the noun before
        if right is not None and (self.place.covering(right[1]) or self.ent.covering(right[1])):
            return False  # 分会场设在宁阳县…: a verb before a place or an owner starts the name
        return self._nounish(toks[i - 1], unknown=True) and (
            right is None or self._nounish(right, unknown=True) or right[0] in self.r.name_verbs)

    def _nounish(self, tok, unknown: bool = False) -> bool:
        """A noun of two or more characters, an owner or a place (``unknown``: or a word jieba does not know)."""
        w, a, b = tok
        if self.ent.covering(a) or self.place.covering(a) or self.qty.covering(a):
            return True
        tag = self.tags.get(w)
        if tag is None:
            return unknown and len(w) > 1 and WORDISH.search(w) is not None
        return tag[0] == "n" and w not in self.r.stops and len(w) > 1

    def _balanced(self, pos: int, h: int) -> int:
        """Trim leading filler and any quote or bracket the name does not open and close itself."""
        text = self.text
        while pos < h and (text[pos] in "的、）)”’」』" or text[pos].isspace()):
            pos += 1
        depth_q = 0
        for k in range(pos, h):
            c = text[k]
            if c in "“「『‘":
                depth_q += 1
            elif c in "”」』’":
                if depth_q == 0:
                    return self._balanced(k + 1, h)
                depth_q -= 1
        return pos

    def _specific(self, a: int, b: int, category: bool = False) -> bool:
        """Something in ``text[a:b]`` is a proper name, not only a kind of work (钢铁深加工基地) or a verb phrase.

        Proper: an owner, a place, a capacity, a quoted name, a place or organisation
        word of jieba's (ns, nr, nt, nz), Latin letters, or a word jieba does not know.
        Before a ``category`` head (项目, 工程) a place alone names no project
        (鞍山市央地合作项目): some other word must be no generic one.
        """
        text = self.text
        if b - a < 2 or self.r.designation_re.match(text, a, b) or self.r.size_class_re.match(text[a:b]):
            return False
        if self.r.event_re.match(text, a, b):
            return False  # 第三届…航空城和…发展会: an event
        if self.ent.inside(a, b) or self.qty.inside(a, b):
            return True
        if self.place.inside(a, b):
            return not category or self._words_beside_places(a, b)
        quoted = _QUOTED.search(text, a, b)
        if quoted and (_CN_DIGITS.search(quoted.group()) or _SLOGAN.match(quoted.group())):
            return False  # “两资三能”工程, “五个一批”项目, “665”工程, “三新”产业: a slogan, not a name
        if quoted:
            inner = quoted.group()[1:-1]
            # “揭榜挂帅”, “启航行动”, “飞地经济”: a campaign or a kind of work in quotes is no name
            return not (self.r.campaign_re.search(inner) or self._generic(inner)
                        or all(self._generic(w) for w in self.doc_words(inner)))
        if self._generic(self.text[a:b].replace("和", "").replace("及", "")):
            return False  # 大健康和文旅产业重点: generic words however jieba cut them (和文|旅)
        toks = self.doc.tokens_in(a, b)
        if self._split_name_at_start(toks):
            return True
        for w, x, y in toks:
            if y > b:
                break
            if not WORDISH.search(w) or w.isdigit() or self._generic(w):
                continue
            if self._proper(w):
                return True
        return False

    def _split_name_at_start(self, toks) -> bool:
        """越|芯半导体, 中|盛能源特种车: jieba cut an unknown brand into single characters, where
        no function character is among them."""
        if len(toks) < 3 or any(len(t[0]) != 1 or not '\u4e00' <= t[0] <= '\u9fff' for t in toks[:2]):
            return False
        pair = toks[0][0] + toks[1][0]
        return pair not in self.tags and not any(self.tags.get(c) in _FUNCTION_TAGS - {"d"} for c in pair)

    def _words_beside_places(self, a: int, b: int) -> bool:
        """Some word of ``text[a:b]`` outside its places is no generic word (鞍山市污水处理厂改造项目)."""
        for w, x, y in self.doc.tokens_in(a, b):
            if y > b:
                break
            if self.place.covering(x) is None and WORDISH.search(w) and not w.isdigit() \
                    and not self._generic(w):
                return True
        return False

    def _generic(self, w: str) -> bool:
        """``w`` is a generic word, or made of generic words only (省央地 = 省 + 央地), after
        any one-character stop jieba glued to its front (以央地)."""
        g = self.r.generic
        if w in g:
            return True
        while len(w) > 1 and w[0] in self.r.stops:
            w = w[1:]
        ok = [True] + [False] * len(w)
        for i in range(1, len(w) + 1):
            ok[i] = any(ok[j] and w[j:i] in g for j in range(max(0, i - 6), i))
        return ok[-1]

    def doc_words(self, s: str) -> list[str]:
        """The words of a short string, by the dictionary (longest known word first)."""
        out, i = [], 0
        while i < len(s):
            j = next((j for j in range(min(len(s), i + 6), i + 1, -1) if s[i:j] in self.tags), i + 1)
            out.append(s[i:j])
            i = j
        return out

    def _proper(self, w: str) -> bool:
        tag = self.tags.get(w)
        if tag is None:  # unknown to the dictionary: a name, unless a verb or function character leads it
            return len(w) > 1 and self.tags.get(w[0]) not in _NOT_NAME_LEADS and not any(
                self.tags.get(c) in ("v", "vg", "d", "p") for c in w)
        return tag in ("ns", "nr", "nrt", "nrfg", "nt", "nz", "eng", "j", "s") or any(c.isascii() and c.isalnum() for c in w)
