from .forms import FormDefinition, FormVersion, GroupQuestion, QuestionGroup, VersionQuestion
from .people import PersonLink, PortalPerson
from .questions import DataType, Question, QuestionChoice
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
    "Submission",
    "SubmissionEvent",
    "SubmissionFile",
    "SubmissionStep",
    "VersionQuestion",
]
