"""Linking: give each enterprise mention a canonical name and a category.

Exact alias first, then the name's core (without its organisational form)
against the gazetteer's cores, then rapidfuzz on cores under a threshold tested
in ``tests/test_linking.py``.  A mention of a unit of a known group, or a short
name a document introduced, links through the group or the full name.
"""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

from zhgov_extract.link.gazetteer import Entity, EnterpriseGazetteer, RegionGazetteer
from zhgov_extract.link.province import ProvinceGroups
from zhgov_extract.text.normalize import fold_width

FUZZY_THRESHOLD = 90  # see tests/test_linking.py for the alias test set behind this number
PROVINCE_SCORE = 95.0  # the score of a link by a province's short form (link/province.py)
CENTRAL = ("central_soe", "central_soe_unit")


_NUMERAL_CHARS = frozenset("〇零一二三四五六七八九十百千两0123456789")


def _numerals(name: str) -> str:
    """The numerals of a name, in order (中国水利水电第十四工程局 → 十四)."""
    return "".join(ch for ch in name if ch in _NUMERAL_CHARS)


class Linker:
    """Read-only after construction (its fuzzy memo is a bounded, thread-safe lru_cache)."""

    def __init__(self, gazetteer: EnterpriseGazetteer, forms_tail_re, financial_forms: set[str],
                 financial_words: tuple[str, ...] = (), foreign_markers: tuple[str, ...] = (),
                 regions: RegionGazetteer | None = None) -> None:
        self.gaz = gazetteer
        self.forms_tail_re = forms_tail_re
        self.financial_forms = tuple(financial_forms)
        self.financial_words = financial_words
        self.foreign_markers = foreign_markers
        self._cores: dict[str, Entity] = {}
        for name, ent in gazetteer.by_name.items():
            core = self.core(name)
            if len(core) >= 2:
                self._cores.setdefault(core, ent)
        # fuzzy candidates share the core's first character: the variants linking meets (brackets, spaces,
        # a wrong legal form) keep it, and one bucket is a small fraction of 15k cores (cost per unknown name)
        self._cores_by_first: dict[str, list[str]] = {}
        for core in self._cores:
            self._cores_by_first.setdefault(core[0], []).append(core)
        self._fuzzy = lru_cache(maxsize=65536)(self._fuzzy_uncached)
        self._by_id = {id(e): e for e in gazetteer.entities}
        self._link = lru_cache(maxsize=65536)(self._link_by_key)  # a list names the same firm many times
        # a province's own groups by their short forms (省交投集团), when the regions are known
        self.provinces = ProvinceGroups(gazetteer.entities, regions, self.core) if regions is not None else None

    def core(self, name: str) -> str:
        """A name without its organisational form: 鞍山钢铁集团有限公司 → 鞍山钢铁."""
        name = fold_width(name)
        m = self.forms_tail_re.search(name)
        if m and m.start() >= 2:
            return name[: m.start()]
        return name

    def _fuzzy_uncached(self, core: str, cutoff: float) -> tuple[Entity | None, float | None]:
        hit = process.extractOne(core, self._cores_by_first.get(core[0], ()), scorer=fuzz.ratio, score_cutoff=cutoff)
        if hit and _numerals(hit[0]) != _numerals(core):
            return None, None  # 第四工程局 is not 第十四工程局: numbered units differ in their number
        return (self._cores[hit[0]], float(hit[1])) if hit else (None, None)

    def link_name(self, name: str, threshold: float | None = None) -> tuple[Entity | None, float | None]:
        """Link a bare name: exact alias, exact core, then fuzzy core (rapidfuzz ratio ≥ threshold)."""
        name = "".join(name.split())
        ent = self.gaz.lookup(name)
        if ent is not None:
            return ent, 100.0
        core = self.core(name)
        ent = self._cores.get(core) if len(core) >= 3 or self.gaz.lookup(core) else None  # 中新控股 is not 中新集团
        if ent is not None:
            return ent, 99.0
        if name.startswith("中国"):  # 中国兵装集团: 中国 before a central SOE's short name
            ent = self.gaz.lookup(name[2:])
            if ent is not None and ent.category in CENTRAL:
                return ent, 100.0
        if len(core) >= 4:
            return self._fuzzy(core, FUZZY_THRESHOLD if threshold is None else threshold)
        return None, None

    def link(self, name: str, kind: str, entity: Entity | None = None, anchor: str = "",
             full_name: str = "", province: str = "") -> dict:
        """The norm of one mention: ``kind`` and ``entity`` say how the tagger found it, ``province``
        is the document's own place (``ProvinceGroups.document_home``: 510100, 330000; for a province's
        or city's own groups); a fresh dict."""
        key = id(entity) if entity is not None else None
        if key is not None and self._by_id.get(key) is not entity:
            return self._link_uncached(name, kind, entity, anchor, full_name, province)  # not this gazetteer's
        return dict(self._link(name, kind, key, anchor, full_name, province))

    def _link_by_key(self, name: str, kind: str, key: int | None, anchor: str, full_name: str,
                     province: str) -> dict:
        ent = self._by_id.get(key) if key is not None else None
        return self._link_uncached(name, kind, ent, anchor, full_name, province)

    def _link_uncached(self, name: str, kind: str, entity: Entity | None, anchor: str, full_name: str,
                       province: str = "") -> dict:
        ent = entity if kind == "alias" else None
        score = 100.0 if ent else None
        if ent is None:
            # an item of a list of enterprises may be an anchored-only name (四川发展 in 由四川发展和中国五冶…)
            ent = self.gaz.lookup_anchored(name) if kind == "list" else self.gaz.lookup(name)
            score = 100.0 if ent else None
        if ent is None and kind != "unit":
            ent, score = self.link_name(name)
            # a province's own group by its short form (省交投集团), never a central SOE of a like core
            if (ent is None or ent.category in CENTRAL and (score or 0) < 100) and self.provinces is not None:
                own = self.provinces.link(name, province)
                if own is not None:
                    ent, score = own, PROVINCE_SCORE
        if ent is not None and kind != "unit":
            return {"canonical": ent.canonical, "category": ent.category, "group": ent.group,
                    "entity_id": ent.id, "score": score}
        # a unit of a known group, or an unknown enterprise
        base = entity if kind in ("unit", "short") else None
        if base is None and (anchor == "alias" or kind == "list"):  # 中海油惠州石化 in a list: 中海油's unit
            first = next(iter(self.gaz.iter_matches(fold_width(name))), None)
            if first is not None and first[0] == 0:
                base = first[3]
        if base is not None and kind == "unit" and fold_width(base.canonical).startswith(fold_width(name)):
            # 宁德时代新能源: the start of the registered name (宁德时代新能源科技股份有限公司) is the company
            return {"canonical": base.canonical, "category": base.category, "group": base.group,
                    "entity_id": base.id, "score": 100.0}
        if base is not None and base.category in CENTRAL:
            group = base.group or base.canonical
            return {"canonical": name, "category": "central_soe_unit", "group": group, "entity_id": None, "score": None}
        if base is not None and kind == "unit" and base.category != "unknown":
            # 比亚迪半导体: a unit of a private (local, foreign) firm is one of the same kind
            return {"canonical": name, "category": base.category, "group": None, "entity_id": None, "score": None}
        if full_name and full_name != name:
            return self._link_uncached(full_name, "structure", None, anchor, "", province)
        category = "foreign" if anchor == "foreign" else self.category_by_form(name)
        return {"canonical": name, "category": category, "group": None, "entity_id": None, "score": None}

    def category_by_form(self, name: str) -> str:
        folded = fold_width(name)
        if folded.endswith(self.financial_forms) or any(w in folded for w in self.financial_words):
            return "financial"
        if any(m in folded for m in self.foreign_markers):
            return "foreign"
        return "unknown"
