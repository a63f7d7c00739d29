build-chk/src/store/accounts.o: src/store/accounts.c src/store/accounts.h \
 src/store/store_impl.h src/store/store.h src/store/../model/model.h \
 src/store/../model/../util/date.h src/store/../model/../util/strmap.h \
 src/store/../model/../util/vec.h src/store/../model/../util/xalloc.h \
 src/store/../util/strbuf.h src/store/../util/xalloc.h \
 src/store/../util/banned.h
src/store/accounts.h:
src/store/store_impl.h:
src/store/store.h:
src/store/../model/model.h:
src/store/../model/../util/date.h:
src/store/../model/../util/strmap.h:
src/store/../model/../util/vec.h:
src/store/../model/../util/xalloc.h:
src/store/../util/strbuf.h:
src/store/../util/xalloc.h:
src/store/../util/banned.h:
