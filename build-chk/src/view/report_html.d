build-chk/src/view/report_html.o: src/view/report_html.c src/view/chart.h \
 src/view/html.h src/view/../model/model.h \
 src/view/../model/../util/date.h src/view/../model/../util/strmap.h \
 src/view/../model/../util/vec.h src/view/../model/../util/xalloc.h \
 src/view/figures.h src/view/../metrics/metrics.h \
 src/view/../metrics/../model/model.h src/view/../metrics/survey.h \
 src/view/../metrics/../util/date.h src/view/../metrics/../util/vec.h \
 src/view/network_svg.h src/view/report_html.h src/view/style.h \
 src/view/../util/num.h src/view/../util/strbuf.h \
 src/view/../util/banned.h
src/view/chart.h:
src/view/html.h:
src/view/../model/model.h:
src/view/../model/../util/date.h:
src/view/../model/../util/strmap.h:
src/view/../model/../util/vec.h:
src/view/../model/../util/xalloc.h:
src/view/figures.h:
src/view/../metrics/metrics.h:
src/view/../metrics/../model/model.h:
src/view/../metrics/survey.h:
src/view/../metrics/../util/date.h:
src/view/../metrics/../util/vec.h:
src/view/network_svg.h:
src/view/report_html.h:
src/view/style.h:
src/view/../util/num.h:
src/view/../util/strbuf.h:
src/view/../util/banned.h:
