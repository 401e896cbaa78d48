from .views import credentials, invitations, my_account, registration, session, sign_in

app_name = "accounts"

urlpatterns = [
    *registration.urlpatterns,
    *sign_in.urlpatterns,
    *credentials.urlpatterns,
    *my_account.urlpatterns,
    *invitations.urlpatterns,
    *session.urlpatterns,
]
