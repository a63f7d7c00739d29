build-chk/src/web/h_transfer.o: src/web/h_transfer.c src/web/page.h \
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
 src/web/../app/../util/strbuf.h src/web/../app/import.h \
 src/web/../app/../model/model.h src/web/../app/write.h \
 src/web/../io/csv.h src/web/../io/../model/model.h \
 src/web/../io/../model/validate.h src/web/../io/json.h \
 src/web/../io/xlsx.h src/web/../store/store.h \
 src/web/../store/../model/model.h src/web/../util/xalloc.h \
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
src/web/../app/import.h:
src/web/../app/../model/model.h:
src/web/../app/write.h:
src/web/../io/csv.h:
src/web/../io/../model/model.h:
src/web/../io/../model/validate.h:
src/web/../io/json.h:
src/web/../io/xlsx.h:
src/web/../store/store.h:
src/web/../store/../model/model.h:
src/web/../util/xalloc.h:
src/web/../util/banned.h:
