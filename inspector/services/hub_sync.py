"""The office hub (#15): set it up, give each device its own role, connect a data folder to it,
sync (push, then pull) and tell how things stand.

The hub carries the exchange files' records (same ids, same ownership, same codecs): a laptop
still joins the organisation with the office's exchange file for its user (its account and
signing key travel only that way); from then on ``sync`` replaces carrying files whenever the
office server can be reached, and the laptop records as before when it cannot. The password of
the device's role is kept in the keyring (``inspector.hub.keyring_store``), never in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from inspector.domain.errors import InspectorError, NotFound
from inspector.domain.users import Permission, User, require
from inspector.hub.keyring_store import HubPasswords
from inspector.services.base import ServiceContext
from inspector.storage import hub_repo, users_repo

if TYPE_CHECKING:
    from inspector.hub.transport import HubSession
    from inspector.services.exchange import DeviceInfo, ExchangeService


@dataclass(frozen=True)
class HubInit:
    schema_before: int
    schema_after: int
    role: str
    dsn: str
    password_kept: str  # "keyring" or the environment variable's name

    def as_json(self) -> dict[str, Any]:
        return {"schema": {"before": self.schema_before, "after": self.schema_after}, "role": self.role,
                "dsn": self.dsn, "password": self.password_kept}


@dataclass(frozen=True)
class NewDevice:
    name: str
    user: str
    role: str
    dsn: str  # with the password: what the laptop's `hub connect` needs, shown once

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "user": self.user, "role": self.role, "dsn": self.dsn}


@dataclass
class SyncResult:
    pushed: Any
    pulled: Any
    at: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"pushed": self.pushed.as_json(), "pulled": self.pulled.as_json(), "at": self.at}


@dataclass
class HubStatus:
    configured: bool
    dsn: str | None = None
    role: str | None = None
    reachable: bool = False
    reason: str | None = None
    last_sync_at: str | None = None
    waiting: int = 0  # records of this device the hub does not hold yet
    to_pull: int | None = None  # records on the hub this device has not pulled (when reachable)
    devices: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"configured": self.configured, "dsn": self.dsn, "role": self.role, "reachable": self.reachable,
                "reason": self.reason, "last_sync_at": self.last_sync_at, "records_waiting": self.waiting,
                "records_to_pull": self.to_pull, "devices": self.devices, "conflicts": self.conflicts}


class HubService:
    def __init__(self, ctx: ServiceContext, exchange: Callable[[], ExchangeService],
                 passwords: HubPasswords | None = None) -> None:
        """``exchange`` gives the exchange service when first needed: the status line of a folder
        with no hub (every start of the app) reads one row and builds none of it."""
        self.ctx = ctx
        self._exchange = exchange
        self.passwords = passwords or HubPasswords()

    @property
    def exchange(self) -> ExchangeService:
        return self._exchange()

    # --- the office: the hub itself and its devices -----------------------------------------
    def init(self, actor: User, admin_dsn: str, admin_password: str | None = None) -> HubInit:
        """Create or migrate the hub's schema with an administrator's DSN; this office device
        gets its own role (which may add devices) unless it has one on this hub."""
        from inspector.hub import connection
        from inspector.hub.admin import HubAdmin

        import psycopg

        require(actor, Permission.EDIT_SETTINGS)
        device = self._side("office")
        clean, password = connection.split_dsn(admin_dsn)
        conn = connection.connect(clean, password or admin_password)
        try:
            return self._init(actor, conn, device, clean)
        except psycopg.errors.InsufficientPrivilege as error:
            raise InspectorError("hub_not_admin", reason=str(error).splitlines()[0]) from None
        except psycopg.Error as error:
            raise connection.lost(error) from None
        finally:
            conn.close()

    def _init(self, actor: User, conn: Any, device: DeviceInfo, clean: str) -> HubInit:
        from inspector.hub import connection
        from inspector.hub.admin import HubAdmin

        admin = HubAdmin(conn)
        before, after = admin.migrate()
        admin.set_organisation(str(device.organisation_id), str(device.organisation_name), device.device_id)
        link = hub_repo.link(self.ctx.db)
        same_hub = link is not None and _same_hub(link.dsn, clean)
        if link is not None and same_hub:
            role, kept = link.role, "keyring"
        else:
            new = admin.add_role(name=device.name, side="office", username=actor.username,
                                 device_id=device.device_id, may_add_devices=True)
            role = new.role
            kept = self.passwords.store(role, new.password)
            link = hub_repo.HubLink(dsn=connection.with_user(clean, role), role=role,
                                    organisation_id=str(device.organisation_id))
            with self.ctx.mutation():
                hub_repo.forget_sent(self.ctx.db)
                hub_repo.save_link(self.ctx.db, link)
                self.ctx.record(actor, "hub.init", "hub", None,
                                after={"dsn": link.dsn, "role": role, "schema": after})
        return HubInit(before, after, role, link.dsn, kept)

    def add_device(self, actor: User, name: str, username: str) -> NewDevice:
        """A login role of its own for ``username``'s laptop; the DSN to give that laptop."""
        from psycopg import conninfo

        from inspector.hub.admin import HubAdmin

        require(actor, Permission.EDIT_SETTINGS)
        self._side("office")
        clean_name = " ".join(str(name).split())
        if not clean_name or len(clean_name) > 64:
            raise InspectorError("device_name_invalid", limit=64)
        user = users_repo.by_username(self.ctx.db, username.strip())
        if user is None:
            raise NotFound(entity="user", key=username)
        import psycopg

        from inspector.hub.connection import lost

        session, link = self._open()
        try:
            admin = HubAdmin(session.conn)
            if clean_name in admin.device_names():
                raise InspectorError("hub_device_exists", name=clean_name)
            new = admin.add_role(name=clean_name, side="laptop", username=user.username)
        except psycopg.errors.InsufficientPrivilege as error:
            raise InspectorError("hub_not_admin", reason=str(error).splitlines()[0]) from None
        except psycopg.Error as error:
            raise lost(error) from None
        finally:
            session.close()
        words = conninfo.conninfo_to_dict(link.dsn)
        words.update(user=new.role, password=new.password)
        with self.ctx.mutation():
            self.ctx.record(actor, "hub.add_device", "hub", None,
                            after={"name": clean_name, "user": user.username, "role": new.role})
        return NewDevice(clean_name, user.username, new.role, conninfo.make_conninfo(**words))

    # --- any device -------------------------------------------------------------------------
    def probe(self, dsn: str, password: str | None = None) -> str:
        """Test a DSN without keeping anything: the hub's organisation must be this one; returns
        the hub's organisation name (Settings → 办公室服务器 → 测试连接)."""
        from inspector.hub import connection
        from inspector.hub.transport import HubSession

        device = self.exchange.device()
        if device.side == "unjoined":
            raise InspectorError("exchange_not_joined")
        clean, in_dsn = connection.split_dsn(dsn)
        session = HubSession(connection.connect(clean, in_dsn or password))
        try:
            return self._check_hub(session, device)[1]
        finally:
            session.close()

    def local_status(self) -> HubStatus:
        """What this data folder knows without asking the hub: configured, last sync, records waiting."""
        link = hub_repo.link(self.ctx.db)
        if link is None:
            return HubStatus(configured=False)
        from inspector.services.hub_push import Pusher

        device = self.exchange.device()
        office = device.side == "office"
        waiting = Pusher(self.ctx, None, device.device_id, office=office,  # type: ignore[arg-type]
                         own_user=None if office else device.joined_user).waiting()
        return HubStatus(True, link.dsn, link.role, last_sync_at=link.last_sync_at, waiting=waiting)

    def connect(self, actor: User, dsn: str, password: str | None = None) -> hub_repo.HubLink:
        """Keep the hub's DSN (without its password) and the password in the keyring, once the
        hub has accepted this device: the same organisation, this role for this device and user."""
        from inspector.hub import connection
        from inspector.hub.transport import HubSession

        device = self.exchange.device()
        if device.side == "unjoined":
            raise InspectorError("exchange_not_joined")
        clean, in_dsn = connection.split_dsn(dsn)
        secret = in_dsn or password
        import psycopg

        session = HubSession(connection.connect(clean, secret))
        try:
            self._check_hub(session, device)
            owner = session.claim(device.device_id, device.name)
            if device.side == "laptop" and owner != device.joined_user:
                raise InspectorError("hub_other_user", role=connection.dsn_part(clean, "user"), user=owner or "-",
                                     joined=device.joined_user or "-")
        except psycopg.Error as error:
            raise connection.lost(error) from None
        finally:
            session.close()
        role = connection.dsn_part(clean, "user")
        if secret:
            self.passwords.store(role, secret)
        old = hub_repo.link(self.ctx.db)
        same = old is not None and _same_hub(old.dsn, clean)
        link = hub_repo.HubLink(dsn=clean, role=role, organisation_id=str(device.organisation_id),
                                cursor=old.cursor if same and old is not None else 0,
                                last_sync_at=old.last_sync_at if same and old is not None else None)
        with self.ctx.mutation():
            if not same:
                hub_repo.forget_sent(self.ctx.db)  # a new hub holds nothing of ours yet
            hub_repo.save_link(self.ctx.db, link)
            self.ctx.record(actor, "hub.connect", "hub", None, after={"dsn": clean, "role": role})
        return link

    def sync(self, actor: User) -> SyncResult:
        """Push what this device owns and the hub lacks, then pull what it may see."""
        import psycopg

        from inspector.hub.connection import lost
        from inspector.services.hub_pull import Puller
        from inspector.services.hub_push import Pusher

        device = self.exchange.device()
        session, link = self._open()
        try:
            hub = self._check_hub(session, device)
            office = device.side == "office"
            own_user = None if office else device.joined_user
            pushed = Pusher(self.ctx, session, device.device_id, office=office, own_user=own_user).run()
            puller = Puller(self.ctx, session, device.device_id, office=office, office_device=hub[2],
                            arrival=self.exchange.record_arrival)
            pulled = puller.run(actor, link)
            at = self.ctx.now_text()
            session.synced(sum(pushed.sent.values()), sum(pulled.received.values()))
            with self.ctx.mutation():
                current = hub_repo.link(self.ctx.db) or link
                hub_repo.save_link(self.ctx.db, replace(current, last_sync_at=at,
                                                        last_pushed=sum(pushed.sent.values()),
                                                        last_pulled=sum(pulled.received.values())))
                self.ctx.record(actor, "hub.sync", "hub", None, after={
                    "pushed": pushed.sent, "pulled": dict(pulled.received), "conflicts":
                    len(pushed.conflicts) + len(pulled.conflicts), "cursor": pulled.cursor})
            return SyncResult(pushed, pulled, at)
        except psycopg.Error as error:
            raise lost(error) from None
        finally:
            session.close()

    def status(self) -> HubStatus:
        import psycopg

        status = self.local_status()
        link = hub_repo.link(self.ctx.db)
        if link is None:
            return status
        device = self.exchange.device()
        try:
            session, _ = self._open()
        except InspectorError as error:
            from inspector.words.messages import describe

            status.reason = describe(error)
            return status
        try:
            status.reachable = True
            status.to_pull = session.waiting_for(link.cursor, device.device_id)
            status.devices = [row.as_json() for row in session.devices()]
            status.conflicts = [conflict.as_json() for conflict in session.conflicts()]
        except psycopg.Error as error:
            status.reachable, status.reason = False, str(error).splitlines()[0]
        finally:
            session.close()
        return status

    def link(self) -> hub_repo.HubLink | None:
        return hub_repo.link(self.ctx.db)

    # --- helpers ----------------------------------------------------------------------------
    def _side(self, side: str) -> DeviceInfo:
        device = self.exchange.device()
        if device.side != side:
            raise InspectorError("hub_init_is_office" if side == "office" else "exchange_not_joined")
        return device

    def _open(self) -> tuple[HubSession, hub_repo.HubLink]:
        from inspector.hub import connection
        from inspector.hub.transport import HubSession

        link = hub_repo.link(self.ctx.db)
        if link is None:
            raise InspectorError("hub_not_configured")
        return HubSession(connection.connect(link.dsn, self.passwords.load(link.role))), link

    @staticmethod
    def _check_hub(session: HubSession, device: DeviceInfo) -> tuple[str, str, str]:
        from inspector.hub.schema import HUB_SCHEMA

        version = session.schema_version()
        if version > HUB_SCHEMA:
            raise InspectorError("hub_schema_newer", found=version, known=HUB_SCHEMA)
        hub = session.organisation() if version else None
        if hub is None:
            raise InspectorError("hub_not_initialised")
        if hub[0] != device.organisation_id:
            raise InspectorError("hub_other_organisation", organisation=hub[1])
        return hub


def _same_hub(first: str, second: str) -> bool:
    """The same server and database, whichever role."""
    from inspector.hub import connection

    return connection.with_user(first, "-") == connection.with_user(second, "-")
