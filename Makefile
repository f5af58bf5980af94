# voipready.network — the commands a network team and CI use.
#   make demo      run site.yml against the built-in lab (brings the lab up first)
#   make test      linters, unit and integration tests, Molecule scenarios
#   make lint      yamllint, ansible-lint, role READMEs, Galaxy import check, ansible-test sanity
#   make lab-up    build the lab images (cached) and start the lab topology
#   make lab-down  remove the lab
#   make bench     fleet-scale benchmark against a plain-Ansible peer
#   make render    site.yml -e voipready_state=rendered on inventories/example
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
VENV := .venv
BIN := $(VENV)/bin
export ANSIBLE_CONFIG := $(CURDIR)/ansible.cfg
export ANSIBLE_COLLECTIONS_PATH := $(CURDIR)/.cache/collections
export ANSIBLE_NOCOLOR := 1
export PATH := $(CURDIR)/$(BIN):$(PATH)
PYTEST_ARGS ?=

.PHONY: setup setup-lab demo render test lint sanity unit integration molecule lab-up lab-down bench build clean

setup:
	tools/setup.sh test

setup-lab:
	tools/setup.sh lab test

render: setup
	$(BIN)/ansible-playbook -i inventories/example site.yml -e voipready_state=rendered
	@echo "Rendered configurations: $(CURDIR)/rendered/"

demo: setup-lab lab-up
	tools/demo.sh

build: setup
	$(BIN)/ansible-galaxy collection build --force --output-path .cache/build .

lint: setup
	$(BIN)/yamllint -s .
	$(BIN)/ansible-lint --profile production --offline
	$(BIN)/python tools/role_readmes.py --check
	tools/galaxy-check.sh
	$(MAKE) --no-print-directory sanity

sanity: setup
	tools/sanity.sh

unit: setup
	$(BIN)/pytest -q tests/unit $(PYTEST_ARGS)

integration: setup-lab
	$(BIN)/pytest -q tests/integration tests/lab $(PYTEST_ARGS)

molecule: setup-lab
	lab/labctl build
	tools/molecule.sh

# The unit and integration tests run in PYTEST_WORKERS processes (pytest-xdist, one test
# file per worker at a time): most of their time is waiting on emulated devices and
# namespaces, not CPU. tests/lab runs alone, in one process: its files share one lab.
PYTEST_WORKERS ?= 4

test: setup-lab
	$(MAKE) --no-print-directory lint
	lab/labctl build
	$(BIN)/pytest -q -rs -p no:cacheprovider -n $(PYTEST_WORKERS) --dist loadfile tests/unit tests/integration $(PYTEST_ARGS)
	$(BIN)/pytest -q -rs -p no:cacheprovider tests/lab $(PYTEST_ARGS)
	tools/molecule.sh

lab-up: setup-lab
	lab/labctl up

lab-down:
	lab/labctl down

bench: setup-lab
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf rendered reports .cache/build .pytest_cache
