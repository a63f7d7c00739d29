build-chk/src/web/h_survey.o: src/web/h_survey.c src/web/page.h \
 src/web/../view/html.h src/web/web.h src/web/../metrics/metrics.h \
 src/web/../metrics/../model/model.h \
 src/web/../metrics/../model/../util/date.h \
 src/web/../metrics/../model/../util/strmap.h \
 src/web/../metrics/../model/../util/vec.h \
 src/web/../metrics/../model/../util/xalloc.h src/web/../metrics/survey.h \
 src/web/../metrics/../util/date.h src/web/../metrics/../util/vec.h \
 src/web/../model/model.h src/web/../util/strbuf.h src/web/../util/vec.h \
 src/web/ratelimit.h src/web/records.h src/web/../app/edit.h \
 src/web/../app/../model/fields.h src/web/../app/../model/validate.h \
 src/web/../app/../model/model.h src/web/../app/../util/strbuf.h \
 src/web/../app/write.h src/web/../app/../model/model.h \
 src/web/../view/form.h src/web/../view/html.h \
 src/web/../view/../model/fields.h src/web/../view/../model/model.h \
 src/web/../view/../model/validate.h src/web/../view/../util/vec.h \
 src/web/router.h src/web/../metrics/survey.h src/web/../model/fields.h \
 src/web/../model/validate.h src/web/../store/store.h \
 src/web/../store/../model/model.h src/web/../store/survey_rounds.h \
 src/web/../store/../util/date.h src/web/../view/figures.h \
 src/web/../view/../metrics/metrics.h src/web/../util/xalloc.h \
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
src/web/ratelimit.h:
src/web/records.h:
src/web/../app/edit.h:
src/web/../app/../model/fields.h:
src/web/../app/../model/validate.h:
src/web/../app/../model/model.h:
src/web/../app/../util/strbuf.h:
src/web/../app/write.h:
src/web/../app/../model/model.h:
src/web/../view/form.h:
src/web/../view/html.h:
src/web/../view/../model/fields.h:
src/web/../view/../model/model.h:
src/web/../view/../model/validate.h:
src/web/../view/../util/vec.h:
src/web/router.h:
src/web/../metrics/survey.h:
src/web/../model/fields.h:
src/web/../model/validate.h:
src/web/../store/store.h:
src/web/../store/../model/model.h:
src/web/../store/survey_rounds.h:
src/web/../store/../util/date.h:
src/web/../view/figures.h:
src/web/../view/../metrics/metrics.h:
src/web/../util/xalloc.h:
src/web/../util/banned.h:
