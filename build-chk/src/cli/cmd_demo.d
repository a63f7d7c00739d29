build-chk/src/cli/cmd_demo.o: src/cli/cmd_demo.c src/cli/../model/demo.h \
 src/cli/../model/validate.h src/cli/../model/model.h \
 src/cli/../model/../util/date.h src/cli/../model/../util/strmap.h \
 src/cli/../model/../util/vec.h src/cli/../model/../util/xalloc.h \
 src/cli/../store/store.h src/cli/../store/../model/model.h \
 src/cli/../util/num.h src/cli/../util/strbuf.h src/cli/cli.h \
 src/cli/../model/model.h src/cli/../util/banned.h
src/cli/../model/demo.h:
src/cli/../model/validate.h:
src/cli/../model/model.h:
src/cli/../model/../util/date.h:
src/cli/../model/../util/strmap.h:
src/cli/../model/../util/vec.h:
src/cli/../model/../util/xalloc.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../util/num.h:
src/cli/../util/strbuf.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
