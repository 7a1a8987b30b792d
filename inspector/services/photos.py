"""Photos as stored files: adding one, showing its copies, and keeping the store sound.

Order of work when a photo comes in: the file is looked at first — only a regular file no larger
than the limit in Settings (``photo_limit_mb``) is read, so ``/dev/zero`` or a sparse 4 GB ".jpg"
is refused before a byte is in memory — then it is read once, checked and turned into its upright
copies in memory (``inspector.media``) — a broken file is refused before anything is written —
then the original and the copies are written and fsynced, and only then is the database touched
(the ``photos`` row and its audit entry, in one transaction). A crash in between leaves at most
a file nothing refers to, which ``check`` lists and ``check --clean`` removes; never a row that
points at a missing file.

Who refers to a photo: template items (their "what good looks like" reference photo), read
through ``templates_repo``, and every ``photos`` row (inspection evidence, attached to answers
or about to be). A photo nobody refers to is an orphan. Orphans younger than a day are kept by
the clean-up, because an editor may have stored a photo a moment ago and not yet saved the draft
that refers to it.

Pillow (``inspector.media.images``) is imported when the first photo is read or copied, not when
the service is built: starting the app or a CLI command that shows no photo does not load it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.domain.changes import Entity
from inspector.domain.errors import InspectorError
from inspector.domain.photos import DERIVATIVE_SIDES, SHA256_PATTERN, Derivative, Photo
from inspector.domain.users import Permission, User, require
from inspector.services.base import ServiceContext
from inspector.services.settings import SettingsService
from inspector.storage import photos_repo, templates_repo
from inspector.settings import DEFAULT_PHOTO_LIMIT_MB
from inspector.storage.database import integrity_problems
from inspector.storage.files import read_limited
from inspector.storage.photo_store import PhotoStore, sha256_of

MARKED = frozenset({Derivative.WORKING, Derivative.PRINT})  # the copies annotations are drawn on

if TYPE_CHECKING:
    from inspector.media.images import ImageInfo

ORPHAN_GRACE_SECONDS = 24 * 3600
TEMP_GRACE_SECONDS = 3600  # no single write takes an hour: an older *.tmp is a crash's leftover
# A reference photo is shown on screen, never printed: no print copy until someone asks for one.
REFERENCE_DERIVATIVES = (Derivative.WORKING, Derivative.THUMBNAIL)
# Inspection evidence is shown, annotated and printed: every copy is made when it comes in.
EVIDENCE_DERIVATIVES = (Derivative.WORKING, Derivative.PRINT, Derivative.THUMBNAIL)
# Cleaning the store is upkeep of the data folder: the roles that hold EDIT_SETTINGS (admin and
# quality office) are the ones who look after it.
CLEAN_PERMISSION = Permission.EDIT_SETTINGS


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo read, checked and turned into its copies in memory, nothing written yet."""

    name: str  # the file name it came with
    data: bytes  # the original, byte for byte: exactly what was checked
    info: ImageInfo
    copies: dict[Derivative, bytes]


def prepare_file(
    path: str | Path, kinds: tuple[Derivative, ...] = REFERENCE_DERIVATIVES, *,
    limit_bytes: int = DEFAULT_PHOTO_LIMIT_MB * 1024 * 1024,
) -> PreparedPhoto:
    """Read and check a photo and make its ``kinds`` of copies: the slow part of adding a photo.

    Touches neither the database nor the store, so the UI may run it on a worker thread and hand
    the result to ``add_reference_photo`` on the GUI thread; the caller passes the limit in force
    (``PhotoService.limit_bytes()``, read on the GUI thread). Raises what ``read_limited`` and
    ``inspect_image`` raise.
    """
    path = Path(path)
    data = read_limited(path, limit_bytes)
    from inspector.media.images import prepare_photo

    info, copies = prepare_photo(data, {kind: DERIVATIVE_SIDES[kind] for kind in kinds}, name=str(path))
    return PreparedPhoto(name=path.name, data=data, info=info, copies=copies)


@dataclass(frozen=True)
class StoreReport:
    """The photo store against what refers to it. Missing or changed originals are failures;
    orphans and temporary leftovers are litter that ``clean`` removes."""

    referenced: int
    missing: dict[str, tuple[str, ...]]  # sha256 → who refers to it
    corrupt: dict[str, tuple[str, ...]]
    orphans: tuple[str, ...]  # relative paths inside the store
    recent_orphans: tuple[str, ...]  # the orphans still inside the grace period
    temp_files: tuple[str, ...]  # relative paths
    recent_temp_files: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not (self.missing or self.corrupt)


@dataclass(frozen=True)
class CleanResult:
    photos: tuple[str, ...]  # sha256 of the orphans removed (original and copies)
    temp_files: tuple[str, ...]  # relative paths removed
    kept_recent: tuple[str, ...]  # sha256 of orphans left alone (younger than the grace period)


class PhotoService:
    def __init__(self, ctx: ServiceContext, store: PhotoStore | None = None) -> None:
        self.ctx = ctx
        self.store = store or PhotoStore(ctx.paths.photos)

    # --- adding ---------------------------------------------------------------------------

    def limit_bytes(self) -> int:
        """The largest photo file accepted now (Settings → photo size limit)."""
        return SettingsService(self.ctx).get().photo_limit_bytes

    def _prepared(self, photo: str | Path | PreparedPhoto, kinds: tuple[Derivative, ...]) -> PreparedPhoto:
        """``photo`` prepared, a file read within the limit; a prepared one (from a worker thread)
        is held to the limit too, which may have been lowered meanwhile."""
        limit = self.limit_bytes()
        if not isinstance(photo, PreparedPhoto):
            return prepare_file(photo, kinds, limit_bytes=limit)
        if len(photo.data) > limit:
            raise InspectorError("file_too_large", file=photo.name, size_mb=round(len(photo.data) / 2**20, 1),
                                 limit_mb=limit // 2**20)
        return photo

    def ingest(self, actor: User, photo: str | Path | PreparedPhoto) -> Photo:
        """Store a photo taken as inspection evidence and give it a ``photos`` row.

        ``photo`` is a file, or what ``prepare_file(path, EVIDENCE_DERIVATIVES)`` made of one on a
        worker thread (a copy it lacks is made here). The original and its working, print and
        thumbnail copies are written and fsynced before the row commits. The same bytes added
        again return the existing row (its files rewritten if they had gone missing).
        """
        require(actor, Permission.RECORD_INSPECTIONS)
        prepared = self._prepared(photo, EVIDENCE_DERIVATIVES)
        copies = dict(prepared.copies)
        lacking = {kind: DERIVATIVE_SIDES[kind] for kind in EVIDENCE_DERIVATIVES if kind not in copies}
        if lacking:
            from inspector.media.images import prepare_photo

            copies.update(prepare_photo(prepared.data, lacking, name=prepared.name)[1])
        stored = self.store.put_stream(io.BytesIO(prepared.data), suffix=prepared.info.suffix)
        for kind in EVIDENCE_DERIVATIVES:
            self.store.put_derivative(stored.sha256, kind, copies[kind])
        info = prepared.info
        with self.ctx.mutation():
            existing = photos_repo.by_sha(self.ctx.db, stored.sha256)
            if existing is not None:
                return existing
            photo_id = photos_repo.insert(
                self.ctx.db, sha256=stored.sha256, suffix=stored.suffix, original_name=prepared.name,
                mime=info.mime, width=info.width, height=info.height,
                taken_at=info.taken_at.isoformat() if info.taken_at else None, latitude=info.latitude,
                longitude=info.longitude, added_at=self.ctx.now_text(), added_by=actor.id,
            )
            self.ctx.record(actor, "photo.add", Entity.PHOTO, photo_id, after={
                "sha256": stored.sha256, "name": prepared.name, "size": stored.size, "mime": info.mime,
                "width": info.width, "height": info.height,
            })
        found = photos_repo.get(self.ctx.db, photo_id)
        assert found is not None  # inserted just above, in the committed transaction
        return found

    def get(self, photo_id: int) -> Photo | None:
        return photos_repo.get(self.ctx.db, photo_id)

    def add_reference_photo(self, actor: User, photo: str | Path | PreparedPhoto) -> str:
        """Store a "what good looks like" photo for a template item; its SHA-256.

        ``photo`` is a file, or what ``prepare_file`` made of one on a worker thread. The caller
        puts the hash into the item (``TemplateItem.reference_photo``) and saves the draft. The
        same photo added twice is stored once.
        """
        require(actor, Permission.EDIT_TEMPLATES)
        # Everything that can refuse the photo happens before the first write.
        prepared = self._prepared(photo, REFERENCE_DERIVATIVES)
        stored = self.store.put_stream(io.BytesIO(prepared.data), suffix=prepared.info.suffix)
        for kind, copy in prepared.copies.items():
            self.store.put_derivative(stored.sha256, kind, copy)
        info = prepared.info
        with self.ctx.mutation():
            self.ctx.record(actor, "photo.reference", Entity.PHOTO, None, after={
                "sha256": stored.sha256, "name": prepared.name, "size": stored.size, "mime": info.mime,
                "width": info.width, "height": info.height, "already_stored": stored.existed,
            })
        return stored.sha256

    # --- reading (the UI shows these files; only this service writes them) ---------------------

    def derivative_path(self, sha256: str, kind: Derivative) -> Path | None:
        """The ``kind`` copy of a photo, rebuilt from the original if it went missing.

        None when there is nothing sound to show: no such photo, or an original whose bytes no
        longer match its hash (``check`` reports that one).
        """
        if not isinstance(sha256, str) or not SHA256_PATTERN.match(sha256):
            return None
        existing = self.store.derivative_path(sha256, kind)
        if existing is not None:
            return existing
        original = self.store.original_path(sha256)
        if original is None or sha256_of(original) != sha256:
            return None
        try:
            copy = self._rebuilt(sha256, original, kind)
        except InspectorError:
            return None
        return self.store.put_derivative(sha256, kind, copy)

    def _rebuilt(self, sha256: str, original: Path, kind: Derivative) -> bytes:
        """The ``kind`` copy made again from the original — the working and print copies with the
        photo's marks burned in, as annotating made them (a copy rebuilt at the office, where
        only the original and the print copy arrive, must show the marks the supervisor drew)."""
        photo = photos_repo.by_sha(self.ctx.db, sha256)
        if photo is not None and photo.annotations and kind in MARKED:
            from inspector.media.annotate import annotated_derivatives
            from inspector.paths import font_path

            return annotated_derivatives(original, photo.annotations, {kind: DERIVATIVE_SIDES[kind]},
                                         font_path=font_path())[kind]
        from inspector.media.images import make_derivative

        return make_derivative(original, DERIVATIVE_SIDES[kind])

    def thumbnail_path(self, sha256: str) -> Path | None:
        return self.derivative_path(sha256, Derivative.THUMBNAIL)

    def working_path(self, sha256: str) -> Path | None:
        return self.derivative_path(sha256, Derivative.WORKING)

    # --- references and integrity ---------------------------------------------------------

    def references(self) -> dict[str, tuple[str, ...]]:
        """Every photo something refers to, with who: ``"template T1 v3 item T1-1.2"``."""
        found: dict[str, list[str]] = {}
        for version in templates_repo.list_versions(self.ctx.db):
            for _, item in version.body.iter_items():
                if item.reference_photo:
                    where = f"template {version.code} v{version.version} item {item.code}"
                    found.setdefault(item.reference_photo, []).append(where)
        for sha256 in sorted(photos_repo.all_hashes(self.ctx.db)):
            found.setdefault(sha256, []).append("inspection photo")
        return {sha256: tuple(places) for sha256, places in found.items()}

    def referenced_hashes(self) -> set[str]:
        return set(self.references())

    def orphans(self) -> list[str]:
        """SHA-256 of every photo on disk (original or copies) that nothing refers to."""
        on_disk = set(self.store.iter_originals()) | set(self.store.iter_derived())
        return sorted(on_disk - self.referenced_hashes())

    def _is_recent(self, sha256: str) -> bool:
        age = self.store.age_seconds(sha256)
        return age is not None and age < ORPHAN_GRACE_SECONDS

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.store.root).as_posix()

    def check_store(self) -> StoreReport:
        """Re-hash every referenced original; list orphans and temporary leftovers."""
        references = self.references()
        missing: dict[str, tuple[str, ...]] = {}
        corrupt: dict[str, tuple[str, ...]] = {}
        for sha256, places in sorted(references.items()):
            original = self.store.original_path(sha256) if SHA256_PATTERN.match(sha256) else None
            if original is None:
                missing[sha256] = places
            elif sha256_of(original) != sha256:
                corrupt[sha256] = places
        orphans = self.orphans()
        stale_temp = set(self.store.temp_files(min_age=TEMP_GRACE_SECONDS))
        all_temp = self.store.temp_files()
        return StoreReport(
            referenced=len(references), missing=missing, corrupt=corrupt,
            orphans=tuple(self._orphan_label(sha256) for sha256 in orphans),
            recent_orphans=tuple(self._orphan_label(sha256) for sha256 in orphans if self._is_recent(sha256)),
            temp_files=tuple(self._relative(path) for path in all_temp),
            recent_temp_files=tuple(self._relative(path) for path in all_temp if path not in stale_temp),
        )

    def _orphan_label(self, sha256: str) -> str:
        original = self.store.original_path(sha256)
        return self._relative(original) if original else f"derived copies of {sha256}"

    # --- clean-up -------------------------------------------------------------------------

    def clean(self, actor: User) -> CleanResult:
        """Remove orphans past the grace period (original and copies) and stale temporary files."""
        require(actor, CLEAN_PERMISSION)
        problems = integrity_problems(self.ctx.db)
        if problems:  # a damaged database may have lost references: nothing is an orphan for sure
            raise InspectorError("photo_clean_refused", count=len(problems))
        removed, kept = [], []
        for sha256 in self.orphans():  # recomputed now: never trust an older report
            if self._is_recent(sha256):
                kept.append(sha256)
            else:
                self.store.remove(sha256)
                removed.append(sha256)
        temp = [self._relative(path) for path in self.store.clean_temp_files(min_age=TEMP_GRACE_SECONDS)]
        if removed or temp:
            with self.ctx.mutation():
                self.ctx.record(actor, "photo.clean", Entity.PHOTO, None,
                                after={"photos": removed, "temp_files": temp})
        return CleanResult(photos=tuple(removed), temp_files=tuple(temp), kept_recent=tuple(kept))

    def clean_orphans(self, actor: User) -> int:
        """``clean`` for callers that only need a count: how many orphan photos were removed."""
        return len(self.clean(actor).photos)
