"""Records that travel, on the SQL side: this data folder's identity, the global id of each local
row, the revisions sent and received, and one codec per record kind that reads a row as a record
body (local ids replaced by global ids) and writes a body back as a row.

Only SQL lives here; which records a user may send or must accept is the exchange service's.
"""
