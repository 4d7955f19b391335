# hwc — build, test, lint, demo, bench. `make demo` and `make test` work on a fresh machine.
SWIFT ?= swift
BIN := .build/debug/hwc
DEMO_DB := demo-out/demo.sqlite
HWC = $(BIN) --db $(DEMO_DB)

.PHONY: all deps build release test reliability lint format man demo tour bench clean

all: build

# The system SQLite library and header (a SwiftPM systemLibrary target links against it).
deps:
	@if [ ! -f /usr/include/sqlite3.h ]; then \
	  echo "installing libsqlite3-dev"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libsqlite3-dev; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The reliability suite's long variants (issue #11; README, "Reliability"): the same tests
# `make test` runs briefly, with HWC_RELIABILITY=long — 80 kills, 50 processes at once, thousands
# of mangled inputs. Run before each release; HWC_RELIABILITY_SEED=N replays another seed.
reliability: deps
	$(SWIFT) build --build-tests
	HWC_RELIABILITY=long $(SWIFT) test --skip-build --filter HWCReliabilityTests

lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

format:
	$(SWIFT) format --in-place --recursive Package.swift Sources Tests

# The manual page, generated from the command declarations by the hidden `hwc man`:
# .build/man/hwc.1 (read it with man -l .build/man/hwc.1). Not part of `make test`.
man: build
	@mkdir -p .build/man
	$(BIN) man > .build/man/hwc.1
	@echo "wrote .build/man/hwc.1"

# The demo register (`hwc demo`): a seeded, realistic history of every district and conservancy
# over seven quarters, run through the whole workflow; prints the latest quarterly report.
demo: build
	@rm -rf demo-out
	$(BIN) demo --out demo-out
	$(HWC) check

# A guided tour of the commands, one by one, on a small register in tour-out/.
tour: DEMO_DB := tour-out/tour.sqlite
# Demo secrets for the tour's users (see the tour target).
SECRETS := tour-out/demo-secrets
TOUR_USERS := aigerim dauren saule marat aliya bakyt ainura timur gulnar
tour: build
	@rm -rf tour-out && mkdir -p $(SECRETS) && chmod 700 $(SECRETS)
	@# DEMO SECRETS ONLY: each user's passphrase in a file, so the tour runs without a terminal.
	@# In an office every person sets their own (hwc user passwd) and types it, or uses hwc login.
	@for user in $(TOUR_USERS); do \
	  (umask 077; echo "tour demo passphrase of $$user - not a real secret" > $(SECRETS)/$$user); \
	done
	$(HWC) init --admin aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add dauren --role officer@Kaztalov --new-password-file $(SECRETS)/dauren --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add saule --role officer@Zhanibek --new-password-file $(SECRETS)/saule --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add marat --role inspector@Kaztalov --role inspector@Zhanibek --new-password-file $(SECRETS)/marat --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add aliya --role committee@Kaztalov --role committee@Zhanibek --new-password-file $(SECRETS)/aliya --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add bakyt --role officer@Shamshy --role inspector@Shamshy --new-password-file $(SECRETS)/bakyt --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add ainura --role committee@Shamshy --new-password-file $(SECRETS)/ainura --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add timur --role committee@Kaztalov --role committee@Zhanibek --new-password-file $(SECRETS)/timur --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) user add gulnar --role treasurer@Kaztalov --role treasurer@Zhanibek --new-password-file $(SECRETS)/gulnar --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) claimant add --name "Yerlan Bekov" --id 880512300411 --district Kaztalov \
	  --village Zhalpaktal --herd sheep_goat=240 --herd cattle=18 --as dauren --password-file $(SECRETS)/dauren
	$(HWC) claimant add --name "Gulnara Sarsenova" --id 900715400236 --district Kaztalov \
	  --village Kaztalovka --herd sheep_goat=90 --herd horse=12 --as dauren --password-file $(SECRETS)/dauren
	$(HWC) claimant add --name "Nurlan Omarov" --id 750312301011 --district Zhanibek \
	  --village Zhanibek --herd sheep_goat=150 --as saule --password-file $(SECRETS)/saule
	$(HWC) complaint register --claimant 880512300411 --district Kaztalov \
	  --type pasture_trampling --species saiga --incident-date 2026-04-14 \
	  --reported-date 2026-04-16 --item pasture.moderate=35.5 --ref KZT-F-0412 \
	  --village Zhalpaktal --coordinates 49.7512,48.6840 --as dauren --password-file $(SECRETS)/dauren
	$(HWC) complaint register --claimant 900715400236 --district Kaztalov \
	  --type livestock_predation --species wolf --incident-date 2026-02-03 \
	  --reported-date 2026-02-04 --item sheep_goat.adult=4 --item sheep_goat.young=2 \
	  --ref KZT-F-0207 --village Kaztalovka --as dauren --password-file $(SECRETS)/dauren
	$(HWC) complaint register --claimant 750312301011 --district Zhanibek \
	  --type hay_loss --species saiga --incident-date 2026-10-28 --reported-date 2026-10-30 \
	  --item hay=6.5 --ref ZHN-F-1030 --as saule --password-file $(SECRETS)/saule
	@printf '%s\n' \
	  'ref,claimant_id,claimant_name,district,conservancy,village,type,species,incident_date,reported_date,items' \
	  'ZHN-F-1101,910228401004,Aizhan Tulegenova,Zhanibek,,Taskala,crop_invasion,saiga,2026-05-20,2026-05-22,crop.wheat=12;crop.barley=3.25' \
	  'ZHN-F-1102,690721301002,"Serik Abenov, Jr.",Zhanibek,,Borsy,water_depletion,saiga,2026-07-08,2026-07-10,water.point_day=14' \
	  'ZHN-F-1103,750312301011,,Zhanibek,,Zhanibek,hay_loss,saiga,2026-11-02,2026-11-03,hay=2' \
	  > tour-out/field-forms.csv
	$(HWC) complaint import tour-out/field-forms.csv --as saule --password-file $(SECRETS)/saule
	$(HWC) complaint import tour-out/field-forms.csv --as saule --password-file $(SECRETS)/saule
	$(HWC) complaint list
	$(HWC) complaint show ZHA-2026-0004
	$(HWC) emergency declare --district Kaztalov --from 2026-04-01 --to 2026-05-31 \
	  --decree "WKO akimat decree 2026-117" --as aigerim --password-file $(SECRETS)/aigerim
	$(HWC) inspect KAZ-2026-0001 --date 2026-04-18 --item pasture.moderate=30 --protected yes \
	  --finding "trampled along the migration corridor" --as marat --password-file $(SECRETS)/marat
	$(HWC) inspect KAZ-2026-0002 --date 2026-02-05 --item sheep_goat.adult=4 \
	  --item sheep_goat.young=1 --protected no --finding "night attack, no corral" --as marat --password-file $(SECRETS)/marat
	$(HWC) inspect ZHA-2026-0001 --date 2026-11-02 --item hay=6 --protected yes --as marat --password-file $(SECRETS)/marat
	$(HWC) assess --pending --as aliya --password-file $(SECRETS)/aliya
	$(HWC) assess KAZ-2026-0002 --explain
	$(HWC) assess ZHA-2026-0001 --explain
	$(HWC) claimant add --name "Asel Toktogulova" --id 21505198800345 --district Chuy \
	  --conservancy Shamshy --village Shamshy --herd sheep_goat=60 --as bakyt --password-file $(SECRETS)/bakyt
	$(HWC) herd insure --claimant 21505198800345 --season 2026 --class sheep_goat --heads 40 --as bakyt --password-file $(SECRETS)/bakyt
	$(HWC) complaint register --claimant 21505198800345 --district Chuy --conservancy Shamshy \
	  --type livestock_predation --species snow_leopard --incident-date 2026-11-10 \
	  --reported-date 2026-11-11 --item sheep_goat.adult=3 --ref SHM-0031 --as bakyt --password-file $(SECRETS)/bakyt
	$(HWC) inspect CHU-2026-0001 --date 2026-11-12 --item sheep_goat.adult=3 --protected yes --as bakyt --password-file $(SECRETS)/bakyt
	$(HWC) assess CHU-2026-0001 --explain --as ainura --password-file $(SECRETS)/ainura
	$(HWC) budget allocate --district Kaztalov --year 2026 --amount 5000000 --as gulnar --password-file $(SECRETS)/gulnar
	$(HWC) approve KAZ-2026-0002 --as aliya --password-file $(SECRETS)/aliya
	$(HWC) approve KAZ-2026-0002 --as timur --password-file $(SECRETS)/timur
	$(HWC) pay KAZ-2026-0002 --ref HALYK-2026-000123 --as gulnar --password-file $(SECRETS)/gulnar
	$(HWC) budget show --district Kaztalov --year 2026
	$(HWC) fund show --conservancy Shamshy
	$(HWC) audit verify
	$(HWC) check

# The performance harness (SPEC §11): a seeded ROWS-row complaint CSV and its inspection forms,
# run through hwc (release build) on a fresh register in bench-out/, each step timed against the
# `sqlite3` tool where the SPEC sets a baseline. Prints a table, then one JSON line. Not part of
# `make test`; the default is the national scale, ROWS=1000000 (try ROWS=20000 first).
ROWS ?= 1000000

bench: deps
	@if ! command -v sqlite3 >/dev/null 2>&1; then \
	  echo "installing sqlite3"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq sqlite3; \
	fi
	$(SWIFT) build -c release
	.build/release/hwc-bench --rows $(ROWS) --hwc .build/release/hwc --out bench-out

clean:
	rm -rf .build demo-out tour-out bench-out
