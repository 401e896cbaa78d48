"""How passwords (and the answers and codes hashed with them) are stored."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id with the OWASP Password Storage Cheat Sheet's configuration (19 MiB, two
    passes, one lane). Django's own Argon2 and PBKDF2 settings cost each sign-in a quarter of
    a second of processor time (PBKDF2's million rounds, measured here), which decides how many
    parents a council's servers can sign in at once; this costs about 25 ms, and its memory
    cost is what makes guessing on graphics cards expensive. Hashes made with older settings
    are rehashed at the user's next sign-in."""

    time_cost = 2
    memory_cost = 19 * 1024
    parallelism = 1
