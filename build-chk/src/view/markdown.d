build-chk/src/view/markdown.o: src/view/markdown.c src/view/markdown.h \
 src/view/html.h src/view/../util/banned.h
src/view/markdown.h:
src/view/html.h:
src/view/../util/banned.h:
