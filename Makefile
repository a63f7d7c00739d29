# Trellis — see README.md. `make demo` and `make test` are all a newcomer needs.

CC      ?= cc
PKGS    := sqlite3 jansson libsodium libmicrohttpd igraph xlsxwriter libcmark libcurl libpq
# Opened when a command first needs them, not linked (src/util/dynlib.h): their
# headers are used, and the SONAME the linker would have recorded is passed in.
DL_PKGS := libmicrohttpd xlsxwriter libcurl libpq
WARN    := -std=c11 -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes \
           -Wstrict-prototypes -Wno-missing-field-initializers \
           -Wno-format-truncation
HARDEN  := -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
OPT     ?= -O2 -g
# pkg-config runs once, when a recipe first needs it: on a fresh machine that
# is after deps-stamp has installed the packages (a `:=` would run it while
# this file is read, before anything is installed).
PKG_CFLAGS = $(eval PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null))$(PKG_CFLAGS)
PKG_LIBS = $(eval PKG_LIBS := $(shell pkg-config --libs $(filter-out $(DL_PKGS),$(PKGS)) 2>/dev/null))$(PKG_LIBS)
soname   = $(shell readelf -d $$($(CC) -print-file-name=lib$(1).so) 2>/dev/null | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
DL_CFLAGS = $(eval DL_CFLAGS := -DTRELLIS_SONAME_MHD='"$(call soname,microhttpd)"' \
           -DTRELLIS_SONAME_CURL='"$(call soname,curl)"' \
           -DTRELLIS_SONAME_XLSXWRITER='"$(call soname,xlsxwriter)"' \
           -DTRELLIS_SONAME_PQ='"$(call soname,pq)"')$(DL_CFLAGS)
CFLAGS   = $(WARN) $(HARDEN) $(OPT) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
           $(PKG_CFLAGS) $(DL_CFLAGS) $(EXTRA_CFLAGS)
LDFLAGS := -pie -Wl,-z,relro,-z,now $(EXTRA_LDFLAGS)
LDLIBS   = $(PKG_LIBS) -lcsv -lm -lpthread
BIN     ?= trellis

BUILD   ?= build
SRCS    := $(shell find src -name '*.c' ! -name main.c | sort)
OBJS    := $(SRCS:%.c=$(BUILD)/%.o)
UNIT    := $(shell find tests/unit -name 'test_*.c' 2>/dev/null | sort)
UNITBIN := $(UNIT:%.c=$(BUILD)/%)
# Reliability test programs (tests/reliability/*.c, one binary each) and the
# fuzz harnesses' replay binaries (tests/fuzz/fuzz_*.c + replay.c): both run
# in `make test`. See docs/reliability.md.
RELSRC  := $(wildcard tests/reliability/*.c)
RELBIN  := $(RELSRC:%.c=$(BUILD)/%)
FUZZSRC := $(wildcard tests/fuzz/fuzz_*.c)
FUZZREP := $(FUZZSRC:tests/fuzz/fuzz_%.c=$(BUILD)/tests/fuzz/replay_%)

.PHONY: install install-files all deps demo test unit cli check-asan check-valgrind bench bench-pg bench-gen bench-national clean fuzz fuzz-bins soak load

# The languages besides English (po/LANG.po; docs/i18n.md).
LANGS   := es
MOS     := $(LANGS:%=$(BUILD)/locale/%/LC_MESSAGES/trellis.mo)

all: deps-stamp $(BIN) $(MOS)

# `make install` (PREFIX, DESTDIR as usual): the binary and its man page.
# contrib/ holds the systemd units and the nginx example (docs/deploy.md).
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
MANDIR      ?= $(PREFIX)/share/man
LOCALEDIR   ?= $(PREFIX)/share/locale
INSTALL_BIN ?= $(BIN)
install: all
	@$(MAKE) --no-print-directory install-files
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(INSTALL_BIN) $(DESTDIR)$(BINDIR)/trellis
	install -m 644 man/trellis.1 $(DESTDIR)$(MANDIR)/man1/trellis.1
	for l in $(LANGS); do install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/trellis.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/trellis.mo || exit 1; done

# Languages (docs/i18n.md): `make po` extracts the marked strings into
# po/trellis.pot and merges them into each po/LANG.po; the build compiles
# each po/LANG.po into $(BUILD)/locale/LANG/LC_MESSAGES/trellis.mo, which the
# binary finds beside itself (or under PREFIX/share/locale once installed).
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--keyword=P_:1,2 --keyword=NP_:1,2 --keyword=C_:1c,2 --add-comments=TRANSLATORS: --add-location=file --sort-by-file \
	--package-name=trellis --msgid-bugs-address= --copyright-holder=
.PHONY: po
po:
	xgettext $(XGETTEXT_FLAGS) -o po/trellis.pot $(shell find src -name '*.c' | sort)
	for l in $(LANGS); do msgmerge --quiet --update --backup=none --no-fuzzy-matching \
	    po/$$l.po po/trellis.pot || exit 1; done
$(BUILD)/locale/%/LC_MESSAGES/trellis.mo: po/%.po
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<
$(BUILD)/src/util/i18n.o: EXTRA_CFLAGS += -DI18N_BUILD_DIR='"$(BUILD)"'

# `make deps` installs what the project needs from Debian; idempotent.
deps:
	@sh scripts/deps.sh
deps-stamp: scripts/deps.sh
	@sh scripts/deps.sh && touch $@

$(BIN): $(BUILD)/src/main.o $(BUILD)/libtrellis.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# docs/api.md, served by the application at /api (h_static.c): a C string
# made at build time, so the page is always the documentation of its binary.
GENOBJ  := $(BUILD)/gen/api_doc.o
$(BUILD)/gen/api_doc.c: docs/api.md
	@mkdir -p $(dir $@)
	@{ echo '/* Generated from docs/api.md by the Makefile; do not edit. */'; \
	  echo 'const char web_api_doc[] = {'; \
	  od -An -v -tx1 docs/api.md | sed 's/ \([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0 };'; } >$@.tmp && mv $@.tmp $@
$(GENOBJ): $(BUILD)/gen/api_doc.c | deps-stamp
	$(CC) $(CFLAGS) -Wno-missing-variable-declarations -c -o $@ $<

$(BUILD)/libtrellis.a: $(OBJS) $(GENOBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/unit/%: tests/unit/%.c $(BUILD)/libtrellis.a | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/libtrellis.a $(LDFLAGS) $(LDLIBS) -lcmocka

demo: all
	@sh scripts/demo.sh

$(BUILD)/tests/reliability/%: tests/reliability/%.c $(BUILD)/libtrellis.a | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/libtrellis.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/tests/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(BUILD)/libtrellis.a | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< tests/fuzz/replay.c $(BUILD)/libtrellis.a $(LDFLAGS) $(LDLIBS)

# libFuzzer binaries: only with CC=clang and -fsanitize=fuzzer-no-link in OPT (see `fuzz`).
FUZZBIN := $(FUZZSRC:tests/fuzz/fuzz_%.c=$(BUILD)/tests/fuzz/fuzz_%)
$(BUILD)/tests/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/libtrellis.a | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -fsanitize=fuzzer -o $@ $< $(BUILD)/libtrellis.a $(LDFLAGS) $(LDLIBS)
fuzz-bins: $(FUZZBIN)

unit: all $(UNITBIN)

# PG_PASS=0: no second pass of the scripts and store tests on PostgreSQL
# (docs/testing.md); check-asan and check-valgrind leave it out.
PG_PASS ?= 1
test: all $(UNITBIN) $(RELBIN) $(FUZZREP) $(BUILD)/bench/gen
	@PG_PASS=$(PG_PASS) sh tests/run.sh

# R4: the whole suite under ASan+UBSan (any UBSan report is fatal), and
# under valgrind (tests/run.sh and tests/cli/lib.sh wrap every binary).
check-asan:
	$(MAKE) BUILD=build-asan OPT="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
	    EXTRA_LDFLAGS="-fsanitize=address,undefined" BIN=trellis-asan TRELLIS_BIN=trellis-asan \
	    E2E_SLOW=3 E2E_TIMEOUT=3600 PG_PASS=0 test

check-valgrind: all $(UNITBIN) $(RELBIN) $(FUZZREP) $(BUILD)/bench/gen
	@TRELLIS_VALGRIND=1 PG_PASS=0 sh tests/run.sh

# R3: each fuzz target for FUZZ_SECONDS under libFuzzer with ASan and UBSan
# (clang, installed by `scripts/deps.sh fuzz`); new crash inputs land in
# tests/fuzz/crashes/<target>/, where `make test` replays them from then on.
FUZZ_SECONDS ?= 60
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
fuzz: deps-stamp
	@sh scripts/deps.sh fuzz
	$(MAKE) BUILD=build-fuzz CC=clang OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" \
	    EXTRA_CFLAGS=-Wno-unknown-warning-option EXTRA_LDFLAGS="$(FUZZ_SAN)" fuzz-bins
	@sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS)

# R1 at length: SOAK_CYCLES kill -9 cycles (make test runs 200), and
# SOAK_PG_CYCLES on a throwaway PostgreSQL server (make test runs 12).
SOAK_CYCLES ?= 1000
SOAK_PG_CYCLES ?= 200
soak: all $(RELBIN)
	@sh tests/reliability/crash-loop.sh $(SOAK_CYCLES)
	@PG_CRASH_CYCLES=$(SOAK_PG_CYCLES) TEST_VERBOSE=1 sh tests/cli/t0164-pg-crash-loop.sh
	@sh tests/reliability/backup-load.sh 20

# R10 at length: LOAD_CONNECTIONS keep-alive connections, then slow clients
# past the 30 s idle timeout (make test runs the short t0900-load.sh).
LOAD_CONNECTIONS ?= 10000
load: all $(BUILD)/tests/reliability/load
	@sh tests/reliability/load.sh $(LOAD_CONNECTIONS)

bench: all
	@sh scripts/deps.sh bench
	@sh bench/run.sh

# PostgreSQL beside SQLite (bench/pg.sh: a throwaway server, never in make test).
bench-pg: all $(BUILD)/bench/gen
	@sh scripts/deps.sh bench
	@sh bench/pg.sh

# The national-scale workload generator (PERFORMANCE.md; bench/gen.c) and
# P1/P2/P6 on it (bench/national.sh: minutes and gigabytes, never in make test).
$(BUILD)/bench/gen: bench/gen.c $(BUILD)/libtrellis.a | deps-stamp
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(BUILD)/libtrellis.a $(LDFLAGS) $(LDLIBS)
bench-gen: $(BUILD)/bench/gen
bench-national: all $(BUILD)/bench/gen
	@sh scripts/deps.sh bench
	@sh bench/national.sh

clean:
	rm -rf build build-asan trellis trellis-asan deps-stamp

-include $(OBJS:.o=.d)
