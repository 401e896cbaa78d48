from .actions import Action
from .delegation import AutomaticReply, DelegatedTask, TaskHistory, WorkGroup
from .documents import Document, DocumentRecipient
from .forms import FormDefinition, FormVersion, GroupQuestion, QuestionGroup, VersionQuestion
from .invitations import BulkInvitationRun, CaseInvitation, InvitedChild
from .involvements import (
    CaseReminder,
    InformationRequest,
    Involvement,
    InvolvementDate,
    InvolvementException,
    PortalSharing,
)
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
    "Action",
    "Answer",
    "AutomaticReply",
    "BulkInvitationRun",
    "CaseInvitation",
    "CaseReminder",
    "DataType",
    "DelegatedTask",
    "Document",
    "DocumentRecipient",
    "FormDefinition",
    "FormVersion",
    "GroupQuestion",
    "InformationRequest",
    "InvitedChild",
    "Involvement",
    "InvolvementDate",
    "InvolvementException",
    "Matching",
    "PersonLink",
    "PortalPerson",
    "PortalSharing",
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
    "TaskHistory",
    "VersionQuestion",
    "WorkGroup",
]
