build-chk/src/view/form.o: src/view/form.c src/view/form.h \
 src/view/html.h src/view/../model/fields.h src/view/../model/model.h \
 src/view/../model/../util/date.h src/view/../model/../util/strmap.h \
 src/view/../model/../util/vec.h src/view/../model/../util/xalloc.h \
 src/view/../model/validate.h src/view/../model/model.h \
 src/view/../util/vec.h src/view/markdown.h src/view/figures.h \
 src/view/../metrics/metrics.h src/view/../metrics/../model/model.h \
 src/view/../metrics/survey.h src/view/../metrics/../util/date.h \
 src/view/../metrics/../util/vec.h src/view/../model/fieldtext.h \
 src/view/../model/fields.h src/view/../model/validate.h \
 src/view/../util/date.h src/view/../util/num.h src/view/../util/strbuf.h \
 src/view/../util/xalloc.h src/view/../util/banned.h
src/view/form.h:
src/view/html.h:
src/view/../model/fields.h:
src/view/../model/model.h:
src/view/../model/../util/date.h:
src/view/../model/../util/strmap.h:
src/view/../model/../util/vec.h:
src/view/../model/../util/xalloc.h:
src/view/../model/validate.h:
src/view/../model/model.h:
src/view/../util/vec.h:
src/view/markdown.h:
src/view/figures.h:
src/view/../metrics/metrics.h:
src/view/../metrics/../model/model.h:
src/view/../metrics/survey.h:
src/view/../metrics/../util/date.h:
src/view/../metrics/../util/vec.h:
src/view/../model/fieldtext.h:
src/view/../model/fields.h:
src/view/../model/validate.h:
src/view/../util/date.h:
src/view/../util/num.h:
src/view/../util/strbuf.h:
src/view/../util/xalloc.h:
src/view/../util/banned.h:
