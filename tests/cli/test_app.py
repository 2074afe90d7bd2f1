"""The root command: global options, help, version, errors, completion."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import typer

from glossary import __version__
from glossary.cli import app
from tests.conftest import FIXTURES, script_or_skip

from .helpers import installed, run

#: Every command and group, as typed after `glossary`.
COMMANDS = [
    [],
    ["lookup"],
    ["annotate"],
    ["normalize"],
    ["export"],
    ["import"],
    ["validate-tbx"],
    ["romanize"],
    ["terms"],
    ["terms", "validate"],
    ["terms", "audit"],
    ["terms", "stats"],
]


def test_prefer_changes_the_english_shown() -> None:
    """--prefer tongyong shows Situn District."""
    code, out, _ = run("--prefer", "tongyong,official", "lookup", "西屯")
    assert code == 0
    assert out.startswith("Situn District (西屯區)")


def test_termbase_layer_and_env(tmp_path: Path) -> None:
    """--termbase and GLOSSARY_TERMBASE layer user files over the built-in term base."""
    road = tmp_path / "roads.yaml"
    road.write_text(
        "- id: taichung-city-xitun-fuxing-rd\n  kind: road\n  parent: taichung-city-xitun\n"
        "  zh: [福星路]\n  en: [Fuxing Rd.]\n  source: test fixture\n",
        encoding="utf-8",
    )
    code, out, _ = run("--termbase", str(road), "lookup", "Fuxing Rd")
    assert code == 0
    assert "[taichung-city-xitun-fuxing-rd]" in out
    code, out, _ = run("lookup", "福星路", env={"GLOSSARY_TERMBASE": str(road)})
    assert code == 0
    assert "road in Xitun District" in out


def test_bad_termbase_is_one_line() -> None:
    """A broken --termbase file gives one located line on stderr, exit 1, no traceback."""
    bad = FIXTURES / "termbase" / "ten_mistakes.yaml"
    code, out, err = run("--termbase", str(bad), "lookup", "Situn")
    assert code == 1
    assert out == ""
    assert err.startswith(f"glossary: error: {bad}:")
    assert "and 9 more errors; run 'glossary terms validate'" in err
    assert "Traceback" not in err


def test_no_builtin() -> None:
    """--no-builtin leaves the built-in term base out."""
    code, _, err = run("--no-builtin", "lookup", "Situn")
    assert code == 1
    assert "no entry matches 'Situn'" in err


def test_version_and_help() -> None:
    """--version prints the version; no arguments print help (exit 2, usage)."""
    assert run("--version")[1] == f"glossary {__version__}\n"
    code, out, _ = run("--help")
    assert code == 0
    assert "lookup" in out
    assert "terms" in out


def test_every_command_is_listed() -> None:
    """COMMANDS (what the tests below walk) is every command the app has."""
    from typer.main import get_command

    def walk(command: object, path: list[str]) -> list[list[str]]:
        found = [path]
        for name, sub in getattr(command, "commands", {}).items():
            found += walk(sub, [*path, name])
        return found

    assert sorted(walk(get_command(app), [])) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "glossary")
def test_dash_h_is_help_everywhere(command: list[str]) -> None:
    """-h prints the same help as --help on every command, exit 0."""
    code, out, err = run(*command, "-h")
    assert (code, err) == (0, "")
    assert out.lstrip().startswith(f"Usage: glossary {' '.join(command)}".rstrip())
    assert out == run(*command, "--help")[1]


@pytest.mark.parametrize("command", [c for c in COMMANDS if c], ids=lambda c: " ".join(c))
def test_help_lists_the_global_options(command: list[str]) -> None:
    """A subcommand's help lists the global options it accepts, in their own panel."""
    out = run(*command, "--help")[1]
    panel = out[out.index("Global options") :]
    for option in ("--termbase", "--no-builtin", "--prefer"):
        assert option in panel


