"""The validated content model."""

from generator.model.common import Id, Strict, Text
from generator.model.dosage import Amount, Count, Dosage, Frequency
from generator.model.exercise import Caution, Cue, Exercise, SourceRef, Step, Variation
from generator.model.figure import Figure
from generator.model.guide import AcutePain, Citation, Guide, RedFlags, Review, Safety, Source, Stage
from generator.model.pose import Arrow, Pose, PoseDrawing, Prop, View
from generator.model.routine import Routine, RoutineItem

__all__ = [
    "AcutePain", "Amount", "Arrow", "Citation", "Caution", "Count", "Cue", "Dosage", "Exercise", "Figure", "Frequency", "Guide", "Id", "Pose", "PoseDrawing", "Prop", "RedFlags", "View",
    "Review", "Routine", "RoutineItem", "Safety", "Source", "SourceRef", "Stage", "Step", "Strict", "Text",
    "Variation",
]
