"""Projects: named works, bases, parks and production lines (ANNOTATION.md "project").

A name is found from its head noun (项目, 工程, 基地, …) and runs left over the
words that belong to it — owner, place, capacity, its own words — until a verb,
a preposition, punctuation or an amount says the name has begun.  Lists
(`A、B等N个…项目`) make each item a project, and a bulleted line that ends in a
head noun is one name whole.  Every word list is data in ``rules/projects.yaml``.
"""
from __future__ import annotations

import regex

from zhgov_extract.registry import register_component
from zhgov_extract.taggers.project_names import OPEN_QUOTES, WORDISH, NameReader
from zhgov_extract.taggers.project_rules import ProjectRules
from zhgov_extract.text.doc import Doc, Span, non_overlapping

_NO_NAME_BEFORE = set("等的个项批和与及、，,。；;：:！？!?\n 　\t（(")
_CN_COUNT = {c: i for i, c in enumerate("零一二三四五六七八九", 0)} | {"两": 2}


def _count_value(s: str) -> int:
    return int(s) if s.isdigit() else _CN_COUNT[s]


_BULLET_LINE = regex.compile(
    r"^[ \t]*(?:(?:[-*•◆◇●○■□▪▶►·]|\d{1,3}[.．、]|[（(]\d{1,3}[)）])[ \t]*)+(?P<body>[^\n]+?)[ \t]*$", regex.M)


class ProjectTagger:
    """Stateless: every per-document fact lives in the call (``_Pass``)."""

    def __init__(self, rules: ProjectRules, word_tags: dict[str, str]) -> None:
        self.rules = rules
        self.word_tags = word_tags

    def __call__(self, doc: Doc) -> list[Span]:
        return _Pass(self, doc).run()


class _Pass(NameReader):
    def __init__(self, tagger: ProjectTagger, doc: Doc) -> None:
        super().__init__(tagger.rules, tagger.word_tags, doc)

    # ---------------------------------------------------------------- run
    def run(self) -> list[Span]:
        cands: list[tuple[int, int, str]] = []
        cands += self._bullet_lines()
        cands += self._head_names()
        cands += self._list_items()
        cands += self._invested_works()
        new = self._list_neighbours(cands)
        for _ in range(4):  # 甲、乙、丙产业园: each found neighbour makes the one before it a neighbour
            cands += new
            new = [c for c in self._list_neighbours(new) if c not in cands]
            if not new:
                break
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        kept = non_overlapping(cands, span=lambda c: (c[0], c[1]))
        return [Span("project", a, b, None, src) for a, b, src in sorted(kept)]

    # ------------------------------------------------------- head nouns
    def _head_names(self) -> list[tuple[int, int, str]]:
        out = []
        text, r = self.text, self.r
        pos = 0
        while True:
            m = r.head_re.search(text, pos)
            if m is None:
                break
            hs, he = m.span()
            if m.group() in r.weak_heads and r.head_re.match(text, he):
                pos = he
                continue  # 邯港高速: the weak head 港 is part of the name of the head after it
            while True:  # 基地 + 项目, 项目 + 一期工程 …
                t = r.head_tail_re.match(text, he)
                if t is None or t.end() == he:
                    break
                he = t.end()
            pos = he
            if self.blocked.covering(hs) is not None or self.doc.in_protected(hs, he):
                continue
            head = text[hs:he]
            if text[he:he + 1] in r.head_not_followed:
                continue  # 项目库, 工程师: the head is part of another word
            if r.part_count_re.match(text, he):
                continue  # 主要建设…生产线1条: a part counted inside a project, not a project
            weak = m.group() in r.weak_heads and he == m.end()
            if (weak or m.group() in r.adjective_heads) and he == m.end() and self._noun_follows(he, strict=not weak):
                continue  # 双城经济圈, 高速动车组: a head with a noun after it is inside a longer name
            if weak and not self._built(hs, he):
                continue  # 鞍山大数据中心 is a project only where it is built or opened
            if hs == 0 or text[hs - 1] in _NO_NAME_BEFORE:
                continue  # 等项目, 的工程, 、基地: nothing before the head names it (checked before any tokenising)
            head_start, hs = hs, self._word_start(hs, he)
            if hs is None:
                continue
            route = m.group() in r.route_head_set
            if route:  # 广巴铁路扩能改造, 荣乌高速沧州段改扩建工程
                t = r.route_suffix_re.match(text, he)
                if t and t.end() > he and self._at_word_edges(he, t.end()):
                    he = t.end()
            ph = r.phase_before_re.search(text, max(0, hs - 6), hs)
            if ph:
                hs = ph.start()  # 常青新能源一期项目: the phase before the head is part of the name
            start = self._walk_left(hs, route=route)
            # the words before the head, with the word the head ends (邯港 of 邯港高速, 孟底沟 of 孟底沟水电站)
            if start is None or not self._specific(start, head_start, category=head in r.category_head_set or head in r.park_heads):
                continue
            joint = regex.search(r"(?<=[^\s])[和及](?=[^\s])", text[start:hs]) if route else None
            if joint and 2 <= joint.start() <= 6:  # 宁洛和兰南高速: two routes sharing a head
                out.append((start, start + joint.start(), "shared"))
                start += joint.end()
            if m.group() in r.park_heads and r.location_before_re.search(text, max(0, start - 6), start):
                continue  # 落地富山工业园: the park is where a project goes, a location
            name = text[start:he]
            if any(name.endswith(e) for e in r.not_project_endings):
                continue
            out.append((start, he, "head"))
        return out

    def _bullet_lines(self) -> list[tuple[int, int, str]]:
        """Bulleted lines that end in a head.  A line of generic words is taken too when it stands in a
        run of at least three such lines most of which name something: the list presents them all."""
        r, text = self.r, self.text
        lines: list[tuple[int, int, bool]] = []
        for m in _BULLET_LINE.finditer(text):
            a, b = m.span("body")
            body = m.group("body")
            if len(body) > 90 or not r.bullet_head_re.search(body):
                continue
            if any(c in body for c in "，。；;：:！？") or self.doc.in_protected(a, b):
                continue
            while a < b and text[a] in OPEN_QUOTES:
                a += 1
            lines.append((a, b, self._specific(a, b - len(r.bullet_head_re.search(body).group()))))
        out, run = [], []
        for line in lines + [None]:
            if run and (line is None or text[run[-1][1]:line[0]].count("\n") > 2):
                named = sum(s for _, _, s in run)
                out += [(a, b, "bullet") for a, b, s in run if s or (len(run) >= 3 and named * 3 >= len(run) * 2)]
                run = []
            run.append(line)
        return out

    # -------------------------------------------------------------- lists
    def _list_items(self) -> list[tuple[int, int, str]]:
        out = []
        text, r = self.text, self.r
        for m in r.list_tail_re.finditer(text):
            if self.doc.in_protected(m.start(), m.end()):
                continue
            counted = bool(m.group("count"))
            if r.list_sector_re.search(m.group("mod") or m.group("mod_counted") or ""):
                continue  # 等领域的N个项目: the items are sectors
            items = self._items_before(m.start())
            if not items or (len(items) < 2 and not counted and not self._owned(*items[0])):
                continue  # one item, no count: a list only when a company owns it (远东矿业菱建材等项目)
            for a, b in items:
                a = self._strip_intro(a, b)
                if a < b and self._item_ok(a, b):
                    out.append((a, b, "list"))
        return out + self._counted_lists()

    def _invested_works(self) -> list[tuple[int, int, str]]:
        """总投资10亿元鞍钢股份新能源汽车驱动电机用硅钢成功下线: works with no head noun, named by their owner
        after their investment and reported as built, started or in production."""
        out, text, r = [], self.text, self.r
        for e in self.doc.spans:
            if e.type != "enterprise" or e.start < 3:
                continue
            money = self.stop_spans.covering(e.start - 1) or self.stop_spans.covering(e.start - 2)
            if money is None or money[1] not in (e.start, e.start - 1) or not r.investment_before_re.search(
                    text, max(0, money[0] - 8), money[0]):
                continue
            end = min([i for i in (text.find(c, e.end, e.end + 40) for c in "，,。；;：:！？、") if i >= 0]
                      or [min(len(text), e.end + 40)])
            cue = r.works_done_re.search(text, e.end, end)
            if cue and cue.start() - e.end >= 2 and not r.head_re.search(text, e.end, cue.start()):
                b = cue.start()
                while b > e.end and text[b - 1] in "成功已正式顺利":
                    b -= 1  # 成功下线: the adverb belongs to the report, not the name
                if b - e.end >= 2 and self._specific(e.start, b):
                    out.append((e.start, b, "invested"))
        return out

    def _owned(self, a: int, b: int) -> bool:
        e = self.ent.covering(a) or self.ent.covering(self._strip_intro(a, b))
        return e is not None and e[1] < b

    def _counted_lists(self) -> list[tuple[int, int, str]]:
        """甲、乙，丙 3个超百亿元项目: no 等, but a count right after the items that says how many there
        are; taken only when exactly that many named items stand before it (、 or ， between them)."""
        out = []
        text = self.text
        for m in self.r.counted_tail_re.finditer(text):
            n = _count_value(m.group("count"))
            end, items = m.start(), []
            while end > 0 and len(items) < n:
                start = self._walk_left(end)
                if start is None or start >= end or not self._item_ok(start, end):
                    break
                items.append((start, end))
                if start == 0 or text[start - 1] not in "、，,":
                    break
                end = start - 1
            if len(items) == n and n >= 2:
                out += [(a, b, "counted") for a, b in items]
        return out

    def _items_before(self, end: int) -> list[tuple[int, int]]:
        """The items of a list ending at ``end``, last first.  和/及 join the last item (A、B和C), unless
        what follows them is no item of its own (污泥处理和垃圾发电): then they are inside one name."""
        text, r = self.text, self.r
        items: list[tuple[int, int]] = []
        item_end = end
        while end > 0:
            start = self._item_start(end)
            if start is None or start >= end:
                break
            items.append((start, item_end))
            start = self._before_amount(start)
            sep = next((x for x in r.list_separator_order if text.endswith(x, 0, start)), None)
            if sep is None:
                break
            if sep != "、" and not (self._item_ok(start, item_end) and self._ends_a_name(start - len(sep))):
                items.pop()  # 污泥处理和垃圾发电, 驱动电机及逆变器生产项目: the name runs on across 和/及
            else:
                item_end = start - len(sep)
            end = start - len(sep)
        return items

    def _ends_a_name(self, end: int) -> bool:
        """Does a name end at ``end`` (a head, a building, a work), so that 和/及 after it starts another?"""
        return self.r.name_end_re.search(self.text, max(0, end - 8), end) is not None

    def _item_ok(self, a: int, b: int) -> bool:
        return not self._head_in_a_word(a, b) and (self._specific(a, b) or self._works(a, b))

    def _head_in_a_word(self, a: int, b: int) -> bool:
        """旧城改造项目群组: the item holds a head that is part of another word."""
        return any(m.end() < b and self.text[m.end()] in self.r.head_not_followed
                   for m in self.r.head_re.finditer(self.text, a, b))

    def _works(self, a: int, b: int) -> bool:
        """A listed item that names a building or a work on one (九中教学楼, 会展宾馆, 三中南校加固) and is
        more than generic words: the list's tail (等项目) says it is a project."""
        r, text = self.r, self.text
        m = r.head_re.search(text, a, b) or r.works_re.search(text, a, b)
        if m is None or (m.end() < b and not r.head_tail_re.match(text, m.end(), b)):
            return False  # the head ends the item (旧城改造项目群组 is none)
        # a word that starts before the head (艺术馆, 九中教学楼), not the head alone (生产基地项目)
        return any(WORDISH.search(w) and not self._generic(w) for w, x, y in self.doc.tokens_in(a, m.start()))

    def _list_neighbours(self, cands: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Items of a 、-list whose neighbours are projects are projects too (孟底沟水电站、理塘索绒光伏发电、…).

        An item before a project that shares its head (平漯周、焦济洛平高铁) is one as well.
        """
        text = self.text
        taken = {(a, b) for a, b, _ in cands}
        starts = {a for a, _, _ in cands}
        ends = {b for _, b, _ in cands}
        out = []
        for a, b, _ in cands:
            # the item right after: up to the next 、 or clause end
            if b < len(text) and text[b] == "、":
                nb = self._after_amount(b + 1)
                ne = min([i for i in (text.find(c, nb) for c in "、，,。；;：:\n等") if i >= 0] or [len(text)])
                if 2 <= ne - nb <= 20 and (nb, ne) not in taken and nb not in starts and self._specific(nb, ne) \
                        and not self._head_in_a_word(nb, ne):
                    if (ne < len(text) and text[ne] in "、等") or ne in starts:
                        out.append((nb, ne, "neighbour"))
            # the item right before
            if a > 1 and text[a - 1] == "、" and (a - 1) not in ends:
                pa = self._walk_left(a - 1)
                if pa is not None and self.qty.covering(a - 2) is not None:
                    continue  # 时间缩短29个月、…项目: an item ending in a number is a value, no name
                if pa is not None and 2 <= a - 1 - pa <= 20 and self._specific(pa, a - 1) \
                        and not self._head_in_a_word(pa, a - 1):
                    out.append((pa, a - 1, "neighbour"))
        return out

    def _item_start(self, end: int) -> int | None:
        return self._walk_left(end)

    def _after_amount(self, start: int) -> int:
        """Where an item starts after ``总投资6亿元的`` at ``start``, else ``start``."""
        m = self.r.investment_word_re.match(self.text, start)
        p = m.end() if m else start
        money = self.stop_spans.covering(p)
        if money is None or money[0] != p or self.text[money[1]:money[1] + 1] != "的":
            return start
        return money[1] + 1

    def _before_amount(self, start: int) -> int:
        """Where ``总投资6亿元的`` before an item starts (…、总投资6亿元的甲、总投资2亿元的乙等项目), else ``start``."""
        if start < 2 or self.text[start - 1] != "的":
            return start
        money = self.stop_spans.covering(start - 2)
        if money is None or money[1] != start - 1:
            return start
        m = self.r.investment_before_re.search(self.text, max(0, money[0] - 8), money[0])
        return m.start() if m else money[0]

    def _strip_intro(self, a: int, b: int) -> int:
        m = self.r.intro_re.match(self.text, a, b)
        return m.end() if m else a


@register_component("projects", assigns=("project",), requires=("enterprise", "quantity", "money", "date"),
                    _builtin=True)
def projects_component(ex):
    from zhgov_extract.taggers.enterprises.words import jieba_dictionary

    tagger = ProjectTagger(ProjectRules.load(ex.rules_dir / "projects.yaml" if ex.rules_dir else None),
                           jieba_dictionary()[1])

    def run(doc: Doc) -> None:
        doc.spans.extend(tagger(doc))

    return run
