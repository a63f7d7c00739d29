build-chk/src/view/style.o: src/view/style.c src/view/style.h
src/view/style.h:
