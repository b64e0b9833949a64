# innograph: two set-up commands.
#   make demo  — create .venv, install innograph, load the example corpus into a demo store, show it
#   make test  — install the test dependencies, start the test servers, run the whole suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_STORE ?= .innograph-demo
EXAMPLE := innograph/examples/seeds
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: demo test install clean help

help:
	@echo "make demo   install into $(VENV), load the example corpus, show what the graph knows"
	@echo "make test   install test dependencies, start the test servers, run every test"
	@echo "make clean  remove the virtualenvs, stores and caches"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[all]'
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(PIP) install -e '.[test]'
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@rm -rf $(DEMO_STORE)
	$(BIN)/innograph --store $(DEMO_STORE) load $(EXAMPLE)
	$(BIN)/innograph --store $(DEMO_STORE) sources
	$(BIN)/innograph --store $(DEMO_STORE) stats
	$(BIN)/innograph --store $(DEMO_STORE) sparql @innograph/examples/who-works-where.rq
	$(BIN)/innograph --store $(DEMO_STORE) validate
	@echo
	@echo "The demo store is in $(DEMO_STORE). Try:"
	@echo "  $(BIN)/innograph --store $(DEMO_STORE) sparql 'SELECT ?m ?c WHERE { ?m org:memberOf ?c }'"
	@echo "  $(BIN)/innograph --store $(DEMO_STORE) show 'CHU de Rouen'"
	@echo
	@echo "How could the CHU de Rouen work with Renault Cléon and Robotcath, through whom, and why?"
	$(BIN)/innograph --store $(DEMO_STORE) path "CHU de Rouen" "Renault Cléon" -k 3
	$(BIN)/innograph --store $(DEMO_STORE) path "CHU de Rouen" "Robotcath" -k 4
	$(BIN)/innograph --store $(DEMO_STORE) suggest "CHU de Rouen" -n 5

test: $(VENV)/.installed-test
	bash .ci/install-browser.sh
	bash .ci/with-servers.sh $(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .venv-servers $(DEMO_STORE) $(DEMO_STORE).cache .innograph .innograph.cache .pytest_cache build *.egg-info
