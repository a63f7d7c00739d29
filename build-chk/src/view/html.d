build-chk/src/view/html.o: src/view/html.c src/view/html.h \
 src/view/../util/strbuf.h src/view/../util/banned.h
src/view/html.h:
src/view/../util/strbuf.h:
src/view/../util/banned.h:
