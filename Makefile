# Newsroom: `make run` to try it, `make test` to test it. See README.md.
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV_ENV := DEBUG=1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run serve test test-sqlite test-postgres check format messages bench clean

$(VENV)/installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/installed

run: install
	$(DEV_ENV) $(PY) manage.py migrate --no-input
	$(DEV_ENV) $(PY) manage.py demo
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production path: gunicorn, DEBUG off, static files by whitenoise.
serve: install
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py migrate --no-input
	$(VENV)/bin/gunicorn newsroom.wsgi --bind 127.0.0.1:$(PORT) --workers 3 --access-logfile -

# The whole suite on SQLite, and again on PostgreSQL when DATABASE_URL is set.
test: install
	$(MAKE) test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) test-postgres; fi

test-sqlite:
	env -u DATABASE_URL $(DEV_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres:
	$(DEV_ENV) $(VENV)/bin/pytest $(PYTEST_ARGS)

check: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run
	$(DEV_ENV) $(PY) manage.py check

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs GNU gettext (apt-get install gettext); the compiled .mo files are committed.
messages: install
	$(DEV_ENV) $(PY) manage.py makemessages -l sv -l nb -l nn --no-obsolete --ignore '.venv/*' --ignore 'staticfiles/*'
	$(DEV_ENV) $(PY) manage.py compilemessages --ignore '.venv/*'

bench: install
	@for b in bench/*.py; do echo "== $$b"; $(DEV_ENV) $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) staticfiles
