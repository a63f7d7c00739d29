build-chk/src/cli/cmd_serve.o: src/cli/cmd_serve.c src/cli/../auth/auth.h \
 src/cli/../auth/../store/accounts.h src/cli/../store/store.h \
 src/cli/../store/../model/model.h \
 src/cli/../store/../model/../util/date.h \
 src/cli/../store/../model/../util/strmap.h \
 src/cli/../store/../model/../util/vec.h \
 src/cli/../store/../model/../util/xalloc.h src/cli/../web/web.h \
 src/cli/../web/../metrics/metrics.h \
 src/cli/../web/../metrics/../model/model.h \
 src/cli/../web/../metrics/survey.h \
 src/cli/../web/../metrics/../util/date.h \
 src/cli/../web/../metrics/../util/vec.h src/cli/../web/../model/model.h \
 src/cli/../web/../util/strbuf.h src/cli/../web/../util/vec.h \
 src/cli/cli.h src/cli/../model/model.h src/cli/../util/banned.h
src/cli/../auth/auth.h:
src/cli/../auth/../store/accounts.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../store/../model/../util/date.h:
src/cli/../store/../model/../util/strmap.h:
src/cli/../store/../model/../util/vec.h:
src/cli/../store/../model/../util/xalloc.h:
src/cli/../web/web.h:
src/cli/../web/../metrics/metrics.h:
src/cli/../web/../metrics/../model/model.h:
src/cli/../web/../metrics/survey.h:
src/cli/../web/../metrics/../util/date.h:
src/cli/../web/../metrics/../util/vec.h:
src/cli/../web/../model/model.h:
src/cli/../web/../util/strbuf.h:
src/cli/../web/../util/vec.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
