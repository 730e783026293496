"""The validated content model."""

from .common import Id, Strict, Text
from .dosage import Amount, Count, Dosage, Frequency
from .exercise import Caution, Cue, Exercise, SourceRef, Step, Variation
from .figure import Figure
from .guide import AcutePain, Citation, Guide, RedFlags, Review, Safety, Source, Stage
from .pose import Arrow, Pose, PoseDrawing, Prop, View
from .routine import Routine, RoutineItem

__all__ = [
    "AcutePain", "Amount", "Arrow", "Citation", "Caution", "Count", "Cue", "Dosage", "Exercise", "Figure", "Frequency", "Guide", "Id", "Pose", "PoseDrawing", "Prop", "RedFlags", "View",
    "Review", "Routine", "RoutineItem", "Safety", "Source", "SourceRef", "Stage", "Step", "Strict", "Text",
    "Variation",
]
