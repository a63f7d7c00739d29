build-chk/src/web/h_login.o: src/web/h_login.c src/web/../auth/auth.h \
 src/web/../auth/../store/accounts.h src/web/../util/strbuf.h \
 src/web/authweb.h src/web/../view/html.h src/web/web.h \
 src/web/../metrics/metrics.h src/web/../metrics/../model/model.h \
 src/web/../metrics/../model/../util/date.h \
 src/web/../metrics/../model/../util/strmap.h \
 src/web/../metrics/../model/../util/vec.h \
 src/web/../metrics/../model/../util/xalloc.h src/web/../metrics/survey.h \
 src/web/../metrics/../util/date.h src/web/../metrics/../util/vec.h \
 src/web/../model/model.h src/web/../util/vec.h src/web/page.h \
 src/web/router.h src/web/../util/banned.h
src/web/../auth/auth.h:
src/web/../auth/../store/accounts.h:
src/web/../util/strbuf.h:
src/web/authweb.h:
src/web/../view/html.h:
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
src/web/../util/vec.h:
src/web/page.h:
src/web/router.h:
src/web/../util/banned.h:
