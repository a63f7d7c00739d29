build-chk/src/store/schema.o: src/store/schema.c src/store/store_impl.h \
 src/store/store.h src/store/../model/model.h \
 src/store/../model/../util/date.h src/store/../model/../util/strmap.h \
 src/store/../model/../util/vec.h src/store/../model/../util/xalloc.h \
 src/store/../util/banned.h
src/store/store_impl.h:
src/store/store.h:
src/store/../model/model.h:
src/store/../model/../util/date.h:
src/store/../model/../util/strmap.h:
src/store/../model/../util/vec.h:
src/store/../model/../util/xalloc.h:
src/store/../util/banned.h:
