build-chk/src/model/validate.o: src/model/validate.c src/model/fields.h \
 src/model/model.h src/model/../util/date.h src/model/../util/strmap.h \
 src/model/../util/vec.h src/model/../util/xalloc.h src/model/validate.h \
 src/model/../util/strbuf.h src/model/../util/banned.h
src/model/fields.h:
src/model/model.h:
src/model/../util/date.h:
src/model/../util/strmap.h:
src/model/../util/vec.h:
src/model/../util/xalloc.h:
src/model/validate.h:
src/model/../util/strbuf.h:
src/model/../util/banned.h:
