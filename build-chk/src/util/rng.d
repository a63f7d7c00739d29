build-chk/src/util/rng.o: src/util/rng.c src/util/rng.h src/util/banned.h
src/util/rng.h:
src/util/banned.h:
