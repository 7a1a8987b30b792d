# Generated from forms/password.ui by tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_PasswordDialog(object):
    def setupUi(self, PasswordDialog):
        if not PasswordDialog.objectName():
            PasswordDialog.setObjectName(u"PasswordDialog")
        PasswordDialog.resize(420, 260)
        PasswordDialog.setMinimumSize(QSize(400, 0))
        self.layout = QVBoxLayout(PasswordDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(20, 18, 20, 16)
        self.heading = QLabel(PasswordDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setProperty(u"role", u"sectionTitle")

        self.layout.addWidget(self.heading)

        self.intro = QLabel(PasswordDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setProperty(u"role", u"hint")

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setHorizontalSpacing(12)
        self.fields.setVerticalSpacing(8)
        self.currentLabel = QLabel(PasswordDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.current = QLineEdit(PasswordDialog)
        self.current.setObjectName(u"current")
        self.current.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current)

        self.passwordLabel = QLabel(PasswordDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(PasswordDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(PasswordDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(PasswordDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.fields)

        self.error = QLabel(PasswordDialog)
        self.error.setObjectName(u"error")
        self.error.setText(u"")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(PasswordDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.currentLabel.setBuddy(self.current)
        self.passwordLabel.setBuddy(self.password)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.current, self.password)
        QWidget.setTabOrder(self.password, self.confirm)

        self.retranslateUi(PasswordDialog)

        QMetaObject.connectSlotsByName(PasswordDialog)
    # setupUi

    def retranslateUi(self, PasswordDialog):
        PasswordDialog.setWindowTitle(QCoreApplication.translate("PasswordDialog", u"Change password", None))
        self.heading.setText(QCoreApplication.translate("PasswordDialog", u"Change password", None))
        self.intro.setText(QCoreApplication.translate("PasswordDialog", u"Choose a password of at least six characters.", None))
        self.currentLabel.setText(QCoreApplication.translate("PasswordDialog", u"&Current password:", None))
        self.passwordLabel.setText(QCoreApplication.translate("PasswordDialog", u"&New password:", None))
        self.confirmLabel.setText(QCoreApplication.translate("PasswordDialog", u"&Repeat new password:", None))
    # retranslateUi

