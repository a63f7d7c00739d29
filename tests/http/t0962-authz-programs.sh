#!/bin/sh
# RELIABILITY R5 with two programs in the database (docs/web.md, "Several
# programs on one server"): the whole authorization matrix of t0500 asked
# under /p/wcc-demo/ and /api/v1/programs/wcc-demo/ answers as it does with
# one program, and every program page of the second program (a bench/gen
# one) answers 404 to every role of the first but its admin; the admin of
# the second program alone (migration 14) gets 404 for every page of the
# first.
AUTHZ_PROGRAMS=2 exec sh "$(dirname "$0")/t0500-authz-matrix.sh"
