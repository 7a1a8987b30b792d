"""Opening a connection to the hub: a DSN (``postgresql://role@host:port/db`` or ``key=value``
words) and the role's password kept apart from it, so the DSN can be stored and shown while the
password stays in the keyring. psycopg is imported here, when a hub is used, never at start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from inspector.domain.errors import InspectorError

if TYPE_CHECKING:
    import psycopg

CONNECT_TIMEOUT = 10  # seconds: an office server out of reach is said so quickly


def split_dsn(dsn: str) -> tuple[str, str | None]:
    """``dsn`` without its password, and the password it carried (None when it had none)."""
    from psycopg import conninfo

    try:
        words = conninfo.conninfo_to_dict(dsn.strip())
    except Exception as error:  # psycopg.ProgrammingError: an unparsable DSN
        raise InspectorError("hub_dsn_invalid", dsn=_shown(dsn), reason=_first_line(error)) from None
    password = words.pop("password", None)
    if not words.get("host") or not words.get("dbname") or not words.get("user"):
        raise InspectorError("hub_dsn_invalid", dsn=_shown(dsn),
                             reason="it must name the host, the database and the role (user)")
    return conninfo.make_conninfo(**{key: str(value) for key, value in words.items()}), (
        None if password is None else str(password))


def dsn_part(dsn: str, name: str) -> str:
    from psycopg import conninfo

    return str(conninfo.conninfo_to_dict(dsn).get(name) or "")


def with_user(dsn: str, user: str) -> str:
    """``dsn`` naming another role (the same host, port and database)."""
    from psycopg import conninfo

    words = conninfo.conninfo_to_dict(dsn)
    words.pop("password", None)
    words["user"] = user
    return conninfo.make_conninfo(**{key: str(value) for key, value in words.items()})


def connect(dsn: str, password: str | None) -> psycopg.Connection[Any]:
    """An autocommit connection (each method of the hub opens its own transactions), or
    ``hub_unreachable`` naming the server and why."""
    import psycopg

    try:
        return psycopg.connect(dsn, password=password, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                               application_name="inspector")
    except psycopg.OperationalError as error:
        reason = _first_line(error)
        if "password authentication failed" in reason:
            raise InspectorError("hub_password_refused", dsn=_shown(dsn)) from None
        raise InspectorError("hub_unreachable", dsn=_shown(dsn), reason=reason) from None


def _shown(dsn: str) -> str:
    try:
        return split_dsn_quiet(dsn)
    except Exception:
        return "(unreadable)"


def split_dsn_quiet(dsn: str) -> str:
    from psycopg import conninfo

    words = conninfo.conninfo_to_dict(dsn)
    words.pop("password", None)
    return f"{words.get('user', '?')}@{words.get('host', '?')}:{words.get('port', 5432)}/{words.get('dbname', '?')}"


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


def lost(error: BaseException) -> InspectorError:
    """A connection lost or refused mid-way (the server stopped, the network gone)."""
    return InspectorError("hub_connection_lost", reason=_first_line(error))
