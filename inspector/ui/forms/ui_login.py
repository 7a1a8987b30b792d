# Generated from forms/login.ui by tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login.ui'
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

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(400, 230)
        LoginDialog.setMinimumSize(QSize(380, 0))
        self.layout = QVBoxLayout(LoginDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(20, 18, 20, 16)
        self.heading = QLabel(LoginDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setProperty(u"role", u"sectionTitle")

        self.layout.addWidget(self.heading)

        self.hint = QLabel(LoginDialog)
        self.hint.setObjectName(u"hint")
        self.hint.setText(u"")
        self.hint.setWordWrap(True)
        self.hint.setProperty(u"role", u"hint")

        self.layout.addWidget(self.hint)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setHorizontalSpacing(12)
        self.fields.setVerticalSpacing(8)
        self.usernameLabel = QLabel(LoginDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(LoginDialog)
        self.username.setObjectName(u"username")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.passwordLabel = QLabel(LoginDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(LoginDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)


        self.layout.addLayout(self.fields)

        self.error = QLabel(LoginDialog)
        self.error.setObjectName(u"error")
        self.error.setText(u"")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(LoginDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.passwordLabel.setBuddy(self.password)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.password)

        self.retranslateUi(LoginDialog)

        QMetaObject.connectSlotsByName(LoginDialog)
    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in to Inspector", None))
        self.heading.setText(QCoreApplication.translate("LoginDialog", u"Sign in", None))
        self.usernameLabel.setText(QCoreApplication.translate("LoginDialog", u"&User name:", None))
        self.passwordLabel.setText(QCoreApplication.translate("LoginDialog", u"&Password:", None))
    # retranslateUi

