build-chk/src/cli/cmd_survey.o: src/cli/cmd_survey.c \
 src/cli/../app/edit.h src/cli/../app/../model/fields.h \
 src/cli/../app/../model/validate.h src/cli/../app/../model/model.h \
 src/cli/../app/../model/../util/date.h \
 src/cli/../app/../model/../util/strmap.h \
 src/cli/../app/../model/../util/vec.h \
 src/cli/../app/../model/../util/xalloc.h src/cli/../app/../util/strbuf.h \
 src/cli/../app/write.h src/cli/../app/../model/model.h \
 src/cli/../model/fields.h src/cli/../model/validate.h \
 src/cli/../store/accounts.h src/cli/../store/store.h \
 src/cli/../store/../model/model.h src/cli/../store/survey_rounds.h \
 src/cli/../store/../util/date.h src/cli/../util/strbuf.h \
 src/cli/../util/xalloc.h src/cli/cli.h src/cli/../model/model.h \
 src/cli/../util/banned.h
src/cli/../app/edit.h:
src/cli/../app/../model/fields.h:
src/cli/../app/../model/validate.h:
src/cli/../app/../model/model.h:
src/cli/../app/../model/../util/date.h:
src/cli/../app/../model/../util/strmap.h:
src/cli/../app/../model/../util/vec.h:
src/cli/../app/../model/../util/xalloc.h:
src/cli/../app/../util/strbuf.h:
src/cli/../app/write.h:
src/cli/../app/../model/model.h:
src/cli/../model/fields.h:
src/cli/../model/validate.h:
src/cli/../store/accounts.h:
src/cli/../store/store.h:
src/cli/../store/../model/model.h:
src/cli/../store/survey_rounds.h:
src/cli/../store/../util/date.h:
src/cli/../util/strbuf.h:
src/cli/../util/xalloc.h:
src/cli/cli.h:
src/cli/../model/model.h:
src/cli/../util/banned.h:
