"""Accounts: first-run admin, sign-in, creating and editing users, changing passwords.

Passwords are hashed with argon2id (argon2-cffi). Only admins manage other accounts; anyone may
change their own password given the current one. What else is locked by a login password (the
signing keys) subscribes with ``when_own_password_changes``: the context wires the certificate
service there, so accounts need not know about certificates.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import timedelta

import pydantic
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from inspector.domain.changes import ChangeSet, Entity
from inspector.domain.errors import (
    AuthenticationFailed, Conflict, NotFound, PermissionDenied, SignInWait, StorageProblem, ValidationError,
)
from inspector.domain.users import (
    LOCKOUT_AFTER, LOCKOUT_MINUTES, NewUser, Permission, Role, User, check_password_strength, require,
    sign_in_wait_seconds,
)
from inspector.domain.text import check_name
from inspector.services.base import ServiceContext
from inspector.storage import sign_in_failures_repo, users_repo

# Argon2id at OWASP's first listed configuration (Password Storage Cheat Sheet: m=19 MiB, t=2,
# p=1 — of equal strength to the others it lists). argon2-cffi's default (64 MiB, t=3, p=4)
# took 0.15–0.8 s per sign-in on these machines: every CLI command and every sign-in paid it
# (#11: a listing command is to stay within 2× a bare import). Hashes made with other
# parameters are re-made with these at the next successful sign-in (``check_needs_rehash``).
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

# (user, old password, new password), called inside the password change's transaction.
PasswordListener = Callable[[User, str, str], None]


def _validation_from(error: pydantic.ValidationError) -> ValidationError:
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"])
    message = str(first.get("ctx", {}).get("error", first["msg"]))
    return ValidationError(message if message.isidentifier() else "invalid_value", field=field)


class UserService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self._password_listeners: list[PasswordListener] = []

    def when_own_password_changes(self, listener: PasswordListener) -> None:
        """Call ``listener(user, old, new)`` in the transaction of a user's change of their own
        password (an administrator's reset does not know the old password and calls nobody)."""
        self._password_listeners.append(listener)

    # --- reading -------------------------------------------------------------------------
    def needs_first_admin(self) -> bool:
        return users_repo.count(self.ctx.db) == 0

    def get(self, user_id: int) -> User:
        user = users_repo.get(self.ctx.db, user_id)
        if user is None:
            raise NotFound(entity="user", key=str(user_id))
        return user

    def by_username(self, username: str) -> User:
        user = users_repo.by_username(self.ctx.db, username)
        if user is None:
            raise NotFound(entity="user", key=username)
        return user

    def list(self, actor: User) -> list[User]:
        if actor.can(Permission.MANAGE_USERS):
            return users_repo.list_all(self.ctx.db)
        return users_repo.list_all(self.ctx.db, include_inactive=False)

    def sole_admin(self) -> User | None:
        """The data folder's only active admin, the CLI's default actor."""
        admins = users_repo.active_admins(self.ctx.db)
        return admins[0] if len(admins) == 1 else None

    # --- sign-in ---------------------------------------------------------------------------
    def authenticate(self, username: str, password: str) -> User:
        """The account of ``username`` if ``password`` is its password.

        Wrong passwords in a row for a name (known or not) slow the next try down
        (``sign_in_wait_seconds``): while the wait runs, ``SignInWait`` is raised without checking
        the password. Each wrong password is audited, and so is the lockout after
        ``LOCKOUT_AFTER`` in a row; a right one clears the count."""
        name = username.strip()
        now = self.ctx.clock()
        waiting = sign_in_failures_repo.get(self.ctx.db, name)
        if waiting is not None and waiting.wait_until > now:
            raise SignInWait(user=name, seconds=max(1, math.ceil((waiting.wait_until - now).total_seconds())))
        user = users_repo.by_username(self.ctx.db, name)
        stored = users_repo.password_hash(self.ctx.db, user.id) if user else None
        try:
            if user is None or stored is None or not user.active:
                raise AuthenticationFailed(user=username)
            try:
                _HASHER.verify(stored, password)
            except (VerificationError, InvalidHashError):
                raise AuthenticationFailed(user=username) from None
        except AuthenticationFailed:
            self._count_failure(name, user, waiting)
            raise
        rehash = _HASHER.check_needs_rehash(stored)
        if waiting is not None or rehash:
            with self.ctx.mutation():
                if waiting is not None:
                    sign_in_failures_repo.clear(self.ctx.db, name)
                if rehash:
                    users_repo.set_password_hash(self.ctx.db, user.id, _HASHER.hash(password))
        return user

    def _count_failure(self, name: str, user: User | None, before: sign_in_failures_repo.Failures | None) -> None:
        """One more wrong password for ``name``, audited; a data folder that cannot be written to
        (read-only, full) still refuses the sign-in — only the count is lost."""
        now = self.ctx.clock()
        failures = (before.failures if before is not None else 0) + 1
        wait = sign_in_wait_seconds(failures)
        try:
            with self.ctx.mutation():
                sign_in_failures_repo.put(self.ctx.db, sign_in_failures_repo.Failures(
                    username=name, failures=failures, last_at=now, wait_until=now + timedelta(seconds=wait)))
                entity_id = user.id if user is not None else None
                self.ctx.record(None, "user.sign_in_failed", Entity.USER, entity_id,
                                after={"username": name[:100], "failures": failures, "wait_seconds": wait})
                if failures == LOCKOUT_AFTER:
                    self.ctx.record(None, "user.locked_out", Entity.USER, entity_id,
                                    after={"username": name[:100], "minutes": LOCKOUT_MINUTES})
        except StorageProblem:
            pass

    # --- writing ---------------------------------------------------------------------------
    def create_first_admin(self, username: str, display_name: str, password: str) -> tuple[User, ChangeSet]:
        """Only on an empty data folder: the account everything else is created from."""
        if not self.needs_first_admin():
            raise Conflict("admin_exists")
        return self._insert(None, username, display_name, Role.ADMIN, password, None)

    def create(
        self, actor: User, *, username: str, display_name: str, role: Role, password: str,
        unit_id: int | None = None,
    ) -> tuple[User, ChangeSet]:
        require(actor, Permission.MANAGE_USERS)
        return self._insert(actor, username, display_name, role, password, unit_id)

    def _insert(
        self, actor: User | None, username: str, display_name: str, role: Role, password: str,
        unit_id: int | None,
    ) -> tuple[User, ChangeSet]:
        try:
            data = NewUser(username=username, display_name=display_name, role=role, password=password,
                           unit_id=unit_id)
        except pydantic.ValidationError as error:
            raise _validation_from(error) from None
        check_password_strength(password)
        if users_repo.by_username(self.ctx.db, data.username):
            raise Conflict("username_taken", username=data.username)
        with self.ctx.mutation():
            user_id = users_repo.insert(
                self.ctx.db, username=data.username, display_name=data.display_name, role=data.role,
                password_hash=_HASHER.hash(password), unit_id=data.unit_id, created_at=self.ctx.now_text(),
            )
            after = {"username": data.username, "role": data.role.value}
            self.ctx.record(actor, "user.create", Entity.USER, user_id, after=after)
        return self.get(user_id), ChangeSet.of(Entity.USER, user_id)

    def update(
        self, actor: User, user_id: int, *, display_name: str, role: Role, active: bool,
        unit_id: int | None = None,
    ) -> tuple[User, ChangeSet]:
        require(actor, Permission.MANAGE_USERS)
        before = self.get(user_id)
        if not display_name.strip():
            raise ValidationError("display_name_empty", field="display_name")
        check_name(display_name.strip(), "display_name")
        losing_admin = before.role is Role.ADMIN and before.active and (role is not Role.ADMIN or not active)
        if losing_admin and len(users_repo.active_admins(self.ctx.db)) <= 1:
            raise Conflict("last_admin", username=before.username)
        with self.ctx.mutation():
            users_repo.update(self.ctx.db, user_id, display_name=display_name.strip(), role=role,
                              active=active, unit_id=unit_id)
            self.ctx.record(
                actor, "user.update", Entity.USER, user_id,
                before={"role": before.role.value, "active": before.active},
                after={"role": role.value, "active": active},
            )
        return self.get(user_id), ChangeSet.of(Entity.USER, user_id)

    def change_password(
        self, actor: User, user_id: int, new_password: str, *, current_password: str | None = None
    ) -> ChangeSet:
        target = self.get(user_id)
        if actor.id == target.id:
            self.authenticate(target.username, current_password or "")
        elif not actor.can(Permission.MANAGE_USERS):
            raise PermissionDenied(permission=Permission.MANAGE_USERS.value, role=actor.role.value,
                                   user=actor.username)
        check_password_strength(new_password)
        with self.ctx.mutation():
            users_repo.set_password_hash(self.ctx.db, user_id, _HASHER.hash(new_password))
            sign_in_failures_repo.clear(self.ctx.db, target.username)  # a new password: a fresh start
            self.ctx.record(actor, "user.password", Entity.USER, user_id)
            if actor.id == target.id:
                for listener in self._password_listeners:
                    listener(target, current_password or "", new_password)
        return ChangeSet.of(Entity.USER, user_id)
