build-chk/src/store/vfs_fault.o: src/store/vfs_fault.c \
 src/store/vfs_fault.h src/store/../util/banned.h
src/store/vfs_fault.h:
src/store/../util/banned.h:
