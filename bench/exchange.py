"""One laptop's month through the real exchange — ``inspector-cli exchange export`` on the laptop,
``inspector-cli exchange import`` at the office, each in a process of its own — beside a plain
zip, unzip and SHA-256 of the same files, in the same run.

    python bench/exchange.py [--inspections 300] [--photos 1500] [--max-photo-mb 3] [--folder DIR]

With ``--folder DIR`` the built month stays there, and a later run with the same folder measures
it again without building it anew (to compare a change in the product, or profile it).

The month is real data folders, built as tests/exchange/organisation.py builds them: the office
(demo registry, CA, certificates), zhangwei's laptop joined through the office's file, and
``--inspections`` completed T1 inspections recorded through the services with ``--photos``
distinct camera photos (the corpus's JPEGs cycled, each made unique by a comment segment) as
evidence. Building it takes a while (every photo is ingested: working, print and thumbnail
copies); it is not timed.

Timed:
- ``export``: the child process from start to exit — sign-in, selecting the records, revisions,
  every photo hashed while copied in, manifests, CMS signature, fsync, rename;
- ``import``: the child process from start to exit — sign-in, the backup before the import,
  the whole verification (zip checks, signature, every byte hashed), photos into the store
  (fsynced), every record merged in one transaction;
- ``plain zip``: the same files (the exported photos and print copies from the laptop's store,
  the record files of the export) zipped with the same choices (records deflated, photos
  stored), fsynced at the end;
- ``plain unzip + sha``: ``extractall`` and a SHA-256 of every file; ``… + fsync`` also fsyncs
  every extracted file, which is what the import must pay to be durable.

The import's peak RSS is the child's own ``VmHWM`` as it exits, beside ``os.wait4``'s
``ru_maxrss`` (which on Linux starts at the parent's size when the parent is big, e.g. pytest). Targets (#20): import ≤ 2× the plain baseline, RSS < 300 MB whatever the size. Prints the
figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import MB, peak_rss_mb  # noqa: E402
from tests.exchange.imports import StreamCapture  # noqa: E402
from tests.exchange.organisation import PASSWORD, build_office, cli, record_month, unique_photos  # noqa: E402

CHILD = "--child"


def child_main(argv: list[str]) -> int:
    """``inspector-cli ARGV`` in this process; its peak RSS as the last line on stderr."""
    from inspector.cli import main as cli_main

    code = cli_main.main(argv)
    print(f"peak-rss-mb {peak_rss_mb():.1f}", file=sys.stderr)
    return code


def run_child(*argv: str) -> dict[str, object]:
    """Time ``inspector-cli ARGV`` in a child process; its wall time, peak RSS and output."""
    env = {**os.environ, "INSPECTOR_PASSWORD": PASSWORD, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), CHILD, *argv], env=env,
                                   stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage, not all children's
        seconds = time.perf_counter() - began
        process.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, errors = out.read().decode(), err.read().decode()
    if code != 0:
        raise SystemExit(f"inspector-cli {' '.join(argv)} failed ({code}): {errors}")
    lines = errors.splitlines()
    hwm = float(lines[-1].split()[1]) if lines and lines[-1].startswith("peak-rss-mb") else 0.0
    return {"seconds": seconds, "vmhwm_mb": hwm, "maxrss_mb": usage.ru_maxrss / 1024, "output": output}


def build(folder: Path, inspections: int, photos: int, max_photo_bytes: int) -> tuple[Path, Path, int]:
    """The office and a joined laptop holding the month; returns both folders and the photos attached."""
    capture = StreamCapture()
    saved = sys.stdout, sys.stderr
    try:
        office = build_office(capture, folder / "office")
        cli(capture, "--data-dir", str(office), "--user", "wangfang", "exchange", "export", "--for", "zhangwei",
            "-o", str(folder / "for-zhangwei.inspx"))
        laptop = folder / "laptop"
        cli(capture, "--data-dir", str(laptop), "init", "--admin-password", "local-admin")
        cli(capture, "--data-dir", str(laptop), "exchange", "import", str(folder / "for-zhangwei.inspx"))
    finally:
        sys.stdout, sys.stderr = saved
    camera = unique_photos(folder / "camera", photos, max_bytes=max_photo_bytes)
    attached = record_month(laptop, "zhangwei", camera, inspections=inspections)
    shutil.rmtree(folder / "camera")
    return office, laptop, attached


def same_files(inspx: Path, laptop: Path, out: Path) -> list[tuple[str, Path]]:
    """The files the exchange file carries, as plain files: every photo copy from the laptop's
    store (found by the names in the file) and the record files (copied out, they are small)."""
    store = laptop / "photos"
    out.mkdir(parents=True, exist_ok=True)
    files = []
    with zipfile.ZipFile(inspx) as archive:
        for name in archive.namelist():
            inner = name.split("/", 1)[1]
            if inner.startswith("data/records/"):
                target = out / Path(inner).name
                target.write_bytes(archive.read(name))
                files.append((inner, target))
            elif inner.startswith("data/photos/print/"):
                sha256 = Path(inner).stem
                files.append((inner, store / "derived" / "print" / sha256[:2] / f"{sha256}.jpg"))
            elif inner.startswith("data/photos/"):
                sha256 = Path(inner).stem
                files.append((inner, next((store / "originals" / sha256[:2]).glob(f"{sha256}.*"))))
    return files


def plain_zip(files: list[tuple[str, Path]], target: Path) -> None:
    with zipfile.ZipFile(target, "w", allowZip64=True) as archive:
        for name, path in files:
            compression = zipfile.ZIP_DEFLATED if name.startswith("data/records/") else zipfile.ZIP_STORED
            archive.write(path, name, compress_type=compression)
    with target.open("rb+") as handle:
        os.fsync(handle.fileno())


def plain_unzip(source: Path, out: Path, *, fsync: bool) -> int:
    """Extract everything and hash every extracted file (and fsync it); returns how many files."""
    with zipfile.ZipFile(source) as archive:
        archive.extractall(out)
    files = [path for path in out.rglob("*") if path.is_file()]
    for path in files:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            while chunk := handle.read(MB):
                digest.update(chunk)
            if fsync:
                os.fsync(handle.fileno())
    return len(files)


def timed(action) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    result = action()
    return time.perf_counter() - began, result


def run(folder: Path, *, inspections: int, photos: int, max_photo_bytes: int = 3 * MB,
        rounds: int = 1) -> dict[str, object]:
    """Build the month, then time the four steps ``rounds`` times (each time the exchange file
    and the baseline, one after the other: a shared machine's load falls on both); every figure
    by name, times the median of the rounds, RSS the highest."""
    built = folder / "built.txt"  # a folder kept from an earlier run (--folder) is measured again as it is
    if built.is_file():
        build_s, attached = 0.0, int(built.read_text())
        office, laptop = folder / "office-before", folder / "laptop"
    else:
        build_s, (office, laptop, attached) = timed(lambda: build(folder, inspections, photos, max_photo_bytes))
        office = office.rename(folder / "office-before")
        built.write_text(str(attached))
    each = [one_round(folder, office, laptop) for _ in range(rounds)]
    figures: dict[str, object] = {**each[-1], "build_s": build_s, "photos": attached, "rounds": rounds}
    for key in ("export_s", "import_s", "zip_s", "unzip_s", "unzip_fsync_s"):
        figures[key] = statistics.median(float(one[key]) for one in each)  # type: ignore[arg-type]
    for key in ("export_rss_mb", "import_rss_mb", "import_vmhwm_mb"):
        figures[key] = max(float(one[key]) for one in each)  # type: ignore[arg-type]
    return figures


def one_round(folder: Path, office: Path, laptop: Path) -> dict[str, object]:
    figures: dict[str, object] = {}
    inspx = folder / "month.inspx"
    inspx.unlink(missing_ok=True)
    export = run_child("--data-dir", str(laptop), "--user", "zhangwei", "exchange", "export", "--all", "-o",
                       str(inspx))
    figures["export_s"], figures["export_rss_mb"] = export["seconds"], export["maxrss_mb"]
    figures["inspx_mb"] = inspx.stat().st_size / MB
    target = folder / "office"  # the office as it was before, each round
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(office, target)
    imported = run_child("--data-dir", str(target), "--user", "wangfang", "exchange", "import", str(inspx))
    figures["import_s"] = imported["seconds"]
    figures["import_rss_mb"], figures["import_vmhwm_mb"] = imported["maxrss_mb"], imported["vmhwm_mb"]
    figures["import_output"] = str(imported["output"]).strip().splitlines()[0]
    files = same_files(inspx, laptop, folder / "records")
    plain = folder / "month.zip"
    figures["zip_s"], _ = timed(lambda: plain_zip(files, plain))
    figures["zip_mb"] = plain.stat().st_size / MB
    figures["unzip_s"], figures["files"] = timed(lambda: plain_unzip(plain, folder / "unzipped", fsync=False))
    shutil.rmtree(folder / "unzipped")
    figures["unzip_fsync_s"], _ = timed(lambda: plain_unzip(plain, folder / "unzipped", fsync=True))
    shutil.rmtree(folder / "unzipped")
    plain.unlink()
    shutil.rmtree(folder / "records")
    return figures


def report(figures: dict[str, object]) -> str:
    f = {key: value for key, value in figures.items()}
    lines = [
        f"month: {f['photos']} photos attached (built in {f['build_s']:.0f} s), medians of {f['rounds']} rounds; .inspx {f['inspx_mb']:.0f} MB, "
        f"plain zip {f['zip_mb']:.0f} MB, {f['files']} files",
        f"import says: {f['import_output']}",
        f"{'export (child process)':<28}{f['export_s']:8.2f} s   plain zip             {f['zip_s']:8.2f} s   "
        f"ratio {f['export_s'] / f['zip_s']:.2f}×",
        f"{'import (child process)':<28}{f['import_s']:8.2f} s   unzip + sha           {f['unzip_s']:8.2f} s   "
        f"ratio {f['import_s'] / f['unzip_s']:.2f}×",
        f"{'':<28}{'':8}     unzip + sha + fsync   {f['unzip_fsync_s']:8.2f} s   "
        f"ratio {f['import_s'] / f['unzip_fsync_s']:.2f}×  (target ≤ 2×)",
        f"peak RSS: import {f['import_vmhwm_mb']:.0f} MB (its VmHWM; ru_maxrss {f['import_rss_mb']:.0f} MB, which "
        f"starts at the parent's size), "
        f"export {f['export_rss_mb']:.0f} MB (target < 300 MB)",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == [CHILD]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inspections", type=int, default=300)
    parser.add_argument("--photos", type=int, default=1500)
    parser.add_argument("--max-photo-mb", type=float, default=3.0, help="largest corpus photo used")
    parser.add_argument("--rounds", type=int, default=1, help="medians of this many rounds")
    parser.add_argument("--folder", type=Path, help="work folder (default: a temporary one, removed after)")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-exchange-"))
    try:
        figures = run(folder, inspections=args.inspections, photos=args.photos,
                      max_photo_bytes=int(args.max_photo_mb * MB), rounds=args.rounds)
        print(report(figures))
    finally:
        if args.folder is None:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
