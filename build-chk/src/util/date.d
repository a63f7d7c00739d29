build-chk/src/util/date.o: src/util/date.c src/util/date.h \
 src/util/banned.h
src/util/date.h:
src/util/banned.h:
