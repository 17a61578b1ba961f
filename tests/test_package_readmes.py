"""Every package under src/newsmoa has a README.md whose `| module | one idea |` tables name
each of its modules, and only modules that exist; the top README's layout links each one.

`dedup`, `eval`, `ingest` and `store` had no README; a module added, renamed or removed
without its README's row would have gone unnoticed. A subpackage (`facts/ner/`) or a folder
of templates is named in its parent's table as `name/`; `__init__.py` and `__main__.py` need
no row.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsmoa"
PACKAGES = sorted(p.name for p in SRC.iterdir() if (p / "__init__.py").is_file())


def modules(package: str) -> set[str]:
    """The modules a package's README must name: its `.py` files and its subpackages
    (`name/`), without `__init__.py` and `__main__.py`."""
    folder = SRC / package
    files = {p.name for p in folder.glob("*.py") if p.name not in ("__init__.py", "__main__.py")}
    subpackages = {f"{p.name}/" for p in folder.iterdir() if (p / "__init__.py").is_file()}
    return files | subpackages


def named(readme: str) -> set[str]:
    """What the first column of every `| module | … |` table of a README names, in backticks
    (a row may name several: `` `a.py`, `b.py` ``)."""
    out: set[str] = set()
    in_table = False
    for line in readme.splitlines():
        if re.match(r"\|\s*module\s*\|", line):
            in_table = True
            continue
        if not in_table or not line.startswith("|"):
            in_table = False
            continue
        first = line.split("|")[1]
        out.update(re.findall(r"`([^`]+)`", first))
    return out


def test_the_table_reader_reads_a_row_naming_several_modules():
    readme = "x\n\n| module | one idea |\n|---|---|\n| `a.py`, `b/` | c (`d.tsv`) |\n\n| `e.py` |"
    assert named(readme) == {"a.py", "b/"}


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_has_a_readme(package):
    assert (SRC / package / "README.md").is_file(), f"src/newsmoa/{package}/README.md"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_of_a_package_is_in_its_readmes_module_table(package):
    readme = (SRC / package / "README.md").read_text("utf-8")
    missing = modules(package) - named(readme)
    assert not missing, f"src/newsmoa/{package}/README.md names no row for {sorted(missing)}"


@pytest.mark.parametrize("package", PACKAGES)
def test_every_module_a_readme_table_names_exists(package):
    path = SRC / package / "README.md"
    if not path.is_file():
        pytest.skip("no README (test_every_package_has_a_readme)")
    absent = {
        name for name in named(path.read_text("utf-8")) if not (SRC / package / name).exists()
    }
    assert not absent, f"{path.relative_to(ROOT)} names modules that are not there: {absent}"


@pytest.mark.parametrize("package", PACKAGES)
def test_the_top_readme_links_every_package_readme(package):
    top = (ROOT / "README.md").read_text("utf-8")
    assert f"(src/newsmoa/{package}/README.md)" in top, package
