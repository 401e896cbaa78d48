from .forms import FormDefinition, FormVersion, GroupQuestion, QuestionGroup, VersionQuestion
from .people import PersonLink, PortalPerson
from .printing import PrintJob
from .questions import DataType, Question, QuestionChoice
from .settings import SendSettings
from .submissions import (
    Answer,
    Matching,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionFile,
    SubmissionStep,
)

__all__ = [
    "Answer",
    "DataType",
    "FormDefinition",
    "FormVersion",
    "GroupQuestion",
    "Matching",
    "PersonLink",
    "PortalPerson",
    "PrintJob",
    "Question",
    "QuestionChoice",
    "QuestionGroup",
    "Review",
    "SendSettings",
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
    "SubmissionStep",
    "VersionQuestion",
]
