"""A PC's very first start: where is the store's database? A new one on this PC (a store with
one counter, or the PC that keeps the store's file; the default) or the company's server (a
branch's PC). The answer is kept: the next starts do not ask again."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget


class StoreChoiceDialog(QMessageBox):
    """``choice`` after exec: LOCAL, SERVER or QUIT (the window closed)."""

    LOCAL, SERVER, QUIT = "local", "server", "quit"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("This PC's database"))
        self.setText(self.tr("Service Counter starts on this PC for the first time. Where "
                             "are the store's records kept?"))
        self.setInformativeText(self.tr(
            "A store of its own (one counter, or the PC that keeps the store's file): create "
            "the store's database on this PC.\n"
            "A branch of a company: connect to the company's server (the service department "
            "gives its address and your user name).\n"
            "This PC remembers the answer; Settings can change it later."))
        self.choices: dict[str, QPushButton] = {
            self.LOCAL: self.addButton(self.tr("Create the store's database on this PC"),
                                       QMessageBox.ButtonRole.AcceptRole),
            self.SERVER: self.addButton(self.tr("Connect to the company's server…"),
                                        QMessageBox.ButtonRole.ActionRole),
            self.QUIT: self.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole),
        }
        self.setDefaultButton(self.choices[self.LOCAL])
        self.setEscapeButton(self.choices[self.QUIT])

    @property
    def choice(self) -> str:
        clicked = self.clickedButton()
        return next((name for name, button in self.choices.items() if button is clicked),
                    self.QUIT)
