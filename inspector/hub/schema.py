"""The hub's schema, as versioned migrations run by ``hub init`` with an administrator's DSN.

Each migration is a list of statements applied in one transaction with its row in
``hub_schema``; a hub whose schema is newer than this program knows is refused (as a local
database is). Never edit a migration once released: add one.

Tables: ``devices`` (each device's own login role), ``records`` (every record as its canonical
JSON, with ``seq`` from one sequence drawn under a transaction-long advisory lock by a trigger,
so a record becomes visible in ``seq`` order and a pull cursor never skips one committed late),
``conflicts`` (a pushed record whose id the hub holds with other content: kept aside, never
written over), ``blob_chunks`` / ``blobs`` (photo copies and notice PDFs by SHA-256 in chunks; a
blob is visible only once its ``blobs`` row exists, made after its bytes were checked whole),
``notice_counters`` (the register of notice numbers, per year).

Who sees what is row-level security: the quality office's roles (``inspector_office``) and
administrators (superusers) see everything; a laptop's role sees its own device's rows and the
rows whose audience names its user or every laptop — a covert inspection, its findings, photos
and notices only when they were recorded on that device. A laptop's role inserts only records
of its own device, of the kinds a laptop makes, and can neither update nor delete anything.
"""

from __future__ import annotations

OFFICE_GROUP = "inspector_office"
DEVICE_GROUP = "inspector_device"
PUSH_LOCK = 7_215_015  # the advisory lock that orders pushes (any number, the same everywhere)

LAPTOP_KINDS_SQL = "ARRAY['inspection','finding','photo','receipt','reply','followup']"

_GROUPS = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OFFICE_GROUP}') THEN
    CREATE ROLE {OFFICE_GROUP} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{DEVICE_GROUP}') THEN
    CREATE ROLE {DEVICE_GROUP} NOLOGIN;
  END IF;
END $$"""

_V1 = [
    _GROUPS,
    "CREATE TABLE hub_info (id int PRIMARY KEY CHECK (id = 1), organisation_id uuid NOT NULL,"
    " organisation_name text NOT NULL, office_device uuid NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    "CREATE TABLE devices (role_name text PRIMARY KEY, device_id uuid UNIQUE, name text NOT NULL,"
    " side text NOT NULL CHECK (side IN ('office', 'laptop')), username text,"
    " added_at timestamptz NOT NULL DEFAULT now(), last_sync_at timestamptz, last_pushed int NOT NULL DEFAULT 0,"
    " last_pulled int NOT NULL DEFAULT 0)",
    "CREATE SEQUENCE record_seq",
    "CREATE TABLE records (record_id uuid PRIMARY KEY, seq bigint NOT NULL UNIQUE, kind text NOT NULL,"
    " entity uuid NOT NULL, origin uuid NOT NULL, sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),"
    " canonical text NOT NULL, covert boolean NOT NULL DEFAULT false, author_device uuid,"
    " audience text[] NOT NULL DEFAULT '{}', pushed_by text NOT NULL DEFAULT session_user,"
    " pushed_at timestamptz NOT NULL DEFAULT now())",
    "CREATE INDEX records_entity ON records (entity)",
    "CREATE INDEX records_origin ON records (origin)",
    # The order of visibility: every insert takes the push lock and draws its seq under it, so no
    # transaction holding a smaller seq can still be open when a larger one is visible.
    f"""CREATE FUNCTION records_number() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        BEGIN
          PERFORM pg_advisory_xact_lock({PUSH_LOCK});
          NEW.seq := nextval('record_seq');
          NEW.pushed_by := session_user;
          NEW.pushed_at := now();
          RETURN NEW;
        END $$""",
    "CREATE TRIGGER records_number BEFORE INSERT ON records FOR EACH ROW EXECUTE FUNCTION records_number()",
    "CREATE TABLE conflicts (id bigserial PRIMARY KEY, record_id uuid NOT NULL, kind text NOT NULL,"
    " origin uuid NOT NULL, device uuid, incoming_sha256 text NOT NULL, stored_sha256 text,"
    " canonical text NOT NULL, found_by text NOT NULL DEFAULT session_user,"
    " found_at timestamptz NOT NULL DEFAULT now(), UNIQUE (record_id, incoming_sha256))",
    # Chunks are named by the SHA-256 of the bytes they make up (a print copy's own hash), so a
    # resumed upload always continues the same bytes.
    "CREATE TABLE blob_chunks (content_sha256 text NOT NULL, origin uuid NOT NULL, n int NOT NULL,"
    " data bytea NOT NULL, PRIMARY KEY (content_sha256, origin, n))",
    "CREATE TABLE blobs (sha256 text NOT NULL, copy text NOT NULL CHECK (copy IN ('original', 'print', 'document')),"
    " origin uuid NOT NULL, extension text NOT NULL, size bigint NOT NULL, chunks int NOT NULL,"
    " content_sha256 text NOT NULL, covert boolean NOT NULL DEFAULT false, author_device uuid,"
    " audience text[] NOT NULL DEFAULT '{}', PRIMARY KEY (sha256, copy))",
    "CREATE INDEX blobs_content ON blobs (content_sha256, origin)",
    "CREATE TABLE notice_counters (year int PRIMARY KEY, last int NOT NULL)",
    # The register: which device took which number, in the transaction that advanced the counter.
    "CREATE TABLE notice_numbers (year int NOT NULL, serial int NOT NULL, device uuid, taken_by text NOT NULL"
    " DEFAULT session_user, taken_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (year, serial))",
    # Who is asking: the device of the login role (security definer: devices is not readable).
    """CREATE FUNCTION hub_device() RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$ SELECT device_id FROM devices WHERE role_name = session_user $$""",
    """CREATE FUNCTION hub_user() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$ SELECT username FROM devices WHERE role_name = session_user $$""",
    f"""CREATE FUNCTION hub_is_office() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        SELECT pg_has_role(session_user, '{OFFICE_GROUP}', 'MEMBER') OR
               (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) $$""",
    # A device claims its row the first time it connects (its id is made on the laptop).
    """CREATE FUNCTION hub_claim(device uuid, device_name text) RETURNS text LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        DECLARE claimed uuid; who text;
        BEGIN
          SELECT device_id, username INTO claimed, who FROM devices WHERE role_name = session_user FOR UPDATE;
          IF NOT FOUND THEN RAISE EXCEPTION 'inspector: % is no device of this hub', session_user; END IF;
          IF claimed IS NULL THEN
            UPDATE devices SET device_id = device, name = COALESCE(NULLIF(device_name, ''), name)
             WHERE role_name = session_user;
          ELSIF claimed <> device THEN
            RAISE EXCEPTION 'inspector: the role % belongs to another device', session_user;
          END IF;
          RETURN who;
        END $$""",
    """CREATE FUNCTION hub_synced(pushed int, pulled int) RETURNS void LANGUAGE sql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
        UPDATE devices SET last_sync_at = now(), last_pushed = pushed, last_pulled = pulled
         WHERE role_name = session_user $$""",
    # Row-level security.
    "ALTER TABLE records ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE blobs ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE blob_chunks ENABLE ROW LEVEL SECURITY",
    "ALTER TABLE conflicts ENABLE ROW LEVEL SECURITY",
    # Each function in a scalar subquery: evaluated once per statement (an InitPlan), not per row.
    """CREATE POLICY records_read ON records FOR SELECT USING (
        (SELECT hub_is_office()) OR origin = (SELECT hub_device())
        OR (covert AND author_device = (SELECT hub_device()))
        OR (NOT covert AND ('*' = ANY (audience) OR (SELECT hub_user()) = ANY (audience))))""",
    f"""CREATE POLICY records_write ON records FOR INSERT WITH CHECK (
        (SELECT hub_is_office()) OR (origin = (SELECT hub_device()) AND kind = ANY ({LAPTOP_KINDS_SQL})))""",
    """CREATE POLICY blobs_read ON blobs FOR SELECT USING (
        (SELECT hub_is_office()) OR origin = (SELECT hub_device())
        OR (covert AND author_device = (SELECT hub_device()))
        OR (NOT covert AND ('*' = ANY (audience) OR (SELECT hub_user()) = ANY (audience))))""",
    """CREATE POLICY blobs_write ON blobs FOR INSERT WITH CHECK (
        (SELECT hub_is_office()) OR (origin = (SELECT hub_device()) AND copy IN ('original', 'print')))""",
    """CREATE POLICY chunks_read ON blob_chunks FOR SELECT USING (
        (SELECT hub_is_office()) OR origin = (SELECT hub_device())
        OR EXISTS (SELECT 1 FROM blobs b WHERE b.content_sha256 = blob_chunks.content_sha256
                   AND b.origin = blob_chunks.origin))""",
    """CREATE POLICY chunks_write ON blob_chunks FOR INSERT WITH CHECK (
        (SELECT hub_is_office()) OR origin = (SELECT hub_device()))""",
    """CREATE POLICY conflicts_read ON conflicts FOR SELECT USING (
        (SELECT hub_is_office()) OR device = (SELECT hub_device()))""",
    """CREATE POLICY conflicts_write ON conflicts FOR INSERT WITH CHECK (
        (SELECT hub_is_office()) OR device = (SELECT hub_device()))""",
    # What each group may do at all (row-level security narrows it further).
    "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
    f"GRANT SELECT, INSERT ON records, blobs, blob_chunks, conflicts TO {DEVICE_GROUP}, {OFFICE_GROUP}",
    f"GRANT USAGE ON SEQUENCE conflicts_id_seq TO {DEVICE_GROUP}, {OFFICE_GROUP}",
    f"GRANT SELECT ON hub_info, hub_schema TO {DEVICE_GROUP}, {OFFICE_GROUP}",
    f"GRANT SELECT, INSERT, UPDATE ON devices TO {OFFICE_GROUP}",
    f"GRANT SELECT, INSERT, UPDATE ON notice_counters TO {OFFICE_GROUP}",
    f"GRANT SELECT, INSERT ON notice_numbers TO {OFFICE_GROUP}",
    "REVOKE ALL ON FUNCTION hub_claim(uuid, text), hub_synced(int, int) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION hub_claim(uuid, text), hub_synced(int, int) TO {DEVICE_GROUP}, {OFFICE_GROUP}",
]

# (version, statements), in order. The newest version is what this program writes.
MIGRATIONS: tuple[tuple[int, list[str]], ...] = ((1, _V1),)
HUB_SCHEMA = MIGRATIONS[-1][0]
