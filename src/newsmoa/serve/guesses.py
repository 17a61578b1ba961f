"""Wrong edit tokens, counted per client address: after `LIMIT` of them within `WINDOW`
seconds, the address may not try again until the oldest of them is `WINDOW` seconds old
(429), right token or not, so the token cannot be guessed faster than `LIMIT` a minute.

Addresses are the ones the server sees (`newsmoa serve` behind a proxy on the same machine:
the client's, from `X-Forwarded-For`, as uvicorn trusts 127.0.0.1). At most `HOSTS` addresses
are remembered; beyond, the one whose last wrong token is oldest is forgotten.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

LIMIT = 10
WINDOW = 60.0  # seconds
HOSTS = 10_000


class Guesses:
    """Wrong tokens per address within the last `window` seconds (thread-safe)."""

    def __init__(
        self,
        limit: int = LIMIT,
        window: float = WINDOW,
        *,
        hosts: int = HOSTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit, self.window, self.hosts, self.clock = limit, window, hosts, clock
        self._wrong: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def wait(self, host: str) -> float:
        """Seconds until `host` may send a token again (0: now)."""
        with self._lock:
            times = self._recent(host)
            if len(times) < self.limit:
                return 0.0
            return max(0.0, times[-self.limit] + self.window - self.clock())

    def wrong(self, host: str) -> None:
        """Count a wrong token from `host`."""
        with self._lock:
            times = self._recent(host)
            times.append(self.clock())
            self._wrong[host] = times
            self._wrong.move_to_end(host)
            while len(self._wrong) > self.hosts:
                self._wrong.popitem(last=False)

    def _recent(self, host: str) -> deque[float]:
        times = self._wrong.get(host) or deque(maxlen=self.limit)
        start = self.clock() - self.window
        while times and times[0] <= start:
            times.popleft()
        if not times:
            self._wrong.pop(host, None)
        return times
