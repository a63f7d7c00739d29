build-chk/src/web/h_admin.o: src/web/h_admin.c src/web/../auth/auth.h \
 src/web/../auth/../store/accounts.h src/web/../io/json.h \
 src/web/../io/../model/model.h src/web/../io/../model/../util/date.h \
 src/web/../io/../model/../util/strmap.h \
 src/web/../io/../model/../util/vec.h \
 src/web/../io/../model/../util/xalloc.h \
 src/web/../io/../model/validate.h src/web/../io/../model/model.h \
 src/web/../store/accounts.h src/web/../util/strbuf.h src/web/authweb.h \
 src/web/../view/html.h src/web/web.h src/web/../metrics/metrics.h \
 src/web/../metrics/../model/model.h src/web/../metrics/survey.h \
 src/web/../metrics/../util/date.h src/web/../metrics/../util/vec.h \
 src/web/../model/model.h src/web/../util/vec.h src/web/page.h \
 src/web/router.h src/web/../util/banned.h
src/web/../auth/auth.h:
src/web/../auth/../store/accounts.h:
src/web/../io/json.h:
src/web/../io/../model/model.h:
src/web/../io/../model/../util/date.h:
src/web/../io/../model/../util/strmap.h:
src/web/../io/../model/../util/vec.h:
src/web/../io/../model/../util/xalloc.h:
src/web/../io/../model/validate.h:
src/web/../io/../model/model.h:
src/web/../store/accounts.h:
src/web/../util/strbuf.h:
src/web/authweb.h:
src/web/../view/html.h:
src/web/web.h:
src/web/../metrics/metrics.h:
src/web/../metrics/../model/model.h:
src/web/../metrics/survey.h:
src/web/../metrics/../util/date.h:
src/web/../metrics/../util/vec.h:
src/web/../model/model.h:
src/web/../util/vec.h:
src/web/page.h:
src/web/router.h:
src/web/../util/banned.h:
