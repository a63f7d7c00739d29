build-chk/src/util/strmap.o: src/util/strmap.c src/util/strmap.h \
 src/util/xalloc.h
src/util/strmap.h:
src/util/xalloc.h:
