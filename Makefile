# The two commands of the README: `make run` and `make test`. Everything they need is
# installed here, into .venv, from the package registries.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install demo messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# xstatic-bootstrap builds with pkg_resources, which setuptools 81 dropped; building without
# isolation lets it use the venv's own setuptools.
$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip "setuptools>=65,<81" wheel
	$(BIN)/pip install --quiet --no-build-isolation -e ".[dev]"
	touch $(INSTALLED)

install: $(INSTALLED) var/secret_key

var/secret_key:
	mkdir -p var
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key

run: install
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py collectstatic --no-input --verbosity 0
	$(BIN)/python manage.py load_demo
	@echo "Máy chủ: http://$(HOST):$(PORT)  (dừng bằng Ctrl+C)"
	HTTPS=0 $(BIN)/python manage.py runserver --insecure $(HOST):$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

test: lint
	bash scripts/run-tests.sh

# The English catalog (docs/i18n.md): extract the Vietnamese msgids, translate, compile.
messages: install
	$(BIN)/python manage.py makemessages -l en --no-location --ignore=.venv --ignore=var --ignore=bench
	$(BIN)/python manage.py compilemessages -l en --ignore=.venv
