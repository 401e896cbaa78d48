# The portal's image: gunicorn serving portal.settings.production, the same image running the
# django-q2 task clusters (`manage.py qcluster`). docs/deploy.md describes the whole stack;
# compose.yaml runs it with PostgreSQL, Redis, MinIO (S3), clamd and nginx.

# Themes: GOV.UK Frontend's Sass compiled to CSS (themes/build.sh), as `make` does.
FROM node:20-bookworm-slim AS themes
WORKDIR /portal
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY themes themes
RUN themes/build.sh

FROM python:3.11-slim-bookworm
# WeasyPrint's libraries (PDFs of submitted forms), gettext for the Welsh catalogues.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libffi8 fonts-dejavu-core gettext \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home --home-dir /portal portal
WORKDIR /portal
COPY pyproject.toml ./
COPY scripts/requirements.py scripts/
RUN python scripts/requirements.py > /tmp/requirements.txt \
 && pip install --no-cache-dir -r /tmp/requirements.txt
COPY --chown=portal . .
COPY --from=themes --chown=portal /portal/themes/govuk/static/theme/build themes/govuk/static/theme/build
ENV DJANGO_SETTINGS_MODULE=portal.settings.production \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PORTAL_VAR_DIR=/portal/var
# Collecting static files and compiling messages need settings but no secrets or services.
RUN SECRET_KEY=build-only python site/manage.py compilemessages --ignore=.venv --ignore=node_modules --ignore=var \
 && SECRET_KEY=build-only python site/manage.py collectstatic --noinput --verbosity 0 \
 && mkdir -p var && chown -R portal var
USER portal
EXPOSE 8000
# gthread workers: a request waiting for PostgreSQL or S3 does not hold a whole process; idle
# connections outlive the proxy's own keep-alive (60 s), so it never reuses one being closed.
CMD ["gunicorn", "portal.wsgi", "--chdir", "site", "--bind", "0.0.0.0:8000", \
     "--workers", "2", "--threads", "8", "--worker-class", "gthread", \
     "--timeout", "60", "--keep-alive", "75", "--forwarded-allow-ips", "*", \
     "--access-logfile", "-"]
