"""The board's pipeline switch: one pipeline's stages, or all pipelines lined up by funnel level."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Slot
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from ui.board.controller import BoardController

translate = QCoreApplication.translate


class PipelineSwitch(QComboBox):
    """A combo box on the board's toolbar: "All pipelines", then each pipeline by name."""

    def __init__(self, controller: BoardController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("pipeline-switch")
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
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
