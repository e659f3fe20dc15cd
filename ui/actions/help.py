"""The window's own settings and help: welcome, preferences, theme, recent plans, guide, about."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from planner import __version__
from ui import plain
from ui.actions.plan import PlanActions
from ui.app_settings import AppSettings
from ui.session import EditSession

if TYPE_CHECKING:
    from ui.welcome import WelcomeDialog

translate = QCoreApplication.translate


class HelpActions(QObject):
    """Help and preferences of one window; dialogs open over `widget`."""

    def __init__(
        self,
        session: EditSession,
        widget: QWidget,
        settings: AppSettings,
        plan_actions: PlanActions,
        *,
        demo: bool,
        start_own: Callable[[], object],
        show_forecast_settings: Callable[[], object],
    ) -> None:
        super().__init__(widget)
        self.session = session
        self.widget = widget
        self.settings = settings
        self.plan_actions = plan_actions
        self.demo = demo
        self.start_own = start_own
        self.show_forecast_settings = show_forecast_settings
        # View → Theme's choices, by Theme value (filled by theme_menu).
        self.theme_actions: dict[str, QAction] = {}

    @Slot()
    def about(self) -> None:
        plain.about(self.widget, translate("MainWindow", "About Opportunity Planner"), self.about_text())

    def about_text(self) -> str:
        """What Help → About says: the version, the method, this plan's file."""
        path = self.session.plan.path
        where = str(path) if path else translate("MainWindow", "in memory")
        return translate(
            "MainWindow",
            "Opportunity Planner {version}\n\nPlan B2B deals offline with the Miller Heiman method.\n\n"
            "This plan: {where}\nLicense: MIT",
        ).format(version=__version__, where=where)

    @Slot()
    def show_shortcuts(self) -> None:
        from ui.help import ShortcutsDialog

        ShortcutsDialog(self.widget).exec()

    @Slot()
    def show_guide(self) -> None:
        from ui.help import GuideDialog

        GuideDialog(self.widget).exec()

    def welcome_first_time(self) -> WelcomeDialog | None:
        """The welcome, if this computer has not seen it yet."""
        return None if self.settings.welcome_seen() else self.show_welcome()

    @Slot()
    def show_welcome(self) -> WelcomeDialog:
        """Help → Welcome…: the first run's three steps again (ui/welcome.py)."""
        from ui.welcome import show_welcome

        writable = self.session.read_only_reason is None
        return show_welcome(
            self.widget,
            self.settings,
            demo=self.demo,
            # The banner's actions, looked up when clicked.
            start_own=(lambda: self.start_own()) if self.demo else None,
            import_from_crm=(lambda: self.plan_actions.import_from_crm()) if writable else None,
        )

    @Slot()
    def edit_preferences(self) -> None:
        """Edit → Preferences…: language, theme, paper; links to the plan's own settings."""
        from ui.dialogs.preferences_dialog import run_preferences

        run_preferences(
            self.widget,
            self.settings,
            plan_editable=self.session.read_only_reason is None,
            edit_currencies=lambda: self.plan_actions.edit_currencies(),
            edit_stages=lambda: self.plan_actions.edit_stage_settings(),
            forecast_settings=lambda: self.show_forecast_settings(),
            set_theme=self.set_theme,
        )

    def theme_menu(self, menu: QMenu) -> None:
        """Fill View → Theme."""
        for value, label in (
            ("system", translate("MainWindow", "Follow the &system")),
            ("light", translate("MainWindow", "&Light")),
            ("dark", translate("MainWindow", "&Dark")),
        ):
            action = menu.addAction(label)
            action.setCheckable(True)
            action.triggered.connect(lambda _checked=False, v=value: self.set_theme(v))
            self.theme_actions[value] = action
        self.theme_actions[self.settings.theme().value].setChecked(True)

    def set_theme(self, value: str) -> None:
        """View → Theme: follow the system, or light or dark; remembered on this computer."""
        from PySide6.QtWidgets import QApplication

        from ui.theme import Theme, apply_theme

        theme = Theme(value)
        self.settings.set_theme(theme)
        for name, action in self.theme_actions.items():
            action.setChecked(name == theme.value)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def fill_recent(self, menu: QMenu) -> None:
        """File → Open recent, as it is about to show."""
        menu.clear()
        for path in self.settings.recent_plans():
            action = menu.addAction(str(path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.plan_actions.open_plan_requested.emit(p)
            )
        if menu.isEmpty():
            menu.addAction(translate("MainWindow", "No other plans yet")).setEnabled(False)
