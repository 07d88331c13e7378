"""How the customer paid: one list for every money dialog (counter, visit, return)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from app.i18n import QT_TRANSLATE_NOOP

_METHODS = (("cash", QT_TRANSLATE_NOOP("PaymentMethods", "Cash")),
            ("wechat", QT_TRANSLATE_NOOP("PaymentMethods", "WeChat Pay")),
            ("alipay", QT_TRANSLATE_NOOP("PaymentMethods", "Alipay")),
            ("card", QT_TRANSLATE_NOOP("PaymentMethods", "Bank card")),
            ("transfer", QT_TRANSLATE_NOOP("PaymentMethods", "Bank transfer")))


def method_text(method: str) -> str:
    """A payment method's name in the user's language (the code itself if unknown)."""
    source = dict(_METHODS).get(method)
    return QCoreApplication.translate("PaymentMethods", source) if source else method


def method_combo(*, transfer: bool = True) -> QComboBox:
    """A combo of payment methods (data: the method code); no transfer on the spot."""
    combo = QComboBox()
    combo.setObjectName("method")
    for method, text in _METHODS:
        if method != "transfer" or transfer:
            combo.addItem(QCoreApplication.translate("PaymentMethods", text), method)
    return combo
