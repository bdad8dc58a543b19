#!/usr/bin/env python3
"""Make the committed format fixtures in tests/data/formats/ from seed texts.

    python scripts/make_format_fixtures.py            # writes tests/data/formats/
    python scripts/make_format_fixtures.py --out DIR  # somewhere else

For each chosen seed ``corpus/raw/<id>.txt`` it writes

* ``<name>.docx`` — python-docx, one paragraph per line of the seed;
* ``<name>.pdf``  — that .docx converted by LibreOffice (``soffice --headless``;
  Debian: ``apt-get install libreoffice-writer-nogui fonts-noto-cjk``);
* ``<name>.html`` — the text as a government news page, wrapped in navigation,
  breadcrumbs, a sidebar and a footer that a main-text reader must drop;
* ``<name>.txt``  — the seed text itself, the reference the tests compare against.

The outputs are committed so the tests need neither LibreOffice nor this script.
The helpers are reused by ``benchmarks/pdf_readers.py`` and the batch tests.
"""
from __future__ import annotations

import argparse
import html as htmlmod
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {
    "seed003": ROOT / "corpus/raw/003_f477c864abbc98c4.txt",
    "dev01": ROOT / "corpus/dev/raw/dev01_sichuan_tjgb.txt",
}


def seed_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def make_docx(text: str, out: Path) -> Path:
    import docx
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.size = Pt(11)
    style.font.name = "Noto Sans CJK SC"
    for line in text.split("\n"):
        d.add_paragraph(line)
    d.save(out)
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def make_pdfs(inputs: list[Path], outdir: Path) -> list[Path]:
    """Convert documents (.docx or .txt) to PDF with LibreOffice, in one soffice run."""
    exe = soffice()
    if exe is None:
        raise SystemExit("LibreOffice not found: apt-get install -y libreoffice-writer-nogui fonts-noto-cjk")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(outdir), *map(str, inputs)]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    outs = [outdir / (p.stem + ".pdf") for p in inputs]
    missing = [p for p in outs if not p.exists()]
    if missing:
        raise SystemExit(f"LibreOffice did not write {missing}")
    return outs


NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本市", "English"]


def make_html(text: str, out: Path | None = None, *, title: str | None = None,
              encoding: str = "utf-8") -> bytes:
    """A government-site page around ``text``: the paragraphs are the article, the rest is furniture."""
    lines = text.split("\n")
    title = title or next((ln.strip() for ln in lines if ln.strip()), "报告")
    paras = "\n".join(f"<p>{htmlmod.escape(ln)}</p>" if ln.strip() else "<p></p>" for ln in lines)
    nav = "".join(f'<li><a href="/{i}/">{n}</a></li>' for i, n in enumerate(NAV))
    side = "".join(f'<li><a href="/news/{i}.html">相关新闻标题第{i}条：召开专题会议部署重点工作</a></li>'
                   for i in range(1, 8))
    charset = {"utf-8": "utf-8", "gb18030": "gb2312"}.get(encoding, encoding)
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="{charset}">
<title>{htmlmod.escape(title)}_政务公开_某市人民政府门户网站</title>
<script>var _hmt = _hmt || []; (function() {{ var hm = 1; }})();</script>
<style>body {{ font-family: sans-serif; }} .nav li {{ display: inline; }}</style>
</head><body>
<header class="top"><div class="logo">某市人民政府门户网站</div>
<div class="tools"><a href="/login">登录</a> | <a href="/wza">无障碍</a> | <a href="/old">长者模式</a></div></header>
<nav class="nav"><ul>{nav}</ul></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 工作动态</div>
<div class="main">
<article class="content">
<h1>{htmlmod.escape(title)}</h1>
<div class="info">发布时间：2025-02-26 来源：本站 字号：[大 中 小] 打印本页</div>
<div class="article-body">
{paras}
</div>
</article>
<aside class="sidebar"><h3>相关新闻</h3><ul>{side}</ul></aside>
</div>
<footer><p>主办单位：某市人民政府办公室 承办单位：某市大数据中心</p>
<p>网站标识码：5100000000 备案号：蜀ICP备00000000号 公网安备 51000002000000号</p>
<p><a href="/sitemap">网站地图</a> | <a href="/contact">联系我们</a></p></footer>
</body></html>
"""
    data = page.encode(encoding)
    if out is not None:
        Path(out).write_bytes(data)
    return data


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ROOT / "tests/data/formats")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    docxs = []
    for name, path in SEEDS.items():
        text = seed_text(path)
        (args.out / f"{name}.txt").write_text(text, encoding="utf-8")
        docxs.append(make_docx(text, args.out / f"{name}.docx"))
        make_html(text, args.out / f"{name}.html")
    make_pdfs(docxs, args.out)
    for p in sorted(args.out.iterdir()):
        print(f"{p.relative_to(ROOT) if p.is_relative_to(ROOT) else p}  {p.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
