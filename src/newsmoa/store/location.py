"""What a store's name (`--db`, `NEWSMOA_DB`) names: a PostgreSQL server (a `postgresql://`
URL) or an SQLite file (any other path), and how a line shows it (without its password).

A name that is neither, but looks like one meant for a database (another URL scheme, libpq's
`key=value` connection string), is refused (`refusal`): taken for a path, it would have made
an SQLite file of that name in the working folder, and a read command would have answered
"no store".
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")
# libpq's connection string: "host=db.example port=5432 dbname=news user=news password=..."
_PAIR = r"\s*\w+\s*=\s*(?:'(?:[^'\\]|\\.)*'|\S*)\s*"
_CONNINFO_KEYS = frozenset(
    {"host", "hostaddr", "port", "dbname", "user", "password", "service", "sslmode"}
)
_PASSWORD_PAIR = re.compile(r"(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&#]*)")


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def refusal(url: str) -> str | None:
    """Why `url` names no store newsmoa can open (a path is an SQLite file's), or None."""
    if is_postgres(url):
        return None
    if scheme := _SCHEME.match(url):
        name = scheme.group(1).lower()
        hint = ""
        if name.startswith("sqlite"):
            path = url[scheme.end() :] or "newsmoa.db"
            hint = f" (an SQLite store is given by its file's path alone: {path})"
        return (
            f"{shown(url)}: not a store newsmoa opens: give an SQLite file's path or a"
            f" postgresql:// URL, not a {name}:// URL{hint}"
        )
    if is_conninfo(url):
        return (
            f"{shown(url)}: a PostgreSQL connection string in key=value form; give it as a URL"
            " instead: postgresql://USER:PASSWORD@HOST:PORT/DBNAME"
        )
    return None


def is_conninfo(url: str) -> bool:
    """Whether `url` is libpq's `key=value` connection string (every word a pair, one of
    them a connection key), not a file's path."""
    if not re.fullmatch(f"(?:{_PAIR})+", url):
        return False
    keys = {k.lower() for k in re.findall(r"(\w+)\s*=", url)}
    return bool(keys & _CONNINFO_KEYS)


def secrets(url: str) -> list[str]:
    """The passwords written in `url` (its user part, a `password=` pair), as written."""
    found = re.findall(r"^[A-Za-z][A-Za-z0-9+.-]*://[^:/@?#]*:([^@/?#]+)@", url)
    found += [value for _, value in _PASSWORD_PAIR.findall(url)]
    return [s for s in found if s.strip("'")]


def shown(url: str) -> str:
    """`url` as a line may show it: a password (in the URL's user part, its query, or a
    connection string) replaced by ***; a URL that does not parse is masked as text."""
    if not is_postgres(url) and not _SCHEME.match(url) and not is_conninfo(url):
        return url  # a file's path: shown as given
    masked = _PASSWORD_PAIR.sub(r"\1***", url)
    try:
        parts = urlsplit(masked)
        password = parts.password
    except ValueError:  # an unparseable netloc ("[::1:x"): mask user:password@ as text
        return re.sub(r"(://[^:/@]*:)[^@/]*@", r"\1***@", masked, count=1)
    if password is None:
        return masked
    netloc = parts.netloc.replace(f":{password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))
