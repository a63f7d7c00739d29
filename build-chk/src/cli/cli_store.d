build-chk/src/cli/cli_store.o: src/cli/cli_store.c \
 src/cli/../model/validate.h src/cli/../model/model.h \
 src/cli/../model/../util/date.h src/cli/../model/../util/strmap.h \
 src/cli/../model/../util/vec.h src/cli/../model/../util/xalloc.h \
 src/cli/../store/accounts.h src/cli/../store/store.h \
 src/cli/../store/../model/model.h src/cli/../util/strbuf.h \
 src/cli/../util/xalloc.h src/cli/cli.h src/cli/../model/model.h \
 src/cli/../util/banned.h
src/cli/../model/validate.h:
src/cli/../model/model.h:
src/cli/../model/../util/date.h:
src/cli/../model/../util/strmap.h:
src/cli/../model/../util/vec.h:
src/cli/../model/../util/xalloc.h:
src/cli/../store/accounts.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../util/strbuf.h:
src/cli/../util/xalloc.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
