"""Peak resident memory of this process, sampled, for the benchmark's stages."""
from __future__ import annotations

import os
import threading


class PeakRss:
    """Samples this process's resident memory every 20 ms; peak() since the last reset()."""
    def __init__(self):
        self._peak, self._stop = 0, threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _rss(self) -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    def _run(self):
        while not self._stop.wait(0.02):
            self._peak = max(self._peak, self._rss())

    def reset(self):
        self._peak = self._rss()

    def peak(self) -> int:
        return max(self._peak, self._rss())
