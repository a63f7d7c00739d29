build-chk/src/io/json.o: src/io/json.c src/io/json.h \
 src/io/../model/model.h src/io/../model/../util/date.h \
 src/io/../model/../util/strmap.h src/io/../model/../util/vec.h \
 src/io/../model/../util/xalloc.h src/io/../model/validate.h \
 src/io/../model/model.h src/io/../model/fields.h \
 src/io/../model/fieldtext.h src/io/../model/fields.h \
 src/io/../model/validate.h src/io/../util/num.h src/io/../util/strbuf.h \
 src/io/../util/banned.h
src/io/json.h:
src/io/../model/model.h:
src/io/../model/../util/date.h:
src/io/../model/../util/strmap.h:
src/io/../model/../util/vec.h:
src/io/../model/../util/xalloc.h:
src/io/../model/validate.h:
src/io/../model/model.h:
src/io/../model/fields.h:
src/io/../model/fieldtext.h:
src/io/../model/fields.h:
src/io/../model/validate.h:
src/io/../util/num.h:
src/io/../util/strbuf.h:
src/io/../util/banned.h:
