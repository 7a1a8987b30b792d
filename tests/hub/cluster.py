"""A throwaway PostgreSQL cluster for the hub tests: ``initdb`` and ``pg_ctl`` in a temporary
folder, listening on a free loopback port (and a socket in that folder), never the system service.

``initdb`` refuses to run as root and CI runs as root: then the cluster runs as the unprivileged
``postgres`` user (made by the Debian package) through ``runuser``, in a folder that user owns.
The bootstrap superuser signs in with a password (scram-sha-256), as the office's would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "hub_admin"
SUPERPASSWORD = "hub-admin-secret"
DATABASE = "inspector_hub"


class PostgresMissing(RuntimeError):
    pass


def binaries() -> Path:
    """The folder of initdb/pg_ctl/psql: the newest /usr/lib/postgresql/N/bin, else the PATH's."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: int(path.parts[-3]))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise PostgresMissing("PostgreSQL (initdb, pg_ctl) is not installed: apt-get install postgresql")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    root: Path
    port: int
    bin: Path
    as_postgres: bool

    @property
    def data(self) -> Path:
        return self.root / "data"

    def _run(self, *argv: str, check: bool = True, input: str | None = None,
             env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, input=input, timeout=120,
                              env={**os.environ, **(env or {})}, check=False)
        if check and done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr}{done.stdout}")
        return done

    def init(self) -> None:
        pwfile = self.root / "pw"
        pwfile.write_text(SUPERPASSWORD + "\n")
        self._chown(pwfile)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=scram-sha-256", f"--pwfile={pwfile}",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        pwfile.unlink()
        # fsync off (a throwaway cluster on a test machine whose kernel does not crash), but
        # synchronous_commit ON: a commit is acknowledged only once its WAL is written, so a cluster
        # stopped "immediate" keeps every commit a client was told of — as a real hub does. With it
        # off, the stopped-mid-sync test lost the last commits a laptop had been told were made.
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("fsync = off\nsynchronous_commit = on\nfull_page_writes = off\nmax_connections = 100\n"
                       "shared_buffers = 32MB\n")
        self.start()
        self.psql(f"CREATE DATABASE {DATABASE}", database="postgres")

    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "log"), "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1", "start")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def _chown(self, path: Path) -> None:
        if self.as_postgres:
            shutil.chown(path, "postgres", "postgres")

    def dsn(self, user: str = SUPERUSER, password: str = SUPERPASSWORD, database: str = DATABASE) -> str:
        return f"postgresql://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, *, user: str = SUPERUSER, password: str = SUPERPASSWORD, database: str = DATABASE,
             check: bool = True) -> subprocess.CompletedProcess[str]:
        """``sql`` through the psql client as ``user`` over TCP (as a laptop would connect)."""
        command = [str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                   "-p", str(self.port), "-U", user, "-d", database, "-c", sql]
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False,
                              env={**os.environ, "PGPASSWORD": password, "PGCONNECT_TIMEOUT": "10"})
        if check and done.returncode != 0:
            raise RuntimeError(f"psql as {user}: {done.stderr}")
        return done


def start_cluster() -> Cluster:
    as_postgres = os.geteuid() == 0
    root = Path(tempfile.mkdtemp(prefix="inspector-pg-"))
    if as_postgres:
        os.chmod(root, 0o755)
        shutil.chown(root, "postgres", "postgres")
    cluster = Cluster(root, free_port(), binaries(), as_postgres)
    try:
        cluster.init()
    except BaseException:
        cluster.stop("immediate")
        shutil.rmtree(root, ignore_errors=True)
        raise
    return cluster


def remove_cluster(cluster: Cluster) -> None:
    cluster.stop("immediate")
    shutil.rmtree(cluster.root, ignore_errors=True)
