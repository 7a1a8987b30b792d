"""Use cases: check the actor's role, validate with the domain, persist with storage, append the
audit entry in the same transaction, and return ``(result, ChangeSet)``. No QtWidgets here.
"""
