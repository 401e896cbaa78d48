from django.urls import path

from portal.access import public

from . import views

app_name = "gdpr"

urlpatterns = [
    public(path("register/consent/", views.registration_consent, name="registration_consent")),
    path("consent/", views.agree, name="agree"),
    path("consent/history/", views.history, name="history"),
    path("consent/withdraw/", views.withdraw, name="withdraw"),
    path("consent/withdraw/confirm/", views.withdraw_confirm, name="withdraw_confirm"),
    public(path("consent/withdrawn/", views.withdrawn, name="withdrawn")),
]
