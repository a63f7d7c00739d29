build-chk/src/web/h_dashboard.o: src/web/h_dashboard.c src/web/page.h \
 src/web/../view/html.h src/web/web.h src/web/../metrics/metrics.h \
 src/web/../metrics/../model/model.h \
 src/web/../metrics/../model/../util/date.h \
 src/web/../metrics/../model/../util/strmap.h \
 src/web/../metrics/../model/../util/vec.h \
 src/web/../metrics/../model/../util/xalloc.h src/web/../metrics/survey.h \
 src/web/../metrics/../util/date.h src/web/../metrics/../util/vec.h \
 src/web/../model/model.h src/web/../util/strbuf.h src/web/../util/vec.h \
 src/web/router.h src/web/../app/edit.h src/web/../app/../model/fields.h \
 src/web/../app/../model/validate.h src/web/../app/../model/model.h \
 src/web/../app/../util/strbuf.h src/web/../store/accounts.h \
 src/web/../view/figures.h src/web/../view/../metrics/metrics.h \
 src/web/../view/report_html.h src/web/../view/html.h \
 src/web/../util/banned.h
src/web/page.h:
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
src/web/../util/strbuf.h:
src/web/../util/vec.h:
src/web/router.h:
src/web/../app/edit.h:
src/web/../app/../model/fields.h:
src/web/../app/../model/validate.h:
src/web/../app/../model/model.h:
src/web/../app/../util/strbuf.h:
src/web/../store/accounts.h:
src/web/../view/figures.h:
src/web/../view/../metrics/metrics.h:
src/web/../view/report_html.h:
src/web/../view/html.h:
src/web/../util/banned.h:
