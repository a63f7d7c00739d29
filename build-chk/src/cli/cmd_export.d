build-chk/src/cli/cmd_export.o: src/cli/cmd_export.c src/cli/../io/csv.h \
 src/cli/../io/../model/model.h src/cli/../io/../model/../util/date.h \
 src/cli/../io/../model/../util/strmap.h \
 src/cli/../io/../model/../util/vec.h \
 src/cli/../io/../model/../util/xalloc.h \
 src/cli/../io/../model/validate.h src/cli/../io/../model/model.h \
 src/cli/../io/json.h src/cli/../store/store.h \
 src/cli/../store/../model/model.h src/cli/../util/strbuf.h src/cli/cli.h \
 src/cli/../model/model.h src/cli/../util/banned.h
src/cli/../io/csv.h:
src/cli/../io/../model/model.h:
src/cli/../io/../model/../util/date.h:
src/cli/../io/../model/../util/strmap.h:
src/cli/../io/../model/../util/vec.h:
src/cli/../io/../model/../util/xalloc.h:
src/cli/../io/../model/validate.h:
src/cli/../io/../model/model.h:
src/cli/../io/json.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../util/strbuf.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
