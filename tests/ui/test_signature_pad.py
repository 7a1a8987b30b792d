"""The signature pad: mouse, pen and touch draw; the PNG holds the ink and only the ink; clear,
undo, load and resizing keep what a person expects. The signature dialog (OK only with ink and,
when asked, a name) and "My signature" on the settings page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from inspector.context import AppContext
from inspector.domain.errors import InspectorError
from inspector.domain.users import Role, User
from inspector.ui.dialogs import errors
from inspector.ui.dialogs.signature_dialog import SignatureDialog, SignatureResult
from inspector.ui.pages.settings import SettingsPage
from inspector.ui.uicontext import UiContext
from inspector.ui.widgets.signature_pad import INK, MAX_PNG_WIDTH, SignaturePad


@pytest.fixture
def pad(qtbot: Any) -> SignaturePad:
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(600, 240)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(pad: SignaturePad, points: list[tuple[int, int]]) -> None:
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def decoded(data: bytes) -> QImage:
    image = QImage.fromData(QByteArray(data))
    assert not image.isNull()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def ink_pixels(image: QImage) -> list[QColor]:
    return [image.pixelColor(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() > 200]


def test_a_mouse_drag_draws_ink_and_the_png_holds_only_the_cropped_ink(qtbot: Any, pad: SignaturePad) -> None:
    assert pad.is_empty() and pad.to_png() == b""
    with qtbot.waitSignal(pad.changed):
        drag(pad, [(100, 150), (160, 90), (220, 160), (300, 100), (380, 150)])
    assert not pad.is_empty()
    assert len(pad.strokes) == 1 and len(pad.strokes[0].points) == 5

    image = decoded(pad.to_png())
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # transparent background, margin around the ink
    opaque = ink_pixels(image)
    assert len(opaque) > 200
    assert all(abs(c.red() - INK.red()) < 30 and abs(c.blue() - INK.blue()) < 30 for c in opaque)
    # Cropped: a 280 × 70 pad-pixel drawing at 2× with margins, not the 600 × 240 pad.
    assert 500 < image.width() <= MAX_PNG_WIDTH and image.height() < 240


def test_a_wide_signature_is_at_most_800_pixels_wide(qtbot: Any, pad: SignaturePad) -> None:
    drag(pad, [(5, 120), (300, 60), (595, 130)])
    image = decoded(pad.to_png())
    assert image.width() <= MAX_PNG_WIDTH and image.width() > 700


def test_clear_and_undo(qtbot: Any, pad: SignaturePad) -> None:
    drag(pad, [(100, 100), (200, 120)])
    drag(pad, [(250, 100), (350, 140), (400, 90)])
    assert len(pad.strokes) == 2
    two = decoded(pad.to_png())
    with qtbot.waitSignal(pad.changed):
        pad.undo_stroke()
    assert len(pad.strokes) == 1 and not pad.is_empty()
    assert decoded(pad.to_png()).width() < two.width()  # the second stroke's ink is gone from the PNG
    pad.undo_stroke()
    assert pad.is_empty()
    drag(pad, [(100, 100), (200, 120)])
    with qtbot.waitSignal(pad.changed):
        pad.clear()
    assert pad.is_empty() and pad.strokes == [] and pad.to_png() == b""


def test_empty_pad_shows_the_hint_and_a_baseline(qtbot: Any, pad: SignaturePad) -> None:
    empty = pad.grab().toImage()
    drag(pad, [(100, 60), (200, 70)])
    drawn = pad.grab().toImage()
    middle = pad.rect().center()
    # The hint is drawn around the middle of the ink area while empty, and gone after drawing.
    def grey_text(image: QImage) -> int:
        return sum(1 for x in range(middle.x() - 80, middle.x() + 80) for y in range(middle.y() - 30, middle.y() + 10)
                   if image.pixelColor(x, y).lightness() < 230)
    assert grey_text(empty) > 20
    assert grey_text(drawn) == 0
    baseline = round(pad.height() * 0.8)  # 4 % under the ink area, which ends at 76 %
    assert all(empty.pixelColor(x, baseline).lightness() < 235 for x in range(60, 540, 10))
    assert all(empty.pixelColor(x, baseline - 12).lightness() > 240 for x in range(60, 540, 10))


def stylus() -> QPointingDevice:
    return QPointingDevice("test pen", 4711, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                           QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)


def tablet(pad: SignaturePad, device: QPointingDevice, kind: QTabletEvent.Type, x: float, y: float,
           pressure: float) -> None:
    buttons = Qt.MouseButton.NoButton if kind == QTabletEvent.Type.TabletRelease else Qt.MouseButton.LeftButton
    event = QTabletEvent(kind, device, QPointF(x, y), QPointF(pad.mapToGlobal(QPoint(int(x), int(y)))),
                         pressure, 0, 0, 0, 0, 0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton, buttons)
    QApplication.sendEvent(pad, event)
    assert event.isAccepted()


def test_a_pen_draws_with_its_pressure_setting_the_width(qtbot: Any, pad: SignaturePad) -> None:
    device = stylus()
    tablet(pad, device, QTabletEvent.Type.TabletPress, 100, 100, 0.1)
    tablet(pad, device, QTabletEvent.Type.TabletMove, 200, 100, 0.1)
    tablet(pad, device, QTabletEvent.Type.TabletRelease, 300, 100, 0.1)
    tablet(pad, device, QTabletEvent.Type.TabletPress, 100, 180, 1.0)
    tablet(pad, device, QTabletEvent.Type.TabletMove, 200, 180, 1.0)
    tablet(pad, device, QTabletEvent.Type.TabletRelease, 300, 180, 1.0)
    assert len(pad.strokes) == 2
    assert pad.strokes[0].pressures == pytest.approx([0.1, 0.1, 0.1])
    image = decoded(pad.to_png())

    def thickness(y_from: int, y_to: int) -> int:
        column = image.width() // 2
        return sum(1 for y in range(y_from, y_to) if image.pixelColor(column, y).alpha() > 128)

    half = image.height() // 2
    light, heavy = thickness(0, half), thickness(half, image.height())
    assert light >= 1 and heavy > 2 * light


def test_a_finger_draws_and_a_second_finger_does_not(qtbot: Any, pad: SignaturePad) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(pad, device).press(0, QPoint(100, 120)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(150, 90)).press(1, QPoint(500, 200)).commit()
    QTest.touchEvent(pad, device).move(0, QPoint(220, 140)).move(1, QPoint(520, 210)).commit()
    with qtbot.waitSignal(pad.changed):
        QTest.touchEvent(pad, device).release(0, QPoint(260, 110)).stationary(1).commit()
    QTest.touchEvent(pad, device).release(1, QPoint(520, 210)).commit()
    assert len(pad.strokes) == 1
    points = pad.strokes[0].points
    assert len(points) == 4  # press, two moves, release of the first finger only
    # The offscreen platform may shift touch points by a window frame; the shape is what counts.
    assert [(round(p.x() - points[0].x()), round(p.y() - points[0].y())) for p in points] == [
        (0, 0), (50, -30), (120, 20), (160, -10)]
    assert points[0].x() == pytest.approx(100, abs=4)
    assert not decoded(pad.to_png()).isNull()


def test_resizing_keeps_the_strokes_in_proportion(qtbot: Any, pad: SignaturePad) -> None:
    drag(pad, [(100, 120), (500, 120)])
    before = pad.to_png()
    pad.resize(1200, 480)
    qtbot.wait(10)
    assert pad.to_png() == before  # the stored ink does not depend on the widget's size
    grab = pad.grab().toImage()
    dark = [x for x in range(grab.width()) if grab.pixelColor(x, 240).lightness() < 120]
    assert dark and min(dark) < 220 and max(dark) > 980  # drawn twice as large, centred
    drag(pad, [(200, 400), (1000, 400)])  # drawn at the new size, kept in the same space
    assert pad.strokes[1].points[0].x() == pytest.approx(100, abs=1)


def test_loading_a_signature_starts_from_it(qtbot: Any, pad: SignaturePad) -> None:
    drag(pad, [(100, 120), (300, 150), (420, 110)])
    png = pad.to_png()
    other = SignaturePad()
    qtbot.addWidget(other)
    other.resize(600, 240)
    with qtbot.waitSignal(other.changed):
        assert other.load_png(png)
    assert not other.is_empty() and other.strokes == []
    again = decoded(other.to_png())
    first = decoded(png)
    assert abs(again.width() - first.width()) < 40 and len(ink_pixels(again)) > 100
    drag(other, [(50, 50), (80, 60)])
    assert len(other.strokes) == 1
    other.undo_stroke()
    other.undo_stroke()  # the loaded image goes last
    assert other.is_empty()
    assert not other.load_png(b"not a png") and other.is_empty()


# --- the signature dialog ----------------------------------------------------------------------


def make_dialog(qtbot: Any, **options: Any) -> SignatureDialog:
    dialog = SignatureDialog("签收", "Sign to confirm you received the notice.", **options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_ok_waits_for_ink_and_for_the_name_when_asked(qtbot: Any) -> None:
    dialog = make_dialog(qtbot, ask_name=True)
    assert dialog.windowTitle() == "签收" and dialog.instruction.text().startswith("Sign to confirm")
    assert not dialog.name_row.isHidden() and dialog.keep_box.isHidden()
    assert not dialog.ok_button.isEnabled() and not dialog.clear_button.isEnabled()
    drag(dialog.pad, [(100, 100), (200, 140), (260, 90)])
    assert not dialog.ok_button.isEnabled()  # still no name
    dialog.name.setText("  李建国 ")
    assert dialog.ok_button.isEnabled()
    dialog.undo_button.click()
    assert dialog.pad.is_empty() and not dialog.ok_button.isEnabled()
    drag(dialog.pad, [(100, 100), (200, 140)])
    dialog.clear_button.click()
    assert dialog.pad.is_empty() and not dialog.ok_button.isEnabled()
    drag(dialog.pad, [(100, 100), (200, 140)])
    dialog.ok_button.click()
    assert dialog.result() == SignatureDialog.DialogCode.Accepted
    assert dialog.signer_name() == "李建国" and dialog.keep() is False
    assert not decoded(dialog.png()).isNull()


def test_the_issuer_may_keep_the_signature_and_start_from_the_stored_one(qtbot: Any) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(600, 240)
    drag(pad, [(100, 120), (300, 150)])
    stored = pad.to_png()
    dialog = make_dialog(qtbot, offer_keep=True, initial_png=stored)
    assert dialog.name_row.isHidden() and not dialog.keep_box.isHidden()
    assert dialog.ok_button.isEnabled()  # the stored signature is ink
    dialog.keep_box.setChecked(True)
    result = dialog.result_value()
    assert result.keep is True and result.signer_name == "" and result.png
    assert make_dialog(qtbot).keep() is False  # no box offered, never kept


def test_enter_on_an_empty_pad_does_not_sign(qtbot: Any) -> None:
    dialog = make_dialog(qtbot)
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != SignatureDialog.DialogCode.Accepted


def test_ask_returns_the_result_or_none(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def sign_and_accept(dialog: SignatureDialog) -> int:
        dialog.resize(600, 300)
        drag(dialog.pad, [(100, 100), (200, 150)])
        dialog.name.setText("刘洋")
        return SignatureDialog.DialogCode.Accepted

    monkeypatch.setattr(SignatureDialog, "exec", sign_and_accept)
    result = SignatureDialog.ask(None, "签收", "Sign here", ask_name=True)
    assert isinstance(result, SignatureResult) and result.signer_name == "刘洋" and result.png
    monkeypatch.setattr(SignatureDialog, "exec", lambda dialog: SignatureDialog.DialogCode.Rejected)
    assert SignatureDialog.ask(None, "签收", "Sign here") is None


# --- "My signature" on the settings page -------------------------------------------------------



def test_any_user_draws_keeps_and_removes_their_signature_on_the_settings_page(
    qtbot: Any, context: AppContext, users: dict[Role, User], sign_in: Callable[[User], UiContext],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[InspectorError] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, error: shown.append(error))
    supervisor = users[Role.SUPERVISOR]
    page = SettingsPage(sign_in(supervisor))
    qtbot.addWidget(page)
    page.show()
    group = page.my_signature
    assert group.picture.text() == "No signature kept yet." and not group.remove_button.isEnabled()

    png = b""

    def drawn(parent: Any, title: str, instruction: str, **options: Any) -> SignatureResult:
        nonlocal png
        pad = SignaturePad()
        pad.resize(600, 240)
        drag(pad, [(100, 120), (250, 90), (400, 140)])
        png = pad.to_png()
        return SignatureResult(png=png, signer_name="", keep=True)

    monkeypatch.setattr(SignatureDialog, "ask", drawn)
    with qtbot.waitSignal(page.ui.hub.changed):
        group.draw_button.click()
    assert context.signatures.get(supervisor.id) == png
    assert group.picture.pixmap() is not None and not group.picture.pixmap().isNull()
    assert group.remove_button.isEnabled()

    group.remove_button.click()
    assert context.signatures.get(supervisor.id) is None
    assert group.picture.text() == "No signature kept yet."

    monkeypatch.setattr(SignatureDialog, "ask", lambda *args, **kwargs: SignatureResult(b"junk", "", False))
    assert not group.draw()
    assert [error.code for error in shown] == ["signature_image_invalid"]
    monkeypatch.setattr(SignatureDialog, "ask", lambda *args, **kwargs: None)
    assert not group.draw() and context.signatures.get(supervisor.id) is None


def test_a_loaded_signature_is_fitted_again_when_the_pad_grows_before_drawing(qtbot: Any, pad: SignaturePad) -> None:
    drag(pad, [(200, 40), (300, 200), (400, 40)])  # tall: 160 pad pixels
    png = pad.to_png()
    width = decoded(png).width()
    small = SignaturePad()
    qtbot.addWidget(small)
    small.resize(320, 140)  # a dialog not laid out yet
    small.load_png(png)
    assert decoded(small.to_png()).width() < width * 0.7  # squeezed into the small pad
    small.resize(1200, 480)
    small.show()  # a hidden widget gets its resize event when shown
    qtbot.waitExposed(small)
    assert abs(decoded(small.to_png()).width() - width) <= 4  # back at its natural size
