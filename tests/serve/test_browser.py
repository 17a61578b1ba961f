"""End to end in a real headless browser: `newsmoa serve` on a free port, Chromium loads the
story page, and what it built (DOM) and painted (screenshot) is checked.

Skipped when `chromium` is not on PATH (CI need not have it; on Debian:
`apt-get install chromium`).
"""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from collections import Counter
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
if CHROMIUM is None:
    pytest.skip(
        "chromium is not on PATH; the headless-browser check needs it "
        "(Debian: apt-get install chromium)",
        allow_module_level=True,
    )

from test_app import ABSORBED, MAIN, SIGNING, build_store  # noqa: E402  (same folder)

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path: Path):
    """`newsmoa --db DB serve` in a child process; yields its base URL."""
    db = tmp_path / "browser.db"
    build_store(str(db))
    port = free_port()
    command = [
        sys.executable,
        "-c",
        "from newsmoa.serve.cli import main; main()",
        "--db",
        str(db),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    log = tmp_path / "server.log"
    with log.open("wb") as out, subprocess.Popen(command, stdout=out, stderr=out) as proc:
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(base + "/", timeout=2) as response:
                        if response.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"server did not start:\n{log.read_text(errors='replace')}")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            proc.wait(timeout=15)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    profile = tmp_path / f"profile-{time.monotonic_ns()}"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    return result


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Width, height and RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 4 if colour == 6 else 3
    raw, stride = zlib.decompress(idat), width * bpp
    prev, pixels, at = bytearray(stride), [], 0
    for _ in range(height):
        kind, line = raw[at], bytearray(raw[at + 1 : at + 1 + stride])
        at += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        pixels += [tuple(line[i : i + 3]) for i in range(0, stride, bpp)]
        prev = line
    return width, height, pixels


def test_story_page_in_a_real_browser(server, tmp_path):
    url = f"{server}/stories/{ABSORBED}"  # an absorbed id: the browser follows the 307
    dom = chromium(tmp_path, "--dump-dom", url).stdout.decode()
    assert '<section id="disagreements"' in dom and "연구소 본관" in dom
    assert f'title="{SIGNING["bada"]}"' in dom  # the chip carries that outlet's own words
    assert 'id="event"' in dom and "disputed: see the banner" in dom
    assert dom.count('class="column ') == 4 and 'id="timeline"' in dom
    assert f"<code>{MAIN}</code>" in dom

    shot = tmp_path / "story.png"
    chromium(tmp_path, "--window-size=1280,1600", f"--screenshot={shot}", url)
    width, height, pixels = png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 1600)
    colours = Counter(pixels)
    # painted with the stylesheet: the banner's background and the first outlet's chip colour
    assert colours[(0xFF, 0xF4, 0xE0)] > 20_000, colours.most_common(5)
    assert colours[(0x25, 0x63, 0xEB)] > 200, colours.most_common(5)
