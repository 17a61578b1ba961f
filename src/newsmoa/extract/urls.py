"""What names a report on the web: its URL without the parts that do not name the article.

An article given with a URL and no id is known by its URL. The same report shared on
social media, read on a phone or opened from a newsletter comes under other URLs: tracking
parameters (`utm_source`, `fbclid`), the site's mobile host (`m.`), `http` for `https`, the
query's parameters in another order, a `#fragment`. Counted as they come, one placement was
three (a black-box test). `url_key` is the URL such an article is known by; what it drops
is a table (`data/url_noise.tsv`). An article stored before keyed by the URL as it came
(one with tracking parameters) is still found by that URL (`stored_url_ids`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsmoa.extract.tables import url_noise
from newsmoa.types import Article


def is_web_url(ref: str) -> bool:
    """Whether `ref` is an http(s) address (not a path, a `urn:` or a `javascript:`)."""
    return ref.lower().startswith(("http://", "https://"))


def url_key(url: str) -> str:
    """`url` as the article it names: https, the host lower-cased without a mobile or
    "www" prefix or a default port, the query without tracking parameters and in order,
    no fragment but one that routes the page. A URL that is not http(s), or that cannot be
    read as one, as it is."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return url
    params, prefixes, hosts = url_noise()
    host = parts.hostname.lower()
    for prefix in hosts:
        if host.startswith(prefix) and "." in host[len(prefix) :]:
            host = host[len(prefix) :]
            break
    if port is not None and port not in (80, 443):
        host = f"{host}:{port}"
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name.lower() not in params and not name.lower().startswith(prefixes)
    )
    fragment = parts.fragment if _ROUTE.match(parts.fragment) else ""
    return urlunsplit(("https", host, parts.path or "/", urlencode(query), fragment))


# A fragment that routes a page in the browser ("#!/view/1001", "#/news/1", "#id=7") names
# the article; another is a place on the page ("#comments") and is left out.
_ROUTE = re.compile(r"[!/]|.*[/=]")


def url_keyed(a: Article) -> bool:
    """Whether `a`'s id is its URL's key: it was given with a URL and no id (`extract`)."""
    return a.url is not None and a.id == url_key(a.url)


def given_urls(articles: Sequence[Article]) -> dict[int, str]:
    """Position -> the URL as it came, of each URL-keyed article whose id spells it
    otherwise (the id it may be stored under, from before URLs were keyed)."""
    return {i: a.url for i, a in enumerate(articles) if a.url and a.url != a.id and url_keyed(a)}


def stored_url_ids(
    articles: Sequence[Article], given: Mapping[int, str], stored: Collection[str]
) -> list[str]:
    """The id of each of `articles`: a URL-keyed one whose key is not stored but whose URL,
    as it came (`given`), is (the id articles were stored under before URLs were keyed) is
    that article; any other keeps its id. `stored`: which of the ids and URLs are stored."""
    return [
        came if (came := given.get(i)) and a.id not in stored and came in stored else a.id
        for i, a in enumerate(articles)
    ]
