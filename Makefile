# uc_governance: two commands do all set-up on a fresh machine.
#   make demo   build the whole project on the embedded DuckDB target and print what was planned
#   make test   lint, dbt build with tests on target local, and every pytest suite
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
STAMP := $(VENV)/.installed
export DBT_PROFILES_DIR := $(CURDIR)/target/profiles
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
PROFILE := $(DBT_PROFILES_DIR)/profiles.yml

.PHONY: help install demo test lint format dbt-test pytest plan preview bench docs clean \
	toolkit-demo bench-toolkit adopt seeds-check
.PHONY: sample-logs dashboard bench-audit chromium

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --editable .
	touch $@

$(PROFILE): profiles.example.yml
	mkdir -p $(DBT_PROFILES_DIR) target/local
	cp profiles.example.yml $@

install: $(STAMP) $(PROFILE)  ## create .venv and install the pinned dependencies

demo: install seeds-check sample-logs  ## build everything on target local (DuckDB), generate the docs, print a summary
	rm -rf target/local && mkdir -p target/local
	$(DBT) build --target local
	$(DBT) docs generate --target local
	$(DBT) run-operation print_governance_summary --target local
	@echo "audit detections and alerts (rows):"
	$(BIN)/ucgov audit dashboard --print-alerts
	$(BIN)/ucgov audit dashboard
	$(DBT) run-operation print_protection_personas --target local

lint: install  ## ruff and sqlfluff, as in pre-commit
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/sqlfluff lint models tests/dbt

format: install  ## apply ruff and sqlfluff fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/sqlfluff fix models tests/dbt

dbt-test: install seeds-check sample-logs  ## dbt build with all tests on target local
	rm -rf target/local && mkdir -p target/local
	$(DBT) build --target local
	$(DBT) docs generate --target local

pytest: install chromium  ## every pytest suite (DuckDB, the offline Databricks harness, scripts)
	$(BIN)/python -m pytest -q -n auto --dist loadfile

test: lint dbt-test pytest  ## everything CI runs

plan: install seeds-check  ## compute the plan on the default target and write it to target/plan/plan.sql
	$(DBT) build --select +governance_plan --indirect-selection cautious
	$(DBT) compile --select governance_plan_review
	mkdir -p target/plan
	cp target/compiled/uc_governance/analyses/governance_plan_review.sql target/plan/plan.sql
	@echo "plan written to target/plan/plan.sql"

preview: install  ## the demo organisation applied to an empty (offline) workspace: target/preview/
	$(BIN)/python -m tests.tools.preview

bench: install  ## statements and round trips: uc_governance beside dbt-databricks grants config
	$(BIN)/python -m tests.tools.bench
	$(BIN)/python -m tests.tools.audit_bench
	$(BIN)/python -m tests.tools.protection_bench

toolkit-demo: install  ## ucgov plan + token audit of the example, against a fake workspace (offline)
	$(BIN)/python -m tests.fake_workspace.demo

bench-toolkit: install  ## API calls of ucgov plan and no-op apply (example, 100 lists/50 policies/200 tokens)
	$(BIN)/python -m tests.tools.bench_toolkit

docs: install  ## generate the dbt docs (target/index.html)
	$(DBT) docs generate --target local

sample-logs: install  ## write the deterministic sample audit logs to target/sample_audit_logs
	rm -rf target/sample_audit_logs
	$(BIN)/ucgov audit samples --out target/sample_audit_logs

dashboard: install  ## render the security dashboard from the local build: target/dashboard/index.html
	$(BIN)/ucgov audit dashboard

bench-audit: install  ## audit models' build time on 100k and 1M sample events; incremental re-run
	$(BIN)/python -m tests.tools.audit_bench

chromium:  ## install Debian's chromium (headless browser tests) when it is missing
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq chromium)

seeds-check: install  ## pre-flight check of the seed CSVs (UTF-8, not empty, header, field counts)
	$(BIN)/ucgov seeds check

clean:  ## remove build output (keeps .venv)
	rm -rf target logs dbt_packages

adopt: install  ## write policy seeds describing live catalogs: make adopt CATALOGS=a,b [METASTORE=true] [ADOPT_DIR=seeds/policy]
	@test -n "$(CATALOGS)$(METASTORE)" || { echo "make adopt: set CATALOGS=catalog1,catalog2 (and/or METASTORE=true)"; exit 2; }
	$(BIN)/python -m ucgov.adopt --catalogs "$(CATALOGS)" $(if $(METASTORE),--metastore) --out-dir "$(or $(ADOPT_DIR),seeds/policy)" --dbt $(DBT)
