from django.urls import path

from .builder import preview
from .filling import details
from .filling import views as filling
from .people import views as people
from .printing import views as printing

app_name = "send"

urlpatterns = [
    # People and the SEND home
    path("", people.home, name="home"),
    path("people/add/", people.add_person, name="add_person"),
    path("people/<int:pk>/", filling.PersonFormsView.as_view(), name="person"),
    path("people/<int:pk>/check/", people.check_person, name="check_person"),
    path("people/<int:pk>/hide/", people.hide_person, name="hide_person"),
    path("people/<int:pk>/show/", people.show_person, name="show_person"),
    path("my-details/", people.my_details, name="my_details"),
    # Completing a form
    path("people/<int:person>/start/", filling.start, name="start"),
    path("submissions/<int:pk>/", filling.submission, name="submission"),
    path("submissions/<int:pk>/subject/", filling.subject, name="subject"),
    path("submissions/<int:pk>/subject/correct/", details.correct_child, name="correct_child"),
    path("submissions/<int:pk>/your-details/", details.professional, name="professional"),
    path("submissions/<int:pk>/step/<int:number>/", filling.step, name="step"),
    path("submissions/<int:pk>/check/", filling.check, name="check"),
    path("submissions/<int:pk>/done/", filling.confirmation, name="confirmation"),
    path("submissions/<int:pk>/files/<int:file>/", filling.download, name="file"),
    path("submissions/<int:pk>/files/<int:file>/remove/", filling.remove_file, name="remove_file"),
    path("submissions/<int:pk>/reopen/", filling.reopen, name="reopen"),
    # Printing
    path("submissions/<int:pk>/print/", printing.print_submission, name="print_submission"),
    path("forms/<str:code>/print/", printing.print_blank, name="print_blank"),
    # The SEND team's preview of a form
    path("preview/<int:pk>/<str:version>/", preview.intro, name="preview"),
    path("preview/<int:pk>/<str:version>/subject/", preview.subject, name="preview_subject"),
    path("preview/<int:pk>/<str:version>/step/<int:number>/", preview.step, name="preview_step"),
    path("preview/<int:pk>/<str:version>/end/", preview.end, name="preview_end"),
]
