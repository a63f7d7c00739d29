build-chk/src/model/fields.o: src/model/fields.c src/model/fields.h \
 src/model/model.h src/model/../util/date.h src/model/../util/strmap.h \
 src/model/../util/vec.h src/model/../util/xalloc.h
src/model/fields.h:
src/model/model.h:
src/model/../util/date.h:
src/model/../util/strmap.h:
src/model/../util/vec.h:
src/model/../util/xalloc.h:
