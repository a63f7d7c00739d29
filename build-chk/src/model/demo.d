build-chk/src/model/demo.o: src/model/demo.c src/model/../util/rng.h \
 src/model/../util/strbuf.h src/model/demo.h src/model/model.h \
 src/model/../util/date.h src/model/../util/strmap.h \
 src/model/../util/vec.h src/model/../util/xalloc.h \
 src/model/../util/banned.h
src/model/../util/rng.h:
src/model/../util/strbuf.h:
src/model/demo.h:
src/model/model.h:
src/model/../util/date.h:
src/model/../util/strmap.h:
src/model/../util/vec.h:
src/model/../util/xalloc.h:
src/model/../util/banned.h:
