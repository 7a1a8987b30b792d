"""What a mutation changed, so that screens refresh only what it touched (Anki's OpChanges)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class Entity(StrEnum):
    USER = "user"
    UNIT = "unit"
    VEHICLE = "vehicle"
    STAFF = "staff"
    LOCATION = "location"
    TEMPLATE = "template"
    INSPECTION = "inspection"
    FINDING = "finding"
    PHOTO = "photo"
    NOTICE = "notice"
    FOLLOWUP = "followup"
    SETTINGS = "settings"
    SIGNATURE = "signature"  # a user's own stored drawn signature
    COMPLAINT = "complaint"  # a case of the complaints register
    COMMENT_BOOK = "comment_book"  # a bus's passenger comment book collected on a day
    REPORT = "report"  # the quality office's written analysis of a monthly report


class ChangeSet(BaseModel):
    """Ids of the records a service call created, changed or retired, keyed by entity kind."""

    model_config = ConfigDict(frozen=True)

    changed: dict[Entity, frozenset[int]] = Field(default_factory=dict)

    @classmethod
    def of(cls, entity: Entity, *ids: int) -> "ChangeSet":
        return cls(changed={entity: frozenset(ids)})

    def merge(self, other: "ChangeSet") -> "ChangeSet":
        merged: dict[Entity, frozenset[int]] = dict(self.changed)
        for entity, ids in other.changed.items():
            merged[entity] = merged.get(entity, frozenset()) | ids
        return ChangeSet(changed=merged)

    def touches(self, *entities: Entity) -> bool:
        return any(entity in self.changed for entity in entities)

    @property
    def empty(self) -> bool:
        return not self.changed
