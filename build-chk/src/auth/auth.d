build-chk/src/auth/auth.o: src/auth/auth.c src/auth/auth.h \
 src/auth/../store/accounts.h src/auth/../io/json.h \
 src/auth/../io/../model/model.h src/auth/../io/../model/../util/date.h \
 src/auth/../io/../model/../util/strmap.h \
 src/auth/../io/../model/../util/vec.h \
 src/auth/../io/../model/../util/xalloc.h \
 src/auth/../io/../model/validate.h src/auth/../io/../model/model.h \
 src/auth/../util/strbuf.h src/auth/../util/xalloc.h \
 src/auth/../util/banned.h
src/auth/auth.h:
src/auth/../store/accounts.h:
src/auth/../io/json.h:
src/auth/../io/../model/model.h:
src/auth/../io/../model/../util/date.h:
src/auth/../io/../model/../util/strmap.h:
src/auth/../io/../model/../util/vec.h:
src/auth/../io/../model/../util/xalloc.h:
src/auth/../io/../model/validate.h:
src/auth/../io/../model/model.h:
src/auth/../util/strbuf.h:
src/auth/../util/xalloc.h:
src/auth/../util/banned.h:
