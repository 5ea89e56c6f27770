"""Timing a benchmark command: wall time and peak memory of the whole process tree.

``/usr/bin/time -v`` gives the wall time and the largest single process's RSS;
:class:`TreeSampler` adds the summed RSS of the process and all its workers.
"""

from __future__ import annotations

import re
import threading
import time

import psutil

TIME = "/usr/bin/time"


class TreeSampler:
    """Sample the summed RSS of a process and its descendants every ``interval`` seconds."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._tree_rss())
            time.sleep(self.interval)

    def _tree_rss(self) -> int:
        try:
            root = psutil.Process(self.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0
        total = 0
        for proc in procs:
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        return total


def parse_time_v(stderr: str) -> tuple[float, float]:
    """(wall seconds, max RSS in MB) from ``/usr/bin/time -v`` output."""
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    if not wall or not rss:
        raise RuntimeError("no /usr/bin/time -v report in:\n" + stderr[-2000:])
    seconds = 0.0
    for part in wall.group(1).split(":"):
        seconds = seconds * 60 + float(part)
    return seconds, int(rss.group(1)) / 1024
