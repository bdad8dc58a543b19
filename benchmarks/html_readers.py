#!/usr/bin/env python3
"""Which HTML main-text extractor keeps the report and drops the page furniture?  (run by hand)

    python benchmarks/html_readers.py

Every seed text (``corpus/raw``, ``corpus/dev/raw``) is wrapped in two kinds of
government page: one with semantic ``<nav>/<header>/<aside>/<footer>``
(``scripts/make_format_fixtures.make_html``) and one built of ``<div class=…>``
as most government sites are (breadcrumbs, a metadata table, related links).
Each extractor's output is compared with the seed (character-level similarity
with whitespace removed) and searched for furniture strings that are on the
page but not in the report.  Extractors not installed are skipped
(trafilatura is not a dependency: ``pip install trafilatura`` to include it).
"""
from __future__ import annotations

import html as H
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from make_format_fixtures import make_html, seed_text  # noqa: E402

FURNITURE = ["网站标识码", "相关链接", "您当前的位置", "无障碍", "主办", "栏目导航", "分享到", "索引号", "关于做好2025年"]
_WS = re.compile(r"\s+")


def div_page(text: str) -> str:
    lines = text.split("\n")
    title = next(ln for ln in lines if ln.strip())
    paras = "".join(f'<p style="text-indent:2em">{H.escape(ln)}</p>' for ln in lines if ln.strip())
    nav = "".join(f'<a href="/{i}">{n}</a>' for i, n in enumerate(["首页", "机构概况", "政务公开", "政务服务", "互动交流"]))
    rel = "".join(f'<li><a href="/a/{i}.html">关于做好2025年第{i}批重点项目申报工作的通知</a><span>2025-01-0{i}</span></li>'
                  for i in range(1, 9))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{H.escape(title)}-某省人民政府</title></head>
<body><div class="top_bar">欢迎访问某省人民政府网站 <a>繁体</a> <a>无障碍</a> <a>English</a></div>
<div id="header"><div class="logo"><img src="logo.png"></div><div class="search"><input> 搜索</div></div>
<div id="nav" class="menu">{nav}</div>
<div class="position">您当前的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开</a></div>
<div class="con_box"><div class="left_list"><h3>栏目导航</h3><ul><li>政策文件</li><li>政策解读</li></ul></div>
<div class="detail"><div class="xxgk_table"><table><tr><td>索引号：</td><td>11510000MB0000000X/2025-00012</td>
<td>发文机关：</td><td>某省人民政府办公厅</td></tr></table></div>
<div class="title"><h2>{H.escape(title)}</h2></div><div class="time">发布时间：2025-02-26 来源：办公厅 【字体：大 中 小】</div>
<div class="TRS_Editor" id="zoom">{paras}</div>
<div class="share">分享到：<a>微信</a><a>微博</a></div>
<div class="related"><h4>相关链接</h4><ul>{rel}</ul></div></div></div>
<div class="footer"><p>主办：某省人民政府办公厅 承办：某省大数据中心</p>
<p>网站标识码：5100000001 蜀ICP备05003828号</p></div><script>var _hmt=[];</script></body></html>"""


def _zhgov(h: str) -> str:
    from zhgov_extract.read.formats import _html_main_text

    return _html_main_text(h)


def _readability(h: str) -> str:
    import lxml.html
    from readability import Document

    s = Document(h).summary(html_partial=True)
    return lxml.html.fromstring(s).text_content() if s.strip() else ""


def _trafilatura(h: str, recall: bool = False) -> str:
    import trafilatura

    return trafilatura.extract(h, output_format="txt", include_tables=True, include_comments=False,
                               favor_recall=recall, deduplicate=False) or ""


EXTRACTORS = {
    "zhgov_extract.read.formats (readability-lxml)": _zhgov,
    "readability-lxml (raw)": _readability,
    "trafilatura": _trafilatura,
    "trafilatura favor_recall": lambda h: _trafilatura(h, True),
}


def main() -> int:
    from rapidfuzz.distance import Levenshtein

    seeds = sorted((ROOT / "corpus/raw").glob("*.txt")) + sorted((ROOT / "corpus/dev/raw").glob("*.txt"))
    refs = [seed_text(p) for p in seeds]
    base = sum(f in r for r in refs for f in FURNITURE)   # furniture words the reports themselves contain
    pages = {"semantic": lambda t: make_html(t).decode(), "div-based": div_page}
    print(f"{len(refs)} seed texts; furniture strings counted beyond the {base} the reports contain\n")
    print(f"{'extractor':42} {'page':10} {'sim mean':>8} {'sim min':>8} {'furniture':>9} {'ms/page':>8}")
    for name, fn in EXTRACTORS.items():
        try:
            fn(pages["semantic"](refs[0]))
        except ImportError:
            print(f"{name:42} not installed, skipped")
            continue
        for kind, make in pages.items():
            sims, junk, t = [], 0, time.perf_counter()
            for ref in refs:
                out = fn(make(ref))
                sims.append(Levenshtein.normalized_similarity(_WS.sub("", out), _WS.sub("", ref)))
                junk += sum(f in out for f in FURNITURE)
            ms = 1000 * (time.perf_counter() - t) / len(refs)
            print(f"{name:42} {kind:10} {statistics.mean(sims):8.4f} {min(sims):8.4f} {junk - base:9d} {ms:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
