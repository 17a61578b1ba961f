"""How precisely `newsmoa search` finds a Korean noun that ends like a particle (고양이,
어린이, 을지로), and how long it takes on a large store.

The store holds invented articles of a few topics that share a stem (a cat shelter with
`고양이`, 고양시's fair at `고양 킨텍스`, a children's day with `어린이`, a tree planting with
`어린 나무`, a road `을지로`, 을지대학교, a county 청솔군 with 은/의/이…), `copies` of each,
and, with `--filler`, that many generated articles (`bench.corpus.generate_rows`) around them.
For each query: the articles found, how many of them are of the topics the query means
(precision), how many of those articles it found (recall), and the median time.

    python -m bench.search_nouns                 # ~100 articles: precision
    python -m bench.search_nouns --filler 20000  # the time on a large store
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.table import print_aligned

# topic -> sentences (every article of the topic is some of them)
TOPICS: dict[str, tuple[str, ...]] = {
    "cat": (
        "청솔동물보호센터는 길고양이 중성화 사업을 올해 두 배로 늘린다.",
        "센터는 고양이를 입양하는 주민에게 사료를 준다.",
        "고양이가 늘어난 골목에는 급식소 20곳을 둔다.",
        "봉사자들은 고양이의 건강을 매달 살핀다.",
        "고양이 200마리가 새 가족을 찾았다.",
    ),
    "city": (
        "고양시는 고양 킨텍스에서 드론 박람회를 연다.",
        "고양을 찾은 관람객은 지난해보다 30% 늘었다.",
        "고양의 산업단지에는 드론 기업 40곳이 입주했다.",
        "박람회는 고양에서 사흘 동안 열린다.",
    ),
    "child": (
        "한결구는 어린이날을 맞아 군민광장에서 잔치를 연다.",
        "어린이들은 전통놀이를 체험한다.",
        "구는 어린이를 위한 안전 교육도 마련했다.",
        "어린이가 다니는 길에는 안전요원을 둔다.",
    ),
    "young": (
        "한결구는 어린 나무 3천 그루를 하천변에 심었다.",
        "어린 학생들도 나무 심기에 참여했다.",
        "구 관계자는 어린 묘목이 뿌리를 내리도록 돌보겠다고 말했다.",
    ),
    "monkey": (
        "청솔동물원의 원숭이가 새끼를 낳았다.",
        "원숭이 가족은 다음 달부터 공개된다.",
    ),
    "road": (
        "을지로에서 인쇄소 120곳이 영업한다.",
        "구는 을지로의 골목을 정비한다.",
        "을지로 일대 상인들은 보행로 확장을 반겼다.",
    ),
    "school": (
        "을지대학교병원은 을지연습 기간 재난 훈련을 했다.",
        "을지대학교 학생들은 구조 훈련에 참여했다.",
    ),
    "county": (
        "청솔군은 수소산업단지에 4512억원을 들인다.",
        "청솔군의 인구는 5만 명이다.",
        "청솔군이 낸 계획은 도의회를 통과했다.",
        "청솔군으로부터 지원을 받은 기업은 30곳이다.",
        "청솔군에서는 설명회가 열렸다.",
    ),
}

# query -> the topics whose articles it means
QUERIES: dict[str, tuple[str, ...]] = {
    "고양이": ("cat",),
    "고양이를": ("cat",),
    "고양시": ("city",),
    "어린이": ("child",),
    "어린이를": ("child",),
    "원숭이": ("monkey",),
    "을지로": ("road",),
    "을지로에서": ("road",),
    "을지대학교": ("school",),
    "청솔군은": ("county",),
    "청솔군이": ("county",),
    "청솔군의": ("county",),
    "청솔군에서는": ("county",),
    "청솔군으로부터": ("county",),
}
OUTLETS = ("한빛일보", "새벽뉴스", "청솔신문", "남도타임즈")


def articles(copies: int) -> list[tuple[str, str, str, str]]:
    """(id, topic, title, text): `copies` articles a topic, each leaving out one sentence."""
    out = []
    for topic, sentences in TOPICS.items():
        for n in range(copies):
            left = [
                s for i, s in enumerate(sentences) if len(sentences) < 3 or i != n % len(sentences)
            ]
            out.append((f"{topic}{n}", topic, "", " ".join(left)))
    return out


def build(path: Path, copies: int, filler: int) -> tuple[Any, dict[str, str]]:
    from newsmoa.store import StoredArticle, open_store
    from newsmoa.types import Article

    store = open_store(str(path))
    day = datetime(2024, 3, 1, tzinfo=UTC)
    topic_of: dict[str, str] = {}
    batch, stories = [], {}
    for n, (aid, topic, title, text) in enumerate(articles(copies)):
        article = Article(
            id=aid, text=text, title=title, outlet=OUTLETS[n % len(OUTLETS)],
            published=day + timedelta(hours=n),
        )  # fmt: skip
        batch.append(StoredArticle(article=article, story=aid, features=b""))
        stories[aid] = article.published
        topic_of[aid] = topic
    if filler:
        from bench.corpus import generate_rows

        for n, r in enumerate(generate_rows(filler, 20240612)):
            article = Article(
                id=f"g{n}", text=r["text"], title=r["title"], outlet=r["outlet"],
                published=r["published"],
            )  # fmt: skip
            batch.append(StoredArticle(article=article, story=f"g{n}", features=b""))
            stories[f"g{n}"] = r["published"]
    for i in range(0, len(batch), 5_000):
        store.save_articles(batch[i : i + 5_000])
    store.save_story_summaries(
        [
            {"id": s, "title": s, "outlets": [], "article_count": 1,
             "first_published": t.isoformat()}
            for s, t in stories.items()
        ]
    )  # fmt: skip
    return store, topic_of


def run(copies: int, filler: int, runs: int) -> list[dict[str, Any]]:
    from newsmoa.store.search import query

    out = []
    with tempfile.TemporaryDirectory() as folder:
        store, topic_of = build(Path(folder) / "nouns.db", copies, filler)
        for typed, meant in QUERIES.items():
            asked = query(typed)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                found = store.search(asked)
                times.append(time.perf_counter() - started)
            ids = [r["id"] for r in found]
            right = [i for i in ids if topic_of.get(i) in meant]
            wanted = [i for i, t in topic_of.items() if t in meant]
            out.append(
                {
                    "query": typed,
                    "found": len(ids),
                    "precision": f"{len(right) / len(ids):.2f}" if ids else "-",
                    "recall": f"{len(right) / len(wanted):.2f}",
                    "ms": f"{1000 * statistics.median(times):.1f}",
                    "wrong": " ".join(
                        sorted({topic_of.get(i, "filler") for i in ids} - set(meant))
                    ),
                }
            )
        store.close()
    head = list(out[0])
    print_aligned(head, [[str(r[k]) for k in head] for r in out])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.search_nouns", description=__doc__)
    parser.add_argument("--copies", type=int, default=12, help="articles a topic")
    parser.add_argument("--filler", type=int, default=0, help="generated articles around them")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    run(args.copies, args.filler, args.runs)


if __name__ == "__main__":
    main()
