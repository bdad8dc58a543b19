"""The wheel carries the rules and gazetteers, and the package finds them without the source tree."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_ships_rules_and_gazetteers(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr[-2000:]
    (wheel,) = tmp_path.glob("zhgov_extract-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("zhgov_extract/_data/rules/numeric.yaml", "zhgov_extract/_data/rules/dates.yaml",
                   "zhgov_extract/_data/rules/enterprise.yaml", "zhgov_extract/_data/gazetteers/central_soes.tsv",
                   "zhgov_extract/_data/gazetteers/regions.tsv", "zhgov_extract/_data/gazetteers/org_forms.tsv",
                   "zhgov_extract/_data/gazetteers/provincial_soes.tsv"):
        assert needed in names, needed
    # and the installed package resolves its data from inside the package
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(target)
    code = ("import zhgov_extract.resources as r; p = r.rules_path('numeric.yaml'); "
            "assert '_data' in str(p), p; print(p)")
    q = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert q.returncode == 0, q.stderr
