build-chk/src/io/xlsx.o: src/io/xlsx.c src/io/csv.h \
 src/io/../model/model.h src/io/../model/../util/date.h \
 src/io/../model/../util/strmap.h src/io/../model/../util/vec.h \
 src/io/../model/../util/xalloc.h src/io/../model/validate.h \
 src/io/../model/model.h src/io/xlsx.h src/io/../model/fields.h \
 src/io/../util/date.h src/io/../util/strbuf.h src/io/../util/banned.h
src/io/csv.h:
src/io/../model/model.h:
src/io/../model/../util/date.h:
src/io/../model/../util/strmap.h:
src/io/../model/../util/vec.h:
src/io/../model/../util/xalloc.h:
src/io/../model/validate.h:
src/io/../model/model.h:
src/io/xlsx.h:
src/io/../model/fields.h:
src/io/../util/date.h:
src/io/../util/strbuf.h:
src/io/../util/banned.h:
