build-chk/src/cli/cmd_check.o: src/cli/cmd_check.c \
 src/cli/../store/store.h src/cli/../store/../model/model.h \
 src/cli/../store/../model/../util/date.h \
 src/cli/../store/../model/../util/strmap.h \
 src/cli/../store/../model/../util/vec.h \
 src/cli/../store/../model/../util/xalloc.h src/cli/../util/strbuf.h \
 src/cli/cli.h src/cli/../model/model.h src/cli/../util/banned.h
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../store/../model/../util/date.h:
src/cli/../store/../model/../util/strmap.h:
src/cli/../store/../model/../util/vec.h:
src/cli/../store/../model/../util/xalloc.h:
src/cli/../util/strbuf.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
