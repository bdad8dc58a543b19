"""A province's own groups named by their short form: 省交投集团, 浙江省交通集团, 国资运营公司 in
that province's report, linked to the registered group of the province (浙江省交通投资集团有限公司).

Reports shorten a group's name by dropping the province (省 or nothing stands for it) and
keeping characters of its trade words in order (交投 ← 交通投资, 国资运营 ← 国有资本运营).  So a
mention is linked to a group of the province that it names (or, without a prefix, of the
document's province) whose core — the name without region and organisational form — holds
the mention's core as an ordered subsequence starting at the same character.  Only a single
such group is taken; two or more is no link.  Read-only after construction.
"""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

from zhgov_extract.link.gazetteer import Entity, RegionGazetteer
from zhgov_extract.text.normalize import fold_width

# categories a province's own group has in the gazetteers (central SOEs are never a province's)
LOCAL = ("local_soe", "financial", "unknown")
# what stands for the province in its own report before a group's short name
OWN_PREFIXES = ("省属", "全省", "省", "自治区", "区属")
# … and the report's city (or a municipality) before one of its groups' short names (市城投集团)
CITY_PREFIXES = ("市属", "全市", "市")
MUNICIPALITIES = ("11", "12", "31", "50")
# a group's core may hold this many more characters than the short form it is written as
# (海港 ← 海港投资运营; 交通 is not 交通规划勘察设计研究院)
MAX_EXTRA_CHARS = 4


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class ProvinceGroups:
    """Groups by province code (two digits) with their cores; see the module docstring."""

    def __init__(self, entities: Iterable[Entity], regions: RegionGazetteer, core: Callable[[str], str]) -> None:
        self.regions = regions
        self.core = core
        # province → (core, entity, code of the region the name starts with, whole name)
        self.by_province: dict[str, list[tuple[str, Entity, str, str]]] = {}
        for ent in entities:
            if ent.category not in LOCAL:
                continue
            for name in dict.fromkeys(fold_width(n) for n in [ent.canonical, *ent.names]):
                reg, rest = self.split_region(name)
                if reg is not None and len(rest) >= 2:
                    core = self.core(rest)
                    if len(core) >= 2:
                        self.by_province.setdefault(reg.code[:2], []).append((core, ent, reg.code, name))

    def split_region(self, name: str):
        """(the region that starts ``name``, the rest): 浙江省交通集团 → (浙江省, 交通集团)."""
        first = self.regions.iter_matches(name)[:1]
        if not first or first[0][0] != 0:
            return None, name
        return self.regions.best(first[0][2]), name[first[0][1]:]

    def document_province(self, region_matches: list[tuple[int, int, str]]) -> str:
        """The province the document names most (two digits), or ''."""
        return self.document_home(region_matches)[:2]

    def document_home(self, region_matches: list[tuple[int, int, str]]) -> str:
        """The document's own place as a code: its most named province, and in it its most named
        city (prefecture) if it names one at least twice (a city's report), else ``<province>0000``."""
        provs: Counter = Counter()
        cities: Counter = Counter()
        for _, _, name in region_matches:
            reg = self.regions.best(name)
            if reg is None:
                continue
            provs[reg.code[:2]] += 1
            city = reg.code if reg.level == "prefecture" else reg.parent if reg.level == "county" else None
            if city and city.endswith("00") and not city.endswith("0000"):
                cities[city] += 1
        if not provs:
            return ""
        prov = provs.most_common(1)[0][0]
        best = [(n, c) for c, n in cities.items() if c[:2] == prov]
        n, city = max(best) if best else (0, "")
        return city if n >= 2 else prov + "0000"

    def link(self, name: str, home: str = "") -> Entity | None:
        """The province's (or city's) group a short form means, or None (see the module docstring).

        浙江省…/省… mean a group of the province itself (not of one of its cities), 市… one of the
        report's city (or of a municipality); a bare short form (机场集团) means the province's group,
        else the report city's, else the one group of the province's cities with that core."""
        name = fold_width(name)
        home = home if len(home) == 6 else (home + "0000" if home else "")
        doc_province = home[:2]
        reg, rest = self.split_region(name)
        code = reg.code if reg is not None else ""
        if reg is None:
            for p in OWN_PREFIXES:
                if rest.startswith(p) and len(rest) > len(p) + 2:
                    rest, code = rest[len(p):], doc_province + "0000"
                    break
            else:
                for p in CITY_PREFIXES:
                    if rest.startswith(p) and len(rest) > len(p) + 2 and home:
                        city = home if not home.endswith("0000") or home[:2] in MUNICIPALITIES else ""
                        if not city:
                            return None  # 市… in a province's report: which city is not said
                        rest, code = rest[len(p):], city
                        break
        prov = code[:2] or doc_province
        short = self.core(rest)
        if not prov or len(short) < 2 or short == rest:
            return None  # no form word after the short form (交通 alone is the sector, not the group)
        group_form = rest.endswith("集团")
        # a looser match must be a group where the mention says 集团 (省交通集团 is no design institute);
        # the exact short form of a company (国投 of 山东国投) needs no such check
        cands = [(c, e, rc) for c, e, rc, n in self.by_province.get(prov, ())
                 if c[0] == short[0] and len(c) <= len(short) + MAX_EXTRA_CHARS and _subsequence(short, c)
                 and (c == short or not group_form or "集团" in n or "集团" in e.canonical)]
        own = prov + "0000"
        tiers = [[x for x in cands if x[2] == (code or own)]]
        if not code:  # no prefix: the province's own group first, then the report city's, then one of its cities'
            tiers += [[x for x in cands if x[2] == home], cands]
        for tier in tiers:
            for match in (lambda c: c == short, lambda c: c.startswith(short), lambda c: True):
                found = {id(e): e for c, e, _ in tier if match(c)}
                if found:
                    return next(iter(found.values())) if len(found) == 1 else None
        return None