#: The commands that print data rather than a report: export writes a file format
#: (`-f json` is the machine-readable one); groups print only help.
NO_JSON = [[], ["export"], ["terms"]]


@pytest.mark.parametrize(
    "command", [c for c in COMMANDS if c not in NO_JSON], ids=lambda c: " ".join(c)
)
def test_every_reporting_command_takes_json(command: list[str]) -> None:
    """Every command that reports something has --json, described in its help."""
    from typer.main import get_command

    click_command = get_command(app)
    for name in command:
        click_command = click_command.commands[name]  # type: ignore[attr-defined]
    [option] = [p for p in click_command.params if "--json" in p.opts]
    assert option.help
    assert "--json" in run(*command, "-h")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lookup", "--no-such-option", "x"], "no such option: --no-such-option"),
        (["lookup"], "missing argument 'query'"),
        (["no-such-command"], "no such command 'no-such-command'"),
        (["lookup", "x", "--limit", "0"], "invalid value for '--limit'"),
        (["terms", "validate", "--bogus"], "no such option: --bogus"),
        (["--prefer", "bogus", "lookup", "x"], "invalid value for '--prefer': 'bogus' is not"),
    ],
)
def test_usage_error_is_one_line_exit_2(args: list[str], message: str) -> None:
    """A usage error is one line on stderr, `glossary: error: ...` with where to find help,
    exit 2: no box, no usage block, nothing on stdout."""
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.startswith(f"glossary: error: {message}")
    assert err.count("\n") == 1
    assert err.rstrip().endswith("-h')")
    assert "╭" not in err
    assert "Usage" not in err


def test_usage_error_names_the_command_to_ask() -> None:
    """The hint names the command whose usage was wrong."""
    assert run("terms", "validate", "--bogus")[2].endswith("(see 'glossary terms validate -h')\n")
    assert run("--bogus")[2].endswith("(see 'glossary -h')\n")


def test_no_arguments_prints_help() -> None:
    """`glossary` and `glossary terms` alone print their help on stdout (click's exit 2)."""
    code, out, err = run()
    assert (code, err) == (2, "")
    assert out.lstrip().startswith("Usage: glossary [OPTIONS] COMMAND [ARGS]...")
    code, out, err = run("terms")
    assert (code, err) == (2, "")
    assert out.lstrip().startswith("Usage: glossary terms [OPTIONS] COMMAND [ARGS]...")


@pytest.mark.parametrize("value", ["bogus", "tongyong,bogus", "Tongyong"])
def test_prefer_is_checked(value: str) -> None:
    """--prefer accepts only statuses, systems and 'official', before or after the command."""
    for args in (["--prefer", value, "lookup", "x"], ["lookup", "x", "--prefer", value]):
        code, out, err = run(*args)
        assert (code, out) == (2, "")
        assert "'--prefer'" in err
        assert "is not one of preferred, admitted, official" in err


@pytest.mark.parametrize(
    "args",
    [
        ["lookup", "西屯", "--prefer", "tongyong"],
        ["--prefer", "tongyong", "lookup", "西屯"],
        ["--prefer", "hanyu", "lookup", "西屯", "--prefer", "tongyong"],
    ],
)
def test_global_option_after_the_command(args: list[str]) -> None:
    """--prefer works after the subcommand as before it; given twice, the later one wins."""
    code, out, err = run(*args)
    assert code == 0, err
    assert out.startswith("Situn District (西屯區)")


def test_termbase_after_the_command_adds_a_layer(tmp_path: Path) -> None:
    """--termbase after the subcommand adds to the ones before it; --no-builtin works there."""
    first = tmp_path / "first.yaml"
    first.write_text(
        "- id: x-fuxing-rd\n  kind: road\n  zh: [福星路]\n  en: [Fuxing Rd.]\n  source: t\n",
        encoding="utf-8",
    )
    second = tmp_path / "second.yaml"
    second.write_text(
        "- id: x-wenxin-rd\n  kind: road\n  zh: [文心路]\n  en: [Wenxin Rd.]\n  source: t\n",
        encoding="utf-8",
    )
    args = ["-t", str(first), "lookup", "福星路", "-t", str(second), "--no-builtin"]
    code, out, err = run(*args)
    assert code == 0, err
    assert "[x-fuxing-rd]" in out
    code, out, _ = run("-t", str(first), "lookup", "文心路", "-t", str(second), "--no-builtin")
    assert code == 0
    assert "[x-wenxin-rd]" in out
    code, _, err = run("-t", str(first), "lookup", "Situn", "--no-builtin")
    assert code == 1
    assert "no entry matches 'Situn'" in err
    code, out, _ = run("terms", "validate", "--no-builtin", "-t", str(first))
    assert (code, out) == (0, "1 files, 1 entries: 0 errors, 0 warnings\n")


def test_installed_script_conventions(tmp_path: Path) -> None:
    """Through the installed script: -h, a global option after the command, a one-line
    usage error with exit 2."""
    assert installed("-h").stdout.lstrip().startswith("Usage: glossary")
    result = installed("lookup", "Situn", "--prefer", "tongyong", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Situn District (西屯區)")
    result = installed("--prefer", "bogus", "lookup", "x")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("glossary: error: invalid value for '--prefer'")
    assert result.stderr.count("\n") == 1


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_install_completion(tmp_path: Path) -> None:
    """`glossary --install-completion` (run from bash) writes a bash completion script and
    sources it from ~/.bashrc; the script completes command names and --format choices."""
    script = script_or_skip()
    env = {**os.environ, "HOME": str(tmp_path)}
    result = subprocess.run(
        ["bash", "-c", f"'{script}' --install-completion"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    completion = tmp_path / ".bash_completions" / "glossary.sh"
    assert f"source '{completion}'" in (tmp_path / ".bashrc").read_text()
    assert "_GLOSSARY_COMPLETE=complete_bash" in completion.read_text()

    def complete(words: str) -> list[str]:
        line = {"_GLOSSARY_COMPLETE": "complete_bash", "COMP_WORDS": words}
        line["COMP_CWORD"] = str(len(words.split()) - 1)
        done = subprocess.run(
            [str(script)], capture_output=True, text=True, env={**env, **line}, check=True
        )
        return done.stdout.split()

    assert complete("glossary exp") == ["export"]
    assert complete("glossary export -f tbx") == ["tbx", "tbx3"]


def test_installed_help_needs_no_cache(tmp_path: Path) -> None:
    """`glossary --help` works, and builds no index, with an empty cache directory."""
    import os

    cache = tmp_path / "cache"
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(cache)}
    result = subprocess.run(
        [str(script_or_skip()), "--help"], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0
    assert "lookup" in result.stdout
    assert not cache.exists()


# -- choices come from the registries ------------------------------------------------------


def _registries() -> list[tuple[list[str], str, list[str]]]:
    """(command, option, the names its registry holds), for every option whose choices
    come from one."""
    from typing import get_args

    from glossary._batch import ANNOTATE_FORMATS
    from glossary._model import Kind, Status
    from glossary._stream import Errors
    from glossary.formats import LANGUAGES, EnglishForms, formats
    from glossary.romanize import LATIN, Scheme, Tones

    writes = [n for n, f in formats().items() if f.write is not None]
    reads = [n for n, f in formats().items() if f.read is not None]
    return [
        (["export"], "--format", writes),
        (["import"], "--format", ["auto", *reads]),
        (["export"], "--source", list(LANGUAGES)),
        (["export"], "--target", list(LANGUAGES)),
        (["export"], "--english", list(get_args(EnglishForms))),
        (["export"], "--kind", [k.value for k in Kind]),
        (["export"], "--status", [s.value for s in Status]),
        (["annotate"], "--format", list(ANNOTATE_FORMATS)),
        (["annotate"], "--errors", list(get_args(Errors))),
        (["normalize"], "--errors", list(get_args(Errors))),
        (["normalize"], "--to", ["house", "official", *(s.value for s in LATIN)]),
        (["annotate"], "--tai", ["台", "臺"]),
        (["normalize"], "--tai", ["keep", "臺", "台"]),
        (["romanize"], "--system", [s.value for s in Scheme]),
        (["romanize"], "--tones", list(get_args(Tones))),
    ]


def _choices(command: list[str], option: str) -> tuple[str, ...]:
    from typer.main import get_command

    from glossary.cli._options import RegistryChoice

    click_command = get_command(app)
    for name in command:
        click_command = click_command.commands[name]  # type: ignore[attr-defined]
    [param] = [p for p in click_command.params if option in p.opts]
    assert isinstance(param.type, RegistryChoice)
    return param.type.choices


@pytest.mark.parametrize(
    ("command", "option", "names"), _registries(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_choices_are_the_registry(command: list[str], option: str, names: list[str]) -> None:
    """Each option's choices are exactly its registry's names, in its order; a name
    outside them is a one-line usage error that lists them; any case is accepted."""
    assert list(_choices(command, option)) == names
    code, out, err = run(*command, option, "bogus-name", "x")
    assert (code, out) == (2, "")
    assert f"'bogus-name' is not one of {', '.join(names)}" in err
    assert err.count("\n") == 1


def test_choice_is_case_insensitive() -> None:
    code, out, err = run("romanize", "西屯", "-s", "Wade-Giles")
    assert code == 0, err
    assert "  wade-giles  Hsi-t'un" in out.splitlines()


def test_help_shows_the_choices() -> None:
    """A short registry's names appear in the option's help."""
    out = run("romanize", "-h", env={"COLUMNS": "200"})[1]  # one line per option
    assert "<hanyu | tongyong | wade-giles | mps2 | gwoyeu | yale | zhuyin>" in out


def test_starting_reads_no_registry(session_cache: Path) -> None:
    """A warm `glossary lookup` imports neither the format nor the romanization registry
    (their choices are read when a command needs them), nor pypinyin or YAML."""
    import sys

    # the session's cache, where the built-in index is most likely built already (only read)
    env = {**os.environ, "GLOSSARY_CACHE_DIR": str(session_cache)}
    code = (
        "import sys\n"
        "from glossary.cli import main\n"
        "sys.argv = ['glossary', 'lookup', 'Situn']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('glossary.formats', 'glossary.romanize', 'glossary._batch', 'pypinyin', 'yaml')\n"
        "print(','.join(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    for _ in range(2):  # the first builds the cached index
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
    assert done.stderr.strip() == ""


def test_a_command_keeps_an_option_of_its_own_name() -> None:
    """A subcommand that has an option named like a global one keeps its own: the copy is
    not added, and the value goes to the command, not to the global options."""
    from typer.testing import CliRunner

    from glossary.cli import GlossaryGroup
    from glossary.cli._options import global_options

    demo = typer.Typer(cls=GlossaryGroup)

    @demo.callback()
    def root(ctx: typer.Context, prefer: str = "preferred") -> None:
        from glossary.cli._options import Options

        ctx.obj = Options.of(termbase=None, no_builtin=False, prefer=prefer)

    @demo.command()
    def own(ctx: typer.Context, prefer: str = "mine") -> None:
        typer.echo(f"{prefer} {','.join(global_options(ctx).prefer)}")

    @demo.command()
    def shared(ctx: typer.Context) -> None:
        typer.echo(",".join(global_options(ctx).prefer))

    runner = CliRunner()
    assert runner.invoke(demo, ["own", "--prefer", "x"]).stdout == "x preferred\n"
    assert runner.invoke(demo, ["shared", "--prefer", "tongyong"]).stdout == "tongyong\n"
