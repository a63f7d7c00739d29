build-chk/src/web/ratelimit.o: src/web/ratelimit.c src/web/ratelimit.h \
 src/web/../util/banned.h
src/web/ratelimit.h:
src/web/../util/banned.h:
