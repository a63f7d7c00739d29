build-chk/src/view/figures.o: src/view/figures.c src/view/figures.h \
 src/view/../metrics/metrics.h src/view/../metrics/../model/model.h \
 src/view/../metrics/../model/../util/date.h \
 src/view/../metrics/../model/../util/strmap.h \
 src/view/../metrics/../model/../util/vec.h \
 src/view/../metrics/../model/../util/xalloc.h \
 src/view/../metrics/survey.h src/view/../metrics/../util/date.h \
 src/view/../metrics/../util/vec.h src/view/../metrics/survey.h \
 src/view/../util/num.h src/view/../util/strbuf.h \
 src/view/../util/banned.h
src/view/figures.h:
src/view/../metrics/metrics.h:
src/view/../metrics/../model/model.h:
src/view/../metrics/../model/../util/date.h:
src/view/../metrics/../model/../util/strmap.h:
src/view/../metrics/../model/../util/vec.h:
src/view/../metrics/../model/../util/xalloc.h:
src/view/../metrics/survey.h:
src/view/../metrics/../util/date.h:
src/view/../metrics/../util/vec.h:
src/view/../metrics/survey.h:
src/view/../util/num.h:
src/view/../util/strbuf.h:
src/view/../util/banned.h:
