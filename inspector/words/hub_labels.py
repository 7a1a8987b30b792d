"""Words of the office hub on the desktop (context "HubWords"): the status bar's sync line."""

from __future__ import annotations

from inspector.words.i18n import translate


def hub_status_line(*, online: bool | None, synced_at: str | None, waiting: int) -> str:
    """``已同步 10:42 · 待上传 3`` after a sync, ``离线 · 待上传 17`` when the hub is out of reach."""
    if online is False:
        return translate("HubWords", "Offline · {count} to upload").format(count=waiting)
    if synced_at is None:
        return translate("HubWords", "Not yet synced · {count} to upload").format(count=waiting)
    return translate("HubWords", "Synced {time} · {count} to upload").format(time=synced_at, count=waiting)
