"""The fixture's cluster is real: a password sign-in over TCP works, a wrong password does not."""

from __future__ import annotations

from tests.hub.cluster import Cluster


def test_the_throwaway_cluster_answers_over_tcp_with_its_password(pg_cluster: Cluster) -> None:
    done = pg_cluster.psql("SELECT current_setting('server_version_num')::int >= 150000, current_user")
    assert done.stdout.strip() == "t|hub_admin"
    refused = pg_cluster.psql("SELECT 1", password="wrong", check=False)
    assert refused.returncode != 0 and "password authentication failed" in refused.stderr
