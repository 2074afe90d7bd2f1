"""Importing glossary is cheap: no pypinyin, OpenCC, YAML parser or RapidFuzz."""

import subprocess
import sys

from glossary import Glossary

HEAVY = ("pypinyin", "opencc", "yaml", "rapidfuzz", "typer")


def _python(code: str) -> str:
    """What a fresh interpreter running ``code`` prints."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_import_glossary_loads_no_heavy_modules() -> None:
    """`import glossary` leaves pypinyin, opencc, yaml, rapidfuzz and typer unimported."""
    code = f"import sys, glossary\nprint(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = _python(code)
    assert out == ""


def test_warm_lookup_loads_no_parsers() -> None:
    """With the index cached, a lookup imports no YAML, pypinyin, OpenCC or term base reader."""
    # A fresh Glossary, not the session's: the cache keeps the newest few indexes, and
    # earlier tests' term bases may have pushed the built-in one out since it was built.
    assert len(Glossary()) > 0
    code = (
        "import sys\n"
        "from glossary import Glossary\n"
        "assert Glossary().get('Situn').id == 'taichung-city-xitun'\n"
        "print(','.join(m for m in ('pypinyin', 'opencc', 'yaml', 'glossary._termbase', 'tempfile')"
        " if m in sys.modules))"
    )
    out = _python(code)
    assert out == ""


def test_warm_lookup_loads_no_matcher() -> None:
    """A warm lookup of an English name imports neither the matcher (its rules and their
    regular expressions) nor importlib.resources, and compiles no CJK character class."""
    assert len(Glossary()) > 0
    code = (
        "import sys\n"
        "from glossary import Glossary, _text\n"
        "assert Glossary().get('Situn').id == 'taichung-city-xitun'\n"
        "names = ('glossary._match', 'importlib.resources')\n"
        "print(','.join(m for m in names if m in sys.modules) + '|'"
        " + str(_text._cjk.cache_info().misses))"
    )
    out = _python(code)
    assert out == "|0"


def test_romanize_imports_pypinyin_only_to_read_chinese() -> None:
    """`import glossary.romanize`, rendering and parsing need no pypinyin or OpenCC."""
    code = (
        "import sys\n"
        "from glossary.romanize import parse, render, Reading\n"
        "assert parse(\"Hsi-t'un\").candidates[0].syllables == ('xi', 'tun')\n"
        "assert render(Reading(('xi', 'tun'), (1, 2)), 'mps2') == 'Shituen'\n"
        "before = ','.join(m for m in ('pypinyin', 'opencc') if m in sys.modules)\n"
        "from glossary.romanize import romanize\n"
        "assert romanize('西屯', 'wade-giles') == \"Hsi-t'un\"\n"
        "print(before + '|' + ','.join(m for m in ('pypinyin', 'opencc') if m in sys.modules))"
    )
    out = _python(code)
    assert out == "|pypinyin,opencc"
