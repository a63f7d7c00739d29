build-chk/src/web/routes.o: src/web/routes.c src/web/router.h \
 src/web/web.h src/web/../metrics/metrics.h \
 src/web/../metrics/../model/model.h \
 src/web/../metrics/../model/../util/date.h \
 src/web/../metrics/../model/../util/strmap.h \
 src/web/../metrics/../model/../util/vec.h \
 src/web/../metrics/../model/../util/xalloc.h src/web/../metrics/survey.h \
 src/web/../metrics/../util/date.h src/web/../metrics/../util/vec.h \
 src/web/../model/model.h src/web/../util/strbuf.h src/web/../util/vec.h \
 src/web/../util/banned.h
src/web/router.h:
src/web/web.h:
src/web/../metrics/metrics.h:
src/web/../metrics/../model/model.h:
src/web/../metrics/../model/../util/date.h:
src/web/../metrics/../model/../util/strmap.h:
src/web/../metrics/../model/../util/vec.h:
src/web/../metrics/../model/../util/xalloc.h:
src/web/../metrics/survey.h:
src/web/../metrics/../util/date.h:
src/web/../metrics/../util/vec.h:
src/web/../model/model.h:
src/web/../util/strbuf.h:
src/web/../util/vec.h:
src/web/../util/banned.h:
