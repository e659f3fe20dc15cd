"""A deal editor's pipeline field: choosing a pipeline offers only that pipeline's stages."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from planner.model import Opportunity, Pipeline, Stage
from planner.pipelines import pipeline_of_stage
from ui.plain import keep_names_narrow

translate = QCoreApplication.translate


class PipelineChoice(QComboBox):
    """The pipelines by name; choosing one fills the stage box with its open stages.

    A deal in a closed stage keeps that stage among the choices (every pipeline shares the
    closed stages). With one pipeline there is nothing to choose: `shown` is False.
    """

    def __init__(
        self,
        stage_box: QComboBox,
        stages: Sequence[Stage],
        pipelines: Sequence[Pipeline],
        existing: Opportunity | None,
        chosen: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pipeline-choice")
        keep_names_narrow(self)
        self.setAccessibleName(translate("OpportunityDialog", "Pipeline"))
        self._stage_box = stage_box
        self._stages = list(stages)
        self._first = pipelines[0].id if pipelines else 0
        self._existing = existing
        self.shown = len(pipelines) > 1
        for pipeline in pipelines:
            self.addItem(pipeline.name, pipeline.id)
        if existing is not None:
            current = next((s for s in self._stages if s.id == existing.stage_id), None)
            chosen = pipeline_of_stage(current, self._first) if current is not None else None
            chosen = chosen if chosen is not None else self._first
        self.setCurrentIndex(max(0, self.findData(chosen if chosen is not None else self._first)))
        self.currentIndexChanged.connect(self._on_current_index_changed)
        self._fill()

    def _fill(self) -> None:
        wanted = self.currentData()
        keep = self._stage_box.currentData()
        with QSignalBlocker(self._stage_box):
            self._stage_box.clear()
            for stage in self._stages:
                if stage.is_closed:
                    if self._existing is not None and self._existing.stage_id == stage.id:
                        self._stage_box.addItem(stage.name, stage.id)
                elif not self.shown or pipeline_of_stage(stage, self._first) == wanted:
                    self._stage_box.addItem(stage.name, stage.id)
            self._stage_box.setCurrentIndex(max(0, self._stage_box.findData(keep)))
        self._stage_box.currentIndexChanged.emit(self._stage_box.currentIndex())

    @Slot(int)
    def _on_current_index_changed(self, _index: int) -> None:
        self._fill()
