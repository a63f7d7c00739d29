build-chk/src/model/fieldtext.o: src/model/fieldtext.c \
 src/model/fieldtext.h src/model/fields.h src/model/validate.h \
 src/model/model.h src/model/../util/date.h src/model/../util/strmap.h \
 src/model/../util/vec.h src/model/../util/xalloc.h \
 src/model/../util/num.h src/model/../util/strbuf.h \
 src/model/../util/banned.h
src/model/fieldtext.h:
src/model/fields.h:
src/model/validate.h:
src/model/model.h:
src/model/../util/date.h:
src/model/../util/strmap.h:
src/model/../util/vec.h:
src/model/../util/xalloc.h:
src/model/../util/num.h:
src/model/../util/strbuf.h:
src/model/../util/banned.h:
