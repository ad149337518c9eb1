"""The CLI's error line: one line, the file named, red only on a terminal without NO_COLOR;
and `--version`. Errors are read through a pseudo-terminal, as a person would see them."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

COLOR = re.compile(rb"\x1b\[(3[0-9]|9[0-7]|38;)")


def _on_a_terminal(*args: str, no_color: bool) -> tuple[int, bytes]:
    """Run the CLI with stderr on a pseudo-terminal; its exit code and what it wrote there."""
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    if no_color:
        env["NO_COLOR"] = "1"
    env["TERM"] = "xterm-256color"
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from aligner.cli import main; main()", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=child,
        env=env,
    )
    os.close(child)
    out = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        out += chunk
    os.close(main)
    return proc.wait(timeout=60), out


def test_the_error_line_is_red_on_a_terminal_unless_no_color(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.txt")
    code, colored = _on_a_terminal("parse", missing, no_color=False)
    assert code == 3 and COLOR.search(colored), colored  # the test can tell
    code, plain = _on_a_terminal("parse", missing, no_color=True)
    assert code == 3 and not COLOR.search(plain), plain
    assert plain.strip() == f"error: no such file: {missing}".encode()
    # typer's own usage errors (drawn by rich) follow NO_COLOR too
    code, usage = _on_a_terminal("align", "--band", "x", no_color=True)
    assert code == 2 and b"Error" in usage and not COLOR.search(usage), usage


def test_parse_errors_name_the_file(tmp_path: Path) -> None:
    not_a_record = tmp_path / "minutes.txt"
    not_a_record.write_text("Hello world.\nThis is not a verbatim record at all.\n")
    res = subprocess.run(
        [sys.executable, "-c", "from aligner.cli import main; main()", "parse", str(not_a_record)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2
    assert res.stderr.startswith(f"error: {not_a_record}: no speaker turns found")
    assert len(res.stderr.strip().splitlines()) == 1


def test_version_flag() -> None:
    from typer.testing import CliRunner

    from aligner import __version__
    from aligner.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"verbalign {__version__}\n"
    assert CliRunner().invoke(app, ["version"]).stdout == result.stdout
