build-chk/src/cli/cmd_capacity.o: src/cli/cmd_capacity.c \
 src/cli/../metrics/metrics.h src/cli/../metrics/../model/model.h \
 src/cli/../metrics/../model/../util/date.h \
 src/cli/../metrics/../model/../util/strmap.h \
 src/cli/../metrics/../model/../util/vec.h \
 src/cli/../metrics/../model/../util/xalloc.h src/cli/../metrics/survey.h \
 src/cli/../metrics/../util/date.h src/cli/../metrics/../util/vec.h \
 src/cli/../store/store.h src/cli/../store/../model/model.h \
 src/cli/../util/strbuf.h src/cli/../view/report_json.h \
 src/cli/../view/../metrics/metrics.h src/cli/../view/report_text.h \
 src/cli/cli.h src/cli/../model/model.h src/cli/../util/banned.h
src/cli/../metrics/metrics.h:
src/cli/../metrics/../model/model.h:
src/cli/../metrics/../model/../util/date.h:
src/cli/../metrics/../model/../util/strmap.h:
src/cli/../metrics/../model/../util/vec.h:
src/cli/../metrics/../model/../util/xalloc.h:
src/cli/../metrics/survey.h:
src/cli/../metrics/../util/date.h:
src/cli/../metrics/../util/vec.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../util/strbuf.h:
src/cli/../view/report_json.h:
src/cli/../view/../metrics/metrics.h:
src/cli/../view/report_text.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
