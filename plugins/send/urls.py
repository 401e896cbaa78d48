from django.urls import path

from portal.access import NOT_AN_ID, route

from .builder import preview
from .casework import family
from .casework.actions import views as actions
from .casework.case import views as case
from .casework.delegation import views as delegation
from .casework.documents import views as documents
from .casework.invitations import views as invitations
from .filling import details
from .filling import views as filling
from .people import views as people
from .printing import views as printing

app_name = "send"

# Each URL argument names its kind of object for portal.access (the URLconf sweep test).
PERSON = "send.person"
SUBMISSION = "send.submission"
FILE = "send.submission_file"
FORM = "send.form_definition"
SHARED = "send.shared_submission"
SHARED_FILE = "send.shared_submission_file"
CASE = "send.case"
TASK = "send.delegated_task"

urlpatterns = [
    # People and the SEND home
    path("", people.home, name="home"),
    path("people/add/", people.add_person, name="add_person"),
    route(path("people/<int:pk>/", filling.PersonFormsView.as_view(), name="person"), pk=PERSON),
    route(path("people/<int:pk>/check/", people.check_person, name="check_person"), pk=PERSON),
    route(path("people/<int:pk>/hide/", people.hide_person, name="hide_person"), pk=PERSON),
    route(path("people/<int:pk>/show/", people.show_person, name="show_person"), pk=PERSON),
    path("my-details/", people.my_details, name="my_details"),
    # Completing a form
    route(path("people/<int:person>/start/", filling.start, name="start"), person=PERSON),
    route(path("submissions/<int:pk>/", filling.submission, name="submission"), pk=SUBMISSION),
    route(path("submissions/<int:pk>/subject/", filling.subject, name="subject"), pk=SUBMISSION),
    route(
        path("submissions/<int:pk>/subject/correct/", details.correct_child, name="correct_child"),
        pk=SUBMISSION,
    ),
    route(
        path("submissions/<int:pk>/your-details/", details.professional, name="professional"),
        pk=SUBMISSION,
    ),
    route(
        path("submissions/<int:pk>/step/<int:number>/", filling.step, name="step"),
        pk=SUBMISSION,
        number=NOT_AN_ID,
    ),
    route(path("submissions/<int:pk>/check/", filling.check, name="check"), pk=SUBMISSION),
    route(
        path("submissions/<int:pk>/done/", filling.confirmation, name="confirmation"),
        pk=SUBMISSION,
    ),
    route(
        path("submissions/<int:pk>/files/<int:file>/", filling.download, name="file"),
        pk=SUBMISSION,
        file=FILE,
    ),
    route(
        path(
            "submissions/<int:pk>/files/<int:file>/remove/",
            filling.remove_file,
            name="remove_file",
        ),
        pk=SUBMISSION,
        file=FILE,
    ),
    route(path("submissions/<int:pk>/reopen/", filling.reopen, name="reopen"), pk=SUBMISSION),
    # The child's case dashboard (a child record the user is authenticated on)
    route(path("case/<int:pk>/", case.dashboard, name="case"), pk=CASE),
    # Forms the council shared on the child's case
    route(path("shared/<int:pk>/", family.shared_submission, name="shared_submission"), pk=SHARED),
    route(path("shared/<int:pk>/print/", printing.print_shared, name="print_shared"), pk=SHARED),
    route(
        path("shared/<int:pk>/files/<int:file>/", family.shared_file, name="shared_file"),
        pk=SHARED,
        file=SHARED_FILE,
    ),
    # Invitations to a child's case: the code in the email is a secret, not an id.
    path("invitations/", invitations.invitations, name="invitations"),
    route(
        path("invitations/<str:code>/", invitations.invitation, name="invitation"), code=NOT_AN_ID
    ),
    # Documents the council published on the child's case
    route(
        path("children/<int:child>/documents/", documents.documents, name="documents"),
        child="send.documents_child",
    ),
    route(path("documents/<int:pk>/", documents.download, name="document"), pk="send.document"),
    # Actions to complete: the forms the council asked the user to complete for a child
    route(
        path("children/<int:child>/actions/", actions.items_to_complete, name="actions"),
        child="send.actions_child",
    ),
    route(path("actions/<int:pk>/start/", actions.start, name="start_action"), pk="send.action"),
    # Delegated tasks: the professional's delegation pages
    path("tasks/", delegation.tasks, name="tasks"),
    path("tasks/automatic-reply/", delegation.automatic_reply, name="automatic_reply"),
    route(path("tasks/<int:pk>/", delegation.task, name="task"), pk=TASK),
    route(path("tasks/<int:pk>/pick-up/", delegation.pick_up, name="task_pick_up"), pk=TASK),
    route(path("tasks/<int:pk>/form/", delegation.open_form, name="task_form"), pk=TASK),
    route(path("tasks/<int:pk>/reassign/", delegation.reassign, name="task_reassign"), pk=TASK),
    route(
        path("tasks/<int:pk>/countersign/", delegation.countersign, name="task_countersign"),
        pk=TASK,
    ),
    route(path("tasks/<int:pk>/submit/", delegation.submit, name="task_submit"), pk=TASK),
    # Printing
    route(
        path("submissions/<int:pk>/print/", printing.print_submission, name="print_submission"),
        pk=SUBMISSION,
    ),
    route(
        path("forms/<str:code>/print/", printing.print_blank, name="print_blank"),
        code=(FORM, "code"),
    ),
    # The SEND team's preview of a form: the version is "draft" or a number of that form
    route(
        path("preview/<int:pk>/<str:version>/", preview.intro, name="preview"),
        pk=FORM,
        version=NOT_AN_ID,
    ),
    route(
        path("preview/<int:pk>/<str:version>/subject/", preview.subject, name="preview_subject"),
        pk=FORM,
        version=NOT_AN_ID,
    ),
    route(
        path(
            "preview/<int:pk>/<str:version>/step/<int:number>/", preview.step, name="preview_step"
        ),
        pk=FORM,
        version=NOT_AN_ID,
        number=NOT_AN_ID,
    ),
    route(
        path("preview/<int:pk>/<str:version>/end/", preview.end, name="preview_end"),
        pk=FORM,
        version=NOT_AN_ID,
    ),
]
