from .forms import FormDefinition, FormVersion, GroupQuestion, QuestionGroup, VersionQuestion
from .people import PersonLink, PortalPerson
from .questions import DataType, Question, QuestionChoice
from .settings import SendSettings
from .submissions import Answer, Submission, SubmissionEvent, SubmissionFile, SubmissionStep

__all__ = [
    "Answer",
    "DataType",
    "FormDefinition",
    "FormVersion",
    "GroupQuestion",
    "PersonLink",
    "PortalPerson",
    "Question",
    "QuestionChoice",
    "QuestionGroup",
    "SendSettings",
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
    "SubmissionStep",
    "VersionQuestion",
]
