"""Loading the demo council. Each part is created only when missing, so running it again
changes nothing an editor has done."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from accounts.addresses import load_demo_addresses
from accounts.models import SECRET_QUESTIONS
from portal import plugins
from records.demo import load_demo_register

from . import cache
from .demo_content import ANNOUNCEMENT, COUNCIL_NAME, HOME, PAGES, TILES
from .models import Announcement, BrandingSettings, HomePage, StandardPage, Tile

# email, first name, last name, kind, superuser, groups, two-step verification on, extra fields,
# and the secret question with its answer (printed with the sign-ins, for password resets).
DEMO_USERS = [
    ("admin@example.org", "Ada", "Admin", "staff", True, [], True, {}, ("first_pet", "Biscuit")),
    (
        "editor@example.org",
        "Eddie",
        "Editor",
        "staff",
        False,
        ["Portal editors", "Editors"],
        True,
        {},
        ("birth_town", "Swansea"),
    ),
    (
        "caseworker@example.org",
        "Cai",
        "Caseworker",
        "staff",
        False,
        ["SEND team"],
        True,
        {},
        ("favourite_teacher", "Jones"),
    ),
    (
        "parent@example.org",
        "Priya",
        "Parent",
        "citizen",
        False,
        [],
        True,
        {"address_line_1": "1 High Street", "town": "Demo Town", "postcode": "DB1 1AA"},
        ("first_school", "Demo Primary"),
    ),
    (
        "young.person@example.org",
        "Yusuf",
        "Young",
        "citizen",
        False,
        [],
        False,
        {"address_line_1": "2 High Street", "town": "Demo Town", "postcode": "DB1 1AA"},
        ("childhood_street", "High Street"),
    ),
    (
        "professional@example.org",
        "Pat",
        "Professional",
        "professional",
        False,
        [],
        True,
        {
            "professional_role": "SENCO",
            "organisation": "Demo Primary School",
            "verification_state": "verified",
        },
        ("first_pet", "Pepper"),
    ),
    (
        "head.teacher@example.org",
        "Helen",
        "Head",
        "professional",
        False,
        [],
        True,
        {
            "professional_role": "Head teacher",
            "organisation": "Demo Primary School",
            "verification_state": "verified",
        },
        ("birth_town", "Newport"),
    ),
]


def demo_password():
    """DEMO_PASSWORD from the environment, or a strong one generated once and kept in var/."""
    if settings.DEMO_PASSWORD:
        return settings.DEMO_PASSWORD
    path = Path(settings.VAR_DIR) / "demo-password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Demo-{secrets.token_urlsafe(15)}-7\n")
        path.chmod(0o600)
    return path.read_text().strip()


EDITOR_PERMISSIONS = [
    ("core", codename)
    for model in ("textresource", "tile", "announcement")
    for codename in (f"add_{model}", f"change_{model}", f"delete_{model}")
] + [("wagtailadmin", "access_admin")]


def _publish(page):
    page.save_revision().publish()
    return page


def _body(paragraphs):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs]


def _home(english, welsh):
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" page (and the site pointing at it) make way for ours.
        for page in root.get_children().filter(content_type__model="page"):
            page.delete()
        home = HomePage(title=HOME["en"]["title"], slug="home", intro=HOME["en"]["intro"])
        root.add_child(instance=home)
        _publish(home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": COUNCIL_NAME[0],
            },
        )
    if home.get_translation_or_none(welsh) is None:
        welsh_home = home.copy_for_translation(welsh)
        welsh_home.title = HOME["cy"]["title"]
        welsh_home.intro = HOME["cy"]["intro"]
        _publish(welsh_home)
    return home


def _pages(home, welsh):
    pages = {}
    for slug, in_footer, en, cy in PAGES:
        page = StandardPage.objects.filter(locale=home.locale, slug=slug).first()
        if page is None:
            page = StandardPage(
                title=en[0], slug=slug, intro=en[1], body=_body(en[2]), show_in_footer=in_footer
            )
            home.add_child(instance=page)
            _publish(page)
        if page.get_translation_or_none(welsh) is None:
            translated = page.copy_for_translation(welsh)
            translated.title, translated.intro, translated.body = cy[0], cy[1], _body(cy[2])
            _publish(translated)
        pages[slug] = page
    return pages


def _tiles(english, welsh, pages):
    if Tile.objects.filter(locale=english).exists():
        return
    for en_title, en_description, cy_title, cy_description, icon, target in TILES:
        page = pages.get(target.get("page"))
        tile = Tile.objects.create(
            locale=english,
            title=en_title,
            description=en_description,
            icon=icon,
            page=page,
            external_url=target.get("external_url", ""),
        )
        translated = tile.copy_for_translation(welsh)
        translated.title, translated.description = cy_title, cy_description
        translated.save()


def _announcement(english, welsh):
    if Announcement.objects.filter(locale=english).exists():
        return
    title, body = ANNOUNCEMENT["en"]
    announcement = Announcement.objects.create(
        locale=english, title=title, body=body, starts_at=timezone.now()
    )
    translated = announcement.copy_for_translation(welsh)
    translated.title, translated.body = ANNOUNCEMENT["cy"]
    translated.save()


def _branding():
    branding = BrandingSettings.load()
    if not branding.council_name_cy:
        branding.council_name, branding.council_name_cy = COUNCIL_NAME
        branding.council_url = "https://www.example.org/"
        branding.save()


def _users(password):
    from django_otp.plugins.otp_email.models import EmailDevice

    User = get_user_model()
    editors, _created = Group.objects.get_or_create(name="Portal editors")
    for app_label, codename in EDITOR_PERMISSIONS:
        editors.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    send_team, _created = Group.objects.get_or_create(name="SEND team")
    send_team.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for email, first, last, kind, superuser, groups, two_factor, extra, secret in DEMO_USERS:
        user = User.objects.filter(email=email).first()
        if user is None:
            create = User.objects.create_superuser if superuser else User.objects.create_user
            user = create(
                email=email,
                password=password,
                first_name=first,
                last_name=last,
                email_confirmed_at=timezone.now(),
                **extra,
            )
            user.kind = kind
            user.is_staff = kind == "staff"
            user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
            if two_factor:
                EmailDevice.objects.create(user=user, name="Email", confirmed=True)
        # Demo databases made before the users had secret questions get theirs too.
        if not user.secret_question:
            user.secret_question = secret[0]
            user.set_secret_answer(secret[1])
            user.save(update_fields=["secret_question", "secret_answer"])


@transaction.atomic
def load_demo():
    """Create the demo council's pages, tiles, announcement, branding, users and register of
    children, and return each user's sign-in: (email, password, secret question, secret answer)."""
    english = Locale.objects.get(language_code="en")
    welsh = Locale.objects.get(language_code="cy")
    home = _home(english, welsh)
    pages = _pages(home, welsh)
    _tiles(english, welsh, pages)
    _announcement(english, welsh)
    _branding()
    password = demo_password()
    _users(password)
    load_demo_addresses()
    load_demo_register()
    for load_app_demo in plugins.plugin_demos():
        load_app_demo()
    cache.clear()
    questions = dict(SECRET_QUESTIONS)
    return [
        (email, password, questions[secret[0]], secret[1]) for email, *_rest, secret in DEMO_USERS
    ]
