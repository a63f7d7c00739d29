#!/usr/bin/env python3
"""$TRELLIS in the PostgreSQL pass of tests/run.sh (docs/testing.md).

Runs the real binary (TRELLIS_PG_REAL) with every database *path* it is given
(--db, $TRELLIS_DB, the default ./trellis.db, copy's --from/--to) replaced by
the URL of a PostgreSQL database on the pass's server (PG_SOCK, PG_PORT) that
belongs to that path alone:

- a path whose file does not exist, given to a command that creates its
  database (init, demo, import, copy --to), gets a new, empty database
  (named after the path's absolute name: the test directory is unique, so no
  two scripts share one), and, once the command succeeded, the file becomes
  a marker naming that database, so `test -f trellis.db` still holds and
  later commands find it; removing the file forgets the database;
- a path whose file is a marker runs on the marker's database;
- any other path (no file, for a command that does not create one; a file
  that is not a marker: a SQLite file or garbage the test wrote) is passed
  as it is, so the test sees the same refusal; it is logged to
  $TEST_DIR/.pg-unmapped for the pass's record.

The URLs in what the command prints are turned back into the paths, so the
tests' expected messages hold. `serve` is exec'd (its PID is the server's,
which the tests stop by PID); its output is not rewritten. Every database
created is listed in $TEST_DIR/.pg-dbs and dropped by tests/cli/lib.sh at
exit.
"""
import hashlib
import os
import subprocess
import sys
import threading

MARK = b"trellis-pg-test-database "
CREATING = {"init", "demo", "import"}

real = os.environ["TRELLIS_PG_REAL"]
sock = os.environ["PG_SOCK"]
port = os.environ["PG_PORT"]
test_dir = os.environ.get("TEST_DIR", "/tmp")


def psql(sql):
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", sock, "-p", port,
                    "-U", "trellis", "-d", "postgres", "-c", sql],
                   check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, PGOPTIONS="-c client_min_messages=warning"))


def url(name):
    return "postgresql://trellis@127.0.0.1:%s/%s" % (port, name)


def is_url(p):
    return p.startswith("postgresql://") or p.startswith("postgres://")


def log_unmapped(path, why):
    with open(os.path.join(test_dir, ".pg-unmapped"), "a") as f:
        f.write("%s: %s\n" % (path, why))


new_markers = []	# (path, name): written once the command succeeded
shown = []		# (url bytes, path bytes): rewritten in the output


def mapped(path, create):
    """The URL path runs on, or path itself (see above)."""
    if path == "" or is_url(path) or path == ":memory:":
        return path
    try:
        with open(path, "rb") as f:
            head = f.read(len(MARK) + 80)
    except FileNotFoundError:
        head = None
    except OSError as e:
        log_unmapped(path, str(e))
        return path
    if head is not None:
        if not head.startswith(MARK):
            log_unmapped(path, "not a marker (a file the test made)")
            return path
        name = head[len(MARK):].split(b"\n")[0].decode()
    elif create and not os.access(os.path.dirname(os.path.abspath(path)), os.W_OK):
        log_unmapped(path, "its directory is missing or read-only")
        return path
    elif create:
        name = "t_" + hashlib.md5(os.path.abspath(path).encode()).hexdigest()[:24]
        psql('DROP DATABASE IF EXISTS "%s" WITH (FORCE)' % name)
        psql('CREATE DATABASE "%s"' % name)
        with open(os.path.join(test_dir, ".pg-dbs"), "a") as f:
            f.write(name + "\n")
        new_markers.append((path, name))
    else:
        log_unmapped(path, "no such file")
        return path
    u = url(name)
    shown.append((u.encode(), path.encode()))
    shown.append((("postgresql://127.0.0.1:%s/%s" % (port, name)).encode(), path.encode()))
    return u


def main(argv):
    args = list(argv)
    # The command: the first argument that is not a global option or its value.
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in ("--db", "--program"):
            i += 1
        i += 1
    cmd = args[i] if i < len(args) else None
    if cmd is None or cmd == "help" or "--help" in args or "-h" in args:
        os.execv(real, [real] + args)
    create = cmd in CREATING
    out = []
    has_db = False
    j = 0
    while j < len(args):
        a = args[j]
        if a in ("--db", "--from", "--to") and j + 1 < len(args) and \
                (a == "--db" or cmd == "copy"):
            out += [a, mapped(args[j + 1], create or a == "--to")]
            has_db = has_db or a == "--db"
            j += 2
            continue
        for opt in ("--db=", "--from=", "--to="):
            if a.startswith(opt) and (opt == "--db=" or cmd == "copy"):
                out.append(opt + mapped(a[len(opt):], create or opt == "--to="))
                has_db = has_db or opt == "--db="
                break
        else:
            out.append(a)
        j += 1
    env = dict(os.environ)
    if not has_db and cmd != "copy":
        db = env.get("TRELLIS_DB") or "trellis.db"
        m = mapped(db, create)
        if env.get("TRELLIS_DB"):
            env["TRELLIS_DB"] = m
        elif m != db:
            out = ["--db", m] + out
    if cmd == "serve":
        os.execve(real, [real] + out, env)
    p = subprocess.Popen([real] + out, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def pump(src, dst):
        for line in iter(src.readline, b""):
            for u, pth in shown:
                line = line.replace(u, pth)
            dst.write(line)
            dst.flush()

    t = threading.Thread(target=pump, args=(p.stderr, sys.stderr.buffer))
    t.start()
    pump(p.stdout, sys.stdout.buffer)
    t.join()
    rc = p.wait()
    if rc == 0:
        for path, name in new_markers:
            if not os.path.exists(path):
                with open(path, "wb") as f:
                    f.write(MARK + name.encode() + b"\n")
    return rc if rc >= 0 else 128 - rc


def sqlite3_shell(argv):
    """sqlite3 DB [SQL]: psql on a marker's database, else the real sqlite3."""
    files = [a for a in argv if not a.startswith("-")]
    path = files[0] if files else None
    name = None
    if path is not None:
        try:
            with open(path, "rb") as f:
                head = f.read(len(MARK) + 80)
            if head.startswith(MARK):
                name = head[len(MARK):].split(b"\n")[0].decode()
        except OSError:
            pass
    if name is None:
        real_sqlite = os.environ.get("TRELLIS_PG_SQLITE3", "/usr/bin/sqlite3")
        os.execv(real_sqlite, [real_sqlite] + argv)
    sql = files[1] if len(files) > 1 else None
    if sql is not None and sql.strip() == ".dump":
        os.execvp("pg_dump", ["pg_dump", "-h", sock, "-p", port, "-U", "trellis",
                              "--no-owner", "--inserts", name])
    cmd = ["psql", "-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1", "-h", sock,
           "-p", port, "-U", "trellis", "-d", name]
    if sql is not None:
        cmd += ["-c", sql]
    os.execvp("psql", cmd)


if os.path.basename(sys.argv[0]) == "sqlite3":
    sqlite3_shell(sys.argv[1:])
sys.exit(main(sys.argv[1:]))
