"""The office hub: a PostgreSQL database the laptops and the quality office sync with (#15).

Another transport for the same records as the exchange files (``inspector.exchange``): the same
global ids, origins, canonical form and content hashes (``inspector.domain.records``). This
package is the PostgreSQL side only — its schema and migrations, the devices' roles and
row-level security, pushing and pulling records and photo blobs; which records a device sends
and how arriving ones are merged is the services' (``services/hub_sync.py``), the same rules as
the exchange files. psycopg is imported inside functions, never at start.
"""
