# Generated from forms/user_edit.ui by tools/build_forms.py (pyside6-uic). Do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_edit.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_UserEditDialog(object):
    def setupUi(self, UserEditDialog):
        if not UserEditDialog.objectName():
            UserEditDialog.setObjectName(u"UserEditDialog")
        UserEditDialog.resize(440, 260)
        UserEditDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(UserEditDialog)
        self.layout.setSpacing(10)
        self.layout.setObjectName(u"layout")
        self.layout.setContentsMargins(20, 18, 20, 16)
        self.heading = QLabel(UserEditDialog)
        self.heading.setObjectName(u"heading")
        self.heading.setProperty(u"role", u"sectionTitle")

        self.layout.addWidget(self.heading)

        self.intro = QLabel(UserEditDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)
        self.intro.setProperty(u"role", u"hint")

        self.layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.fields.setHorizontalSpacing(12)
        self.fields.setVerticalSpacing(8)
        self.usernameLabel = QLabel(UserEditDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(UserEditDialog)
        self.username.setObjectName(u"username")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.displayNameLabel = QLabel(UserEditDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(UserEditDialog)
        self.displayName.setObjectName(u"displayName")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.roleLabel = QLabel(UserEditDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(UserEditDialog)
        self.role.setObjectName(u"role")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.active = QCheckBox(UserEditDialog)
        self.active.setObjectName(u"active")
        self.active.setChecked(True)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.active)

        self.passwordLabel = QLabel(UserEditDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(UserEditDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.password)

        self.confirmLabel = QLabel(UserEditDialog)
        self.confirmLabel.setObjectName(u"confirmLabel")

        self.fields.setWidget(5, QFormLayout.ItemRole.LabelRole, self.confirmLabel)

        self.confirm = QLineEdit(UserEditDialog)
        self.confirm.setObjectName(u"confirm")
        self.confirm.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.confirm)


        self.layout.addLayout(self.fields)

        self.error = QLabel(UserEditDialog)
        self.error.setObjectName(u"error")
        self.error.setText(u"")
        self.error.setWordWrap(True)
        self.error.setProperty(u"role", u"error")

        self.layout.addWidget(self.error)

        self.buttons = QDialogButtonBox(UserEditDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.displayNameLabel.setBuddy(self.displayName)
        self.roleLabel.setBuddy(self.role)
        self.passwordLabel.setBuddy(self.password)
        self.confirmLabel.setBuddy(self.confirm)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.displayName)
        QWidget.setTabOrder(self.displayName, self.role)
        QWidget.setTabOrder(self.role, self.active)
        QWidget.setTabOrder(self.active, self.password)
        QWidget.setTabOrder(self.password, self.confirm)

        self.retranslateUi(UserEditDialog)

        QMetaObject.connectSlotsByName(UserEditDialog)
    # setupUi

    def retranslateUi(self, UserEditDialog):
        UserEditDialog.setWindowTitle(QCoreApplication.translate("UserEditDialog", u"User account", None))
        self.heading.setText(QCoreApplication.translate("UserEditDialog", u"User account", None))
        self.intro.setText("")
        self.usernameLabel.setText(QCoreApplication.translate("UserEditDialog", u"&User name:", None))
        self.displayNameLabel.setText(QCoreApplication.translate("UserEditDialog", u"&Display name:", None))
        self.roleLabel.setText(QCoreApplication.translate("UserEditDialog", u"&Role:", None))
        self.active.setText(QCoreApplication.translate("UserEditDialog", u"&Active (may sign in)", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserEditDialog", u"&Password:", None))
        self.confirmLabel.setText(QCoreApplication.translate("UserEditDialog", u"Re&peat password:", None))
    # retranslateUi

