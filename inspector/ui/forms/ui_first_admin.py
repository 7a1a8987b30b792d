# Generated from forms/first_admin.ui by tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_admin.ui'
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

class Ui_FirstAdminDialog(object):
    def setupUi(self, FirstAdminDialog):
        if not FirstAdminDialog.objectName():
            FirstAdminDialog.setObjectName(u"FirstAdminDialog")
        FirstAdminDialog.resize(460, 260)
        FirstAdminDialog.setMinimumSize(QSize(440, 0))
        self.layout = QVBoxLayout(FirstAdminDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(20, 18, 20, 16)
        self.heading = QLabel(FirstAdminDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setProperty(u"role", u"sectionTitle")

        self.layout.addWidget(self.heading)

        self.intro = QLabel(FirstAdminDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setProperty(u"role", u"hint")

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setHorizontalSpacing(12)
        self.fields.setVerticalSpacing(8)
        self.usernameLabel = QLabel(FirstAdminDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(FirstAdminDialog)
        self.username.setObjectName(u"username")
        self.username.setText(u"admin")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.displayNameLabel = QLabel(FirstAdminDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(FirstAdminDialog)
        self.displayName.setObjectName(u"displayName")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.passwordLabel = QLabel(FirstAdminDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(FirstAdminDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(FirstAdminDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(FirstAdminDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.fields)

        self.error = QLabel(FirstAdminDialog)
        self.error.setObjectName(u"error")
        self.error.setText(u"")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(FirstAdminDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.displayNameLabel.setBuddy(self.displayName)
        self.passwordLabel.setBuddy(self.password)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.displayName)
        QWidget.setTabOrder(self.displayName, self.password)
        QWidget.setTabOrder(self.password, self.confirm)

        self.retranslateUi(FirstAdminDialog)

        QMetaObject.connectSlotsByName(FirstAdminDialog)
    # setupUi

    def retranslateUi(self, FirstAdminDialog):
        FirstAdminDialog.setWindowTitle(QCoreApplication.translate("FirstAdminDialog", u"Create the administrator", None))
        self.heading.setText(QCoreApplication.translate("FirstAdminDialog", u"Welcome to Inspector", None))
        self.intro.setText(QCoreApplication.translate("FirstAdminDialog", u"This data folder has no accounts yet. Create the administrator account: it adds the supervisors, quality office staff and managers who will use Inspector.", None))
        self.usernameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&User name:", None))
        self.displayNameLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Display name:", None))
        self.passwordLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Password:", None))
        self.confirmLabel.setText(QCoreApplication.translate("FirstAdminDialog", u"&Repeat password:", None))
    # retranslateUi

