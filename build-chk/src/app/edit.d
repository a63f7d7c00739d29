build-chk/src/app/edit.o: src/app/edit.c src/app/edit.h \
 src/app/../model/fields.h src/app/../model/validate.h \
 src/app/../model/model.h src/app/../model/../util/date.h \
 src/app/../model/../util/strmap.h src/app/../model/../util/vec.h \
 src/app/../model/../util/xalloc.h src/app/../util/strbuf.h \
 src/app/../io/json.h src/app/../io/../model/model.h \
 src/app/../io/../model/validate.h src/app/../model/fieldtext.h \
 src/app/../model/fields.h src/app/../model/validate.h \
 src/app/../model/model.h src/app/../store/accounts.h \
 src/app/../store/store.h src/app/../store/../model/model.h \
 src/app/../util/xalloc.h src/app/../util/banned.h
src/app/edit.h:
src/app/../model/fields.h:
src/app/../model/validate.h:
src/app/../model/model.h:
src/app/../model/../util/date.h:
src/app/../model/../util/strmap.h:
src/app/../model/../util/vec.h:
src/app/../model/../util/xalloc.h:
src/app/../util/strbuf.h:
src/app/../io/json.h:
src/app/../io/../model/model.h:
src/app/../io/../model/validate.h:
src/app/../model/fieldtext.h:
src/app/../model/fields.h:
src/app/../model/validate.h:
src/app/../model/model.h:
src/app/../store/accounts.h:
src/app/../store/store.h:
src/app/../store/../model/model.h:
src/app/../util/xalloc.h:
src/app/../util/banned.h:
