build-chk/src/main.o: src/main.c src/cli/cli.h src/cli/../model/model.h \
 src/cli/../model/../util/date.h src/cli/../model/../util/strmap.h \
 src/cli/../model/../util/vec.h src/cli/../model/../util/xalloc.h \
 src/util/banned.h
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../model/../util/date.h:
src/cli/../model/../util/strmap.h:
src/cli/../model/../util/vec.h:
src/cli/../model/../util/xalloc.h:
src/util/banned.h:
