build-chk/src/cli/cli.o: src/cli/cli.c src/cli/../util/strbuf.h \
 src/cli/../util/xalloc.h src/cli/cli.h src/cli/../model/model.h \
 src/cli/../model/../util/date.h src/cli/../model/../util/strmap.h \
 src/cli/../model/../util/vec.h src/cli/../model/../util/xalloc.h \
 src/cli/../util/banned.h
src/cli/../util/strbuf.h:
src/cli/../util/xalloc.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../model/../util/date.h:
src/cli/../model/../util/strmap.h:
src/cli/../model/../util/vec.h:
src/cli/../model/../util/xalloc.h:
src/cli/../util/banned.h:
