"""One CLI invocation: the parsed arguments, the opened data folder and the acting user.

Acting user: ``--user``, else ``$INSPECTOR_USER``, else the data folder's only admin. Password:
``$INSPECTOR_PASSWORD``, else a prompt when stdin is a terminal, else an error (exit 2).

Opening the data folder makes the day's first backup (``AppContext.ensure_daily_backup``) unless the
command says ``daily_backup=False`` (``backup`` and ``restore`` do); a failed backup is a warning
on stderr, the command goes on.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from inspector.domain.errors import InspectorError, StorageProblem
from inspector.paths import resolve_data_dir

if TYPE_CHECKING:
    from inspector.context import AppContext
    from inspector.domain.users import User

ENV_USER = "INSPECTOR_USER"
ENV_PASSWORD = "INSPECTOR_PASSWORD"


class CliSession:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._context: AppContext | None = None
        self._actor: User | None = None

    @property
    def context(self) -> AppContext:
        if self._context is None:
            # Imported here: ``--help`` and ``verify`` never open a data folder and need no services.
            from inspector.context import open_context

            self._context = open_context(resolve_data_dir(self.args.data_dir))
            if getattr(self.args, "daily_backup", True):
                self._daily_backup(self._context)
        return self._context

    @staticmethod
    def _daily_backup(context: AppContext) -> None:
        """The day's first command backs the database up; a failure warns, the command goes on."""
        try:
            context.ensure_daily_backup()
        except StorageProblem:
            raise  # a damaged database or a full disk: the command cannot go on either
        except InspectorError as error:
            from inspector.words.messages import describe

            sys.stderr.write(f"warning: the daily backup was not made: {describe(error)}\n")
    def existing_context(self) -> AppContext:
        """The data folder as it is (``check``): nothing created, nothing migrated."""
        if self._context is None:
            from inspector.context import open_context

            self._context = open_context(resolve_data_dir(self.args.data_dir), existing=True)
        return self._context

    def password_for(self, username: str, *, prompt: str | None = None) -> str:
        password = os.environ.get(ENV_PASSWORD)
        if password is not None:
            return password
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(prompt or f"Password for {username}: ")
        raise InspectorError("password_required", user=username)

    def actor(self) -> User:
        """The authenticated acting user (role checks apply as in the GUI)."""
        if self._actor is None:
            users = self.context.users
            name = self.args.user or os.environ.get(ENV_USER)
            if not name:
                admin = users.sole_admin()
                if admin is None:
                    raise InspectorError("no_acting_user")
                name = admin.username
            self._actor = users.authenticate(name, self.password_for(name))
        return self._actor

    def print_json(self, value: Any) -> None:
        sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")

    def close(self) -> None:
        if self._context is not None:
            self._context.close()
