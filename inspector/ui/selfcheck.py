"""``inspector --self-check``: the facts that tell whether an installation can show the app.

Support asks for it on a laptop where "the window is in English" or "Chinese shows as boxes", and
the packaging tests run it on the installed wheel and on the frozen build. Each fact is measured,
not assumed: the Chinese translation translates (ours, and Qt's own for the standard buttons),
the stylesheet is applied, the application font is the bundled face (Qt resolves it), the Qt
plugins load (platform, SVG and JPEG image formats, QtPdf opens a PDF), a HEIC photo is read as
photo import reads it, QtMultimedia loads for the webcam (required on Windows only), and the
first window a new user sees (the first administrator dialog) opens. ``ok`` is true only when all of them hold.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLibraryInfo
from PySide6.QtGui import QFontInfo, QImageReader, QRawFont
from PySide6.QtWidgets import QApplication

from inspector import __version__
from inspector.paths import font_path, missing_resources, resources_dir
from inspector.ui.language import apply_language

if TYPE_CHECKING:
    from inspector.services.users import UserService

LANGUAGE = "zh_CN"
TRANSLATION_PROBE = ("App", "Inspector", "服务质量督查")  # context, source, expected Chinese
# Qt's own strings (the buttons of every message box) come from Qt's qtbase_zh_CN.qm.
QT_TRANSLATION_PROBE = ("QPlatformTheme", "Cancel", "取消")
IMAGE_FORMATS = ("svg", "jpeg", "png")


def minimal_pdf() -> bytes:
    """A one-page PDF (an empty A4 page) with a correct cross-reference table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _qtpdf_pages() -> int:
    """Pages QtPdf reads from ``minimal_pdf()`` (1 when the QtPdf library loads and works)."""
    from PySide6.QtPdf import QPdfDocument

    data = QByteArray(minimal_pdf())
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    document.close()
    return pages


def _heic_opens() -> bool:
    """A HEIC photo is read the way photo import reads one (``inspect_image``, which registers
    pillow-heif on first use): a 16×16 picture encoded here with pillow-heif's libheif."""
    import io

    import pillow_heif
    from PIL import Image

    from inspector.media.images import inspect_image

    encoded = io.BytesIO()
    pillow_heif.from_pillow(Image.new("RGB", (16, 16), (200, 30, 30))).save(encoded, format="HEIF", quality=50)
    info = inspect_image(encoded.getvalue(), name="self-check.heic")
    return info.mime == "image/heic" and (info.width, info.height) == (16, 16)


def _camera_module_loads() -> bool:
    """QtMultimedia imports with its media back end (what the camera button needs before it looks
    for a camera)."""
    from inspector.ui.dialogs.camera_capture import multimedia

    module = multimedia()
    return module is not None and hasattr(module, "QMediaDevices")


def collect_facts(app: QApplication, users: UserService, *, font_family: str) -> dict[str, Any]:
    """Measure the installation in this running ``app`` (already configured by ``inspector.app``).

    ``users`` belongs to a fresh, empty data folder: the first window is the first-administrator
    dialog, opened, shown and closed again without creating anyone.
    """
    from inspector.ui.dialogs.first_admin import FirstAdminDialog

    facts: dict[str, Any] = {"version": __version__, "frozen": bool(getattr(sys, "frozen", False)),
                             "platform": app.platformName(),
                             "plugins": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)}
    facts["resources"] = str(resources_dir())
    facts["resources_missing"] = missing_resources()

    facts["translation_loaded"] = apply_language(LANGUAGE)
    context, source, expected = TRANSLATION_PROBE
    facts["translation_sample"] = QCoreApplication.translate(context, source)
    facts["translation_ok"] = facts["translation_loaded"] and facts["translation_sample"] == expected
    context, source, expected = QT_TRANSLATION_PROBE
    facts["qt_translation_sample"] = QCoreApplication.translate(context, source)
    facts["qt_translation_ok"] = facts["qt_translation_sample"] == expected

    style = app.styleSheet()
    facts["stylesheet_chars"] = len(style)
    facts["stylesheet_ok"] = bool(style) and "@icons@" not in style

    bundled = QRawFont(str(font_path()), 10).familyName() if font_path().is_file() else ""
    facts["font_bundled_family"] = bundled
    facts["font_family"] = QFontInfo(app.font()).family()
    facts["font_ok"] = bool(bundled) and font_family == bundled and facts["font_family"] == bundled

    supported = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    facts["image_formats_missing"] = [name for name in IMAGE_FORMATS if name not in supported]
    facts["qtpdf_pages"] = _qtpdf_pages()
    facts["heic"] = _heic_opens()
    # The webcam capture needs QtMultimedia: part of every Windows installation (pyproject.toml), an
    # option on Linux. Whether a camera is plugged in is not a fact of the installation.
    facts["camera_module"] = _camera_module_loads()
    facts["camera_module_required"] = sys.platform == "win32"

    dialog = FirstAdminDialog(users)
    dialog.show()
    app.processEvents()
    facts["first_window"] = type(dialog).__name__
    facts["first_window_title"] = dialog.windowTitle()
    facts["first_window_shown"] = dialog.isVisible()
    dialog.reject()
    dialog.deleteLater()
    app.processEvents()

    facts["ok"] = bool(
        not facts["resources_missing"] and facts["translation_ok"] and facts["qt_translation_ok"]
        and facts["stylesheet_ok"] and facts["font_ok"]
        and not facts["image_formats_missing"] and facts["qtpdf_pages"] == 1 and facts["heic"]
        and (facts["camera_module"] or not facts["camera_module_required"]) and facts["first_window_shown"]
    )
    return facts
