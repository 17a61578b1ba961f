"""Settings of a backfill run; every number carries its unit in its name."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsmoa.cluster import DEFAULT_CONFIG, ClusterConfig
from newsmoa.dedup import LSHConfig, MinHashConfig
from newsmoa.extract.article import ExtractConfig

MAX_HOURS = 24 * 366 * 100  # a century: past it, one block holds any archive


@dataclass(frozen=True, slots=True)
class BackfillConfig:
    """How a backfill groups an archive.

    minhash, lsh, threshold: the near-duplicate stage; the defaults are those of
    `newsmoa.dedup.signatures` and `near_duplicate_pairs` (a checked pair has an estimated
    Jaccard >= `threshold`), so the groups equal the single-machine run's.
    cluster: the story index settings, as `newsmoa cluster` uses them.
    block_hours: stories are clustered per time block of this length (aligned to the POSIX
    epoch); each block also sees the `overlap_hours` before it (default: the cluster window),
    so every pair of articles close enough in time to share a story meets in at least one
    block. A week by default: each article is clustered 1 + overlap/block = 1.43 times (a day
    would cost 4 times), and a block is large enough that the story index's share-based
    limits (`max_posting_share`, IDF) behave as in one big index. Shorter blocks give more
    parallel tasks.
    block_articles: consecutive time blocks are joined until each block holds this many
    articles (`stages.block_starts`), so a sparse archive is not cut into blocks of a few
    dozen; 0 keeps every time block apart.
    """

    minhash: MinHashConfig = field(default_factory=MinHashConfig)
    lsh: LSHConfig = field(default_factory=LSHConfig)
    threshold: float = 0.5
    cluster: ClusterConfig = DEFAULT_CONFIG
    block_hours: float = 168.0
    block_articles: int = 5000
    overlap_hours: float | None = None
    # the user's settings (`tz`), taken where the run is set up: a Spark executor on another
    # machine does not see the driver's NEWSMOA_TZ, and its results must equal this machine's
    extract: ExtractConfig = field(default_factory=ExtractConfig.from_settings)

    def __post_init__(self) -> None:
        # at least a minute: blocks of less would number billions over an archive's years
        if not 1 / 60 <= self.block_hours <= MAX_HOURS:
            raise ValueError(
                f"block_hours must be a number of hours from 1/60 to {MAX_HOURS}, "
                f"got {self.block_hours}"
            )
        if self.overlap_hours is not None and not 0 <= self.overlap_hours <= MAX_HOURS:
            raise ValueError(
                f"overlap_hours must be a number of hours from 0 to {MAX_HOURS}, "
                f"got {self.overlap_hours}"
            )
        if self.block_articles < 0:
            raise ValueError(f"block_articles must be 0 or more, got {self.block_articles}")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {self.threshold}")

    @property
    def overlap_s(self) -> float:
        hours = self.cluster.window_hours if self.overlap_hours is None else self.overlap_hours
        return hours * 3600.0

    @property
    def block_s(self) -> float:
        return self.block_hours * 3600.0


DEFAULT_BACKFILL = BackfillConfig()
