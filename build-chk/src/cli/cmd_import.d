build-chk/src/cli/cmd_import.o: src/cli/cmd_import.c \
 src/cli/../app/import.h src/cli/../app/../model/model.h \
 src/cli/../app/../model/../util/date.h \
 src/cli/../app/../model/../util/strmap.h \
 src/cli/../app/../model/../util/vec.h \
 src/cli/../app/../model/../util/xalloc.h \
 src/cli/../app/../model/validate.h src/cli/../app/../model/model.h \
 src/cli/../io/csv.h src/cli/../io/../model/model.h \
 src/cli/../io/../model/validate.h src/cli/../io/json.h \
 src/cli/../model/validate.h src/cli/../store/store.h \
 src/cli/../store/../model/model.h src/cli/../util/strbuf.h \
 src/cli/../util/xalloc.h src/cli/cli.h src/cli/../model/model.h \
 src/cli/../util/banned.h
src/cli/../app/import.h:
src/cli/../app/../model/model.h:
src/cli/../app/../model/../util/date.h:
src/cli/../app/../model/../util/strmap.h:
src/cli/../app/../model/../util/vec.h:
src/cli/../app/../model/../util/xalloc.h:
src/cli/../app/../model/validate.h:
src/cli/../app/../model/model.h:
src/cli/../io/csv.h:
src/cli/../io/../model/model.h:
src/cli/../io/../model/validate.h:
src/cli/../io/json.h:
src/cli/../model/validate.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../util/strbuf.h:
src/cli/../util/xalloc.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
