build-chk/src/view/chart.o: src/view/chart.c src/view/chart.h \
 src/view/html.h src/view/../model/model.h \
 src/view/../model/../util/date.h src/view/../model/../util/strmap.h \
 src/view/../model/../util/vec.h src/view/../model/../util/xalloc.h \
 src/view/../util/num.h src/view/../util/strbuf.h \
 src/view/../util/banned.h
src/view/chart.h:
src/view/html.h:
src/view/../model/model.h:
src/view/../model/../util/date.h:
src/view/../model/../util/strmap.h:
src/view/../model/../util/vec.h:
src/view/../model/../util/xalloc.h:
src/view/../util/num.h:
src/view/../util/strbuf.h:
src/view/../util/banned.h:
