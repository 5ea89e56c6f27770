"""Fetch the tools and originals of the audio benchmark from Debian packages (the one step that needs the network).

Usage (from the repository root, as root)::

    .venv/bin/python benchmarks/audio/fetch.py [--no-install] [--keep-debs]

1. ``apt-get install`` of the renderer and the peers: ``fluidsynth`` with three General MIDI soundfonts
   (``fluid-soundfont-gm``: FluidR3_GM, the soundfont of every A; ``timgm6mb-soundfont`` and
   ``musescore-general-soundfont-small``: the "other performance" soundfonts of covers), ``ffmpeg`` (decoding
   and the mp3/aac/vorbis codecs of ``generate.py``) and ``libchromaprint-tools`` (``fpcalc``, a peer).
2. For every source in :data:`SOURCES`: ``apt-get download`` (the pinned version when the archive still has it)
   and ``dpkg-deb -x`` into ``data/extract/<package>/``; the files matching the source's pattern are
   originals when they last at least :data:`MIN_SECONDS`: MIDI files (kind ``midi``: rendered by
   ``generate.py``) are copied to ``data/originals/<package>/``, recordings (kind ``recording``: OGG/Opus)
   are decoded by ffmpeg to 22050 Hz mono and stored as 16-bit FLAC.

Whole packages go to one split (the ``split`` of the source, chosen by hand to balance MIDI pieces and
recordings: tune 18 MIDI + 35 recordings, test 31 MIDI + 28 recordings), so no piece, nor a variant of it,
straddles the splits. Variant renditions of one track (warzone2100's ``*_enhanced`` remasters, hedgewars'
``*sd*`` sudden-death versions) are excluded, since they would be false "independent" negatives.
``data/originals/manifest.csv`` records for each original: id, file, package, version, source_path, sha256
(of the file in the package), kind, duration (s), split, bpm (first tempo of a MIDI file), drums (MIDI
channel 10 used).
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import mido
import numpy as np
import soundfile as sf

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))
from common.debian import deb_file, deb_version  # noqa: E402

DATA = HERE / "data"
DEBS = DATA / "debs"
EXTRACT = DATA / "extract"
ORIGINALS = DATA / "originals"
MANIFEST = ORIGINALS / "manifest.csv"

VERSION_FILE = ".deb-version"
MIN_SECONDS = 45.0
SR = 22050
TOOLS = ("fluidsynth", "fluid-soundfont-gm", "timgm6mb-soundfont", "musescore-general-soundfont-small",
         "ffmpeg", "libchromaprint-tools")
MANIFEST_COLUMNS = ["id", "file", "package", "version", "source_path", "sha256", "kind", "duration", "split",
                    "bpm", "drums"]


@dataclass(frozen=True)
class Source:
    """A Debian package, which of its files are originals, and its split."""

    package: str
    version: str  # pinned (bookworm); the manifest records the version actually fetched
    kind: str  # midi | recording
    include: str  # regex searched in the path inside the package
    split: str  # tune | test
    exclude: str = ""


SOURCES: tuple[Source, ...] = (
    # tune
    Source("planetblupi-music-midi", "1.14.2-3", "midi", r"music/music\d+\.mid$", "tune"),
    Source("freedink-data", "1.08.20190120-2", "midi", r"dink/Sound/[^/]+\.mid$", "tune"),
    Source("freedink-data", "1.08.20190120-2", "recording", r"dink/Sound/[^/]+\.ogg$", "tune"),
    Source("frozen-bubble-data", "2.212-11", "recording", r"snd/(frozen-mainzik|introzik)[^/]*\.ogg$", "tune"),
    Source("lincity-ng-data", "2.9~git20150314-5", "recording", r"music/default/[^/]+\.ogg$", "tune"),
    Source("hedgewars-data", "1.0.2-6", "recording", r"Data/Music/[^/]+\.ogg$", "tune",
           exclude=r"(_sd|sdmusic)"),
    # test
    Source("openttd-openmsx", "0.4.2-1", "midi", r"openmsx/[^/]+\.mid$", "test"),
    Source("warzone2100-music", "4.3.3-3", "recording", r"music/.*\.opus$", "test", exclude=r"_enhanced"),
)


def install_tools() -> None:
    """``apt-get install`` the renderer, soundfonts, ffmpeg and fpcalc (``apt-get update`` first)."""
    subprocess.run(["apt-get", "update"], check=True, stdout=subprocess.DEVNULL)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *TOOLS], check=True,
                   stdout=subprocess.DEVNULL, env=env)


def installed_versions(packages: tuple[str, ...] = TOOLS) -> dict[str, str]:
    """The installed version of each Debian package (``dpkg-query``)."""
    out = {}
    for p in packages:
        done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", p], capture_output=True, text=True)
        out[p] = done.stdout.strip() if done.returncode == 0 else ""
    return out


def fetch_package(package: str, version: str) -> Path:
    """Download ``package`` (pinned version if available) and extract it; the extraction folder."""
    target = EXTRACT / package
    if (target / VERSION_FILE).is_file():
        return target
    DEBS.mkdir(parents=True, exist_ok=True)
    if not list(DEBS.glob(f"{package}_*.deb")):
        for spec in (f"{package}={version}", package):
            done = subprocess.run(["apt-get", "download", spec], cwd=DEBS, capture_output=True, text=True)
            if done.returncode == 0:
                break
        else:
            raise RuntimeError(f"apt-get download {package} failed: {done.stderr.strip()}")
    deb = deb_file(DEBS, package)
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(["dpkg-deb", "-x", str(deb), str(target)], check=True)
    (target / VERSION_FILE).write_text(deb_version(deb) + "\n", encoding="utf-8")
    return target


def list_files(source: Source, root: Path) -> list[Path]:
    """The files of ``root`` that the source includes, sorted by path."""
    inc = re.compile(source.include, re.IGNORECASE)
    exc = re.compile(source.exclude, re.IGNORECASE) if source.exclude else None
    out = []
    for file in sorted(root.rglob("*")):
        rel = str(file.relative_to(root))
        if file.is_file() and not file.is_symlink() and inc.search(rel) and not (exc and exc.search(rel)):
            out.append(file)
    return out


def midi_facts(path: Path) -> tuple[float, float, bool]:
    """Duration (s), first tempo (bpm, 120 without a tempo event) and whether channel 10 (drums) plays."""
    mid = mido.MidiFile(str(path))
    bpm = 120.0
    tempo_seen = False
    drums = False
    for track in mid.tracks:
        for msg in track:
            if msg.type == "set_tempo" and not tempo_seen:
                bpm, tempo_seen = mido.tempo2bpm(msg.tempo), True
            elif msg.type == "note_on" and msg.channel == 9 and msg.velocity > 0:
                drums = True
    return float(mid.length), float(bpm), drums


def decode(path: Path, sr: int = SR) -> np.ndarray:
    """A recording decoded by ffmpeg to mono float32 at ``sr`` Hz."""
    done = subprocess.run(["ffmpeg", "-nostdin", "-v", "error", "-i", str(path), "-ac", "1", "-ar", str(sr),
                           "-f", "f32le", "-"], capture_output=True, check=True)
    return np.frombuffer(done.stdout, dtype="<f4").copy()


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe short form of ``text``."""
    return re.sub(r"[^A-Za-z0-9]+", "-", text)[:limit].strip("-") or "piece"


def store(source: Source, root: Path, file: Path, number: int, version: str) -> dict[str, str] | None:
    """Store one original under ``data/originals/<package>/``; its manifest row (None when too short)."""
    rel = str(file.relative_to(root))
    sha = hashlib.sha256(file.read_bytes()).hexdigest()
    bpm, drums = "", ""
    if source.kind == "midi":
        try:
            duration, tempo, has_drums = midi_facts(file)
        except Exception as exc:  # noqa: BLE001 - an unreadable MIDI file is skipped
            print(f"  skipped {rel}: {exc}", file=sys.stderr)
            return None
        if duration < MIN_SECONDS:
            return None
        out = Path(source.package) / f"{number:03d}_{slug(file.stem)}.mid"
        (ORIGINALS / out).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, ORIGINALS / out)
        bpm, drums = f"{tempo:.3f}", str(int(has_drums))
    else:
        y = decode(file)
        duration = len(y) / SR
        if duration < MIN_SECONDS:
            return None
        out = Path(source.package) / f"{number:03d}_{slug(file.stem)}.flac"
        (ORIGINALS / out).parent.mkdir(parents=True, exist_ok=True)
        peak = float(np.max(np.abs(y))) or 1.0
        sf.write(ORIGINALS / out, np.clip(y / max(peak, 1.0), -1, 1), SR, subtype="PCM_16", format="FLAC")
    return {"id": f"{source.package}/{number:03d}", "file": str(out), "package": source.package,
            "version": version, "source_path": rel, "sha256": sha, "kind": source.kind,
            "duration": f"{duration:.3f}", "split": source.split, "bpm": bpm, "drums": drums}


def write_manifest(rows: list[dict[str, str]]) -> None:
    """``data/originals/manifest.csv``."""
    with MANIFEST.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=MANIFEST_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def summary(rows: list[dict[str, str]]) -> str:
    """Originals per split, kind and package (with version)."""
    count: dict[tuple[str, str, str, str], int] = {}
    for r in rows:
        key = (r["split"], r["kind"], r["package"], r["version"])
        count[key] = count.get(key, 0) + 1
    lines = [f"{s:5} {k:9} {p:28} {v:24} {n:4}" for (s, k, p, v), n in sorted(count.items())]
    for s in ("tune", "test"):
        per = {k: sum(1 for r in rows if r["split"] == s and r["kind"] == k) for k in ("midi", "recording")}
        lines.append(f"{s}: {per['midi']} midi, {per['recording']} recordings")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-install", action="store_true", help="skip apt-get install of the tools")
    ap.add_argument("--keep-debs", action="store_true", help="keep data/debs/*.deb after extraction")
    args = ap.parse_args(argv)
    if not args.no_install:
        install_tools()
    print("tools: " + ", ".join(f"{p} {v}" for p, v in installed_versions().items()), file=sys.stderr)
    if ORIGINALS.exists():
        shutil.rmtree(ORIGINALS)
    ORIGINALS.mkdir(parents=True)
    rows: list[dict[str, str]] = []
    numbers: dict[str, int] = {}
    for source in SOURCES:
        root = fetch_package(source.package, source.version)
        version = (root / VERSION_FILE).read_text(encoding="utf-8").strip()
        files = list_files(source, root)
        kept = 0
        for file in files:
            number = numbers.get(source.package, 0) + 1
            row = store(source, root, file, number, version)
            if row is not None:
                numbers[source.package] = number
                rows.append(row)
                kept += 1
        print(f"{source.package} ({source.kind}): {kept} of {len(files)} files kept", file=sys.stderr)
    write_manifest(rows)
    (ORIGINALS / "tools.txt").write_text("".join(f"{p} {v}\n" for p, v in installed_versions().items()),
                                         encoding="utf-8")
    if not args.keep_debs:
        for deb in DEBS.glob("*.deb"):
            deb.unlink()
    print(summary(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
