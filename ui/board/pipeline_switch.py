"""The board's pipeline switch: one pipeline's stages, or all pipelines lined up by funnel level."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal, Slot
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from planner.storage import pipelines as pipeline_repo
from planner.storage.db import PlanDB
from ui.board.controller import BoardController
from ui.plain import keep_names_narrow

translate = QCoreApplication.translate

# Wide enough for "All pipelines" (and German "Alle Pipelines") and most names whole.
PIPELINE_CHARACTERS = 18


class PipelineSwitch(QComboBox):
    """A combo box on the board's toolbar: "All pipelines", then each pipeline by name."""

    def __init__(self, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("pipeline-switch")
        keep_names_narrow(self, PIPELINE_CHARACTERS)  # a long pipeline name would widen the toolbar
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("PipelineSwitch", "Pipeline"))
        self.setToolTip(translate("PipelineSwitch", "Show one pipeline on the board, or all of them"))
        controller.stages_reset.connect(self._on_controller_stages_reset)
        self.activated.connect(self._on_activated)
        self._on_controller_stages_reset()

    @Slot()
    def _on_controller_stages_reset(self) -> None:
        # The pipelines may have changed (an import, an undo): list them again, silently.
        with QSignalBlocker(self):
            self.clear()
            self.addItem(translate("PipelineSwitch", "All pipelines"), None)
            for pipeline in self.controller.pipelines:
                self.addItem(pipeline.name, pipeline.id)
            self.setCurrentIndex(max(0, self.findData(self.controller.pipeline_id)))

    @Slot(int)
    def _on_activated(self, index: int) -> None:
        chosen = self.itemData(index)
        self.controller.set_pipeline(chosen if isinstance(chosen, int) else None)


class PipelineFilter(QComboBox):
    """ "All pipelines" or one: what the forecast and the clean-up list count (this view only).

    Hidden while the plan has one pipeline; `reload()` follows pipelines added or taken back.
    """

    pipeline_changed = Signal()

    def __init__(self, plan: PlanDB, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("pipeline-filter")
        keep_names_narrow(self, PIPELINE_CHARACTERS)  # a long pipeline name would widen the toolbar
        self.setAccessibleName(translate("PipelineSwitch", "Pipeline"))
        self.setToolTip(translate("PipelineSwitch", "Count one pipeline's deals, or all of them"))
        self.currentIndexChanged.connect(self._on_current_index_changed)
        self.reload()

    def chosen(self) -> int | None:
        """The chosen pipeline's id, or None for all."""
        data = self.currentData()
        return data if isinstance(data, int) else None

    def reload(self) -> None:
        """List the plan's pipelines again, keeping the choice while it exists."""
        keep = self.chosen()
        pipelines = pipeline_repo.list_pipelines(self.plan)
        with QSignalBlocker(self):
            self.clear()
            self.addItem(translate("PipelineSwitch", "All pipelines"), None)
            for pipeline in pipelines:
                self.addItem(pipeline.name, pipeline.id)
            self.setCurrentIndex(max(0, self.findData(keep)))
        self.setVisible(len(pipelines) > 1)

    @Slot(int)
    def _on_current_index_changed(self, _index: int) -> None:
        self.pipeline_changed.emit()
