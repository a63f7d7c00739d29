build-chk/src/app/write.o: src/app/write.c src/app/write.h \
 src/app/../model/model.h src/app/../model/../util/date.h \
 src/app/../model/../util/strmap.h src/app/../model/../util/vec.h \
 src/app/../model/../util/xalloc.h src/app/../model/validate.h \
 src/app/../model/model.h src/app/../store/store.h \
 src/app/../store/../model/model.h src/app/../util/strbuf.h \
 src/app/../util/banned.h
src/app/write.h:
src/app/../model/model.h:
src/app/../model/../util/date.h:
src/app/../model/../util/strmap.h:
src/app/../model/../util/vec.h:
src/app/../model/../util/xalloc.h:
src/app/../model/validate.h:
src/app/../model/model.h:
src/app/../store/store.h:
src/app/../store/../model/model.h:
src/app/../util/strbuf.h:
src/app/../util/banned.h:
