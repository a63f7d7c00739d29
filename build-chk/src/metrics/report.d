build-chk/src/metrics/report.o: src/metrics/report.c \
 src/metrics/metrics.h src/metrics/../model/model.h \
 src/metrics/../model/../util/date.h \
 src/metrics/../model/../util/strmap.h src/metrics/../model/../util/vec.h \
 src/metrics/../model/../util/xalloc.h src/metrics/survey.h \
 src/metrics/../util/date.h src/metrics/../util/vec.h \
 src/metrics/../util/num.h src/metrics/../util/strbuf.h \
 src/metrics/../util/banned.h
src/metrics/metrics.h:
src/metrics/../model/model.h:
src/metrics/../model/../util/date.h:
src/metrics/../model/../util/strmap.h:
src/metrics/../model/../util/vec.h:
src/metrics/../model/../util/xalloc.h:
src/metrics/survey.h:
src/metrics/../util/date.h:
src/metrics/../util/vec.h:
src/metrics/../util/num.h:
src/metrics/../util/strbuf.h:
src/metrics/../util/banned.h:
