"""Issue #12 point 15: ten wrong passwords in a row used to get no delay, no lockout and no audit
entry. Now a name (known or not) gets three free tries, then a wait that doubles with each wrong
password (5 s, 10 s, 20 s …), a 15-minute lockout after ten in a row, an audit entry for every
wrong password and one for the lockout; while the wait runs even the right password is not
checked. A right password, or a new one set by an admin, starts the count afresh."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from inspector.context import AppContext
from inspector.domain.errors import AuthenticationFailed, SignInWait
from inspector.domain.users import LOCKOUT_AFTER, Role, User, sign_in_wait_seconds
from inspector.words.messages import describe
from tests.conftest import PASSWORD


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 7, 9, 0, tzinfo=timezone(timedelta(hours=8)))

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(context: AppContext) -> Clock:
    clock = Clock()
    context.services.clock = clock
    return clock


def _audit(context: AppContext) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in context.db.execute(
        "SELECT action, after FROM audit_log WHERE action LIKE 'user.%' AND action != 'user.create'"
        " ORDER BY id").fetchall()]


def test_the_wait_doubles_after_three_free_tries_and_ten_lock_for_fifteen_minutes() -> None:
    assert [sign_in_wait_seconds(n) for n in range(1, 11)] == [0, 0, 5, 10, 20, 40, 80, 160, 320, 900]


def test_wrong_passwords_slow_the_next_try_and_are_audited(
    context: AppContext, users: dict[Role, User], clock: Clock,
) -> None:
    name = users[Role.SUPERVISOR].username
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            context.users.authenticate(name, "guess")
    with pytest.raises(SignInWait) as waiting:  # the right password, but the wait is not over
        context.users.authenticate(name, PASSWORD)
    assert waiting.value.params == {"user": name, "seconds": 5}
    assert describe(waiting.value) == f'Too many wrong passwords for "{name}" in a row: wait 5 s before trying again.'
    clock.now += timedelta(seconds=3)
    with pytest.raises(SignInWait) as waiting:
        context.users.authenticate(name, PASSWORD)
    assert waiting.value.params["seconds"] == 2
    clock.now += timedelta(seconds=2)
    assert context.users.authenticate(name, PASSWORD).username == name
    failed = [after for action, after in _audit(context) if action == "user.sign_in_failed"]
    assert len(failed) == 3 and '"failures":3' in failed[-1] and '"wait_seconds":5' in failed[-1]
    # the right password started the count afresh: three free tries again
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            context.users.authenticate(name, "guess")


def test_ten_in_a_row_lock_the_name_and_the_lockout_is_audited(
    context: AppContext, users: dict[Role, User], admin: User, clock: Clock,
) -> None:
    name = users[Role.SUPERVISOR].username
    for attempt in range(1, LOCKOUT_AFTER + 1):
        with pytest.raises(AuthenticationFailed):
            context.users.authenticate(name, f"guess-{attempt}")
        clock.now += timedelta(seconds=sign_in_wait_seconds(attempt))  # the attacker waits each time
    clock.now -= timedelta(seconds=sign_in_wait_seconds(LOCKOUT_AFTER))
    with pytest.raises(SignInWait) as waiting:
        context.users.authenticate(name, PASSWORD)
    assert waiting.value.params["seconds"] == 15 * 60
    actions = [action for action, _ in _audit(context)]
    assert actions.count("user.sign_in_failed") == LOCKOUT_AFTER and actions.count("user.locked_out") == 1
    # an admin setting a new password lifts the lockout at once
    context.users.change_password(admin, users[Role.SUPERVISOR].id, "a-new-long-password")
    assert context.users.authenticate(name, "a-new-long-password").username == name


def test_an_unknown_name_is_slowed_down_just_like_a_real_one(context: AppContext, admin: User, clock: Clock) -> None:
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            context.users.authenticate("nosuchuser", "guess")
    with pytest.raises(SignInWait):
        context.users.authenticate("nosuchuser", "guess")
    # another name is not affected
    assert context.users.authenticate("admin", PASSWORD).username == "admin"
