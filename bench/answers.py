#!/usr/bin/python3
"""P9's clients (bench/national.sh): one process, a thread per survey link.

    bench/answers.py LINKS OUT

Each thread opens its own connection, waits at a barrier so that all start
at the same moment, then GETs its link and POSTs an answer (4) to every item
the form names, as tests/http/t0700's answer does. Each request is timed
from before it is sent to the end of its response; OUT gets one line per
request, "STATUS SECONDS GET|POST", as the shell clients wrote. A single
process with a thread per client keeps the measuring clients light: 64 shell
clients start 128 curl processes and their shells on the same two cores as
the server, and their start-up, not the server, set the p99.
"""
import http.client
import re
import sys
import threading
import time
import urllib.parse

ITEM = re.compile(r'name="([a-z0-9_]+)" value="1"')


def client(link, barrier, out, i):
    u = urllib.parse.urlsplit(link)
    lines = []
    try:
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        conn.connect()
        barrier.wait(timeout=60)
        t0 = time.perf_counter()
        conn.request("GET", u.path)
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace")
        lines.append("%d %.6f GET" % (r.status, time.perf_counter() - t0))
        form = urllib.parse.urlencode([(m, "4") for m in ITEM.findall(body)])
        t0 = time.perf_counter()
        conn.request("POST", u.path, body=form,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        r.read()
        lines.append("%d %.6f POST" % (r.status, time.perf_counter() - t0))
        conn.close()
    except Exception as e:  # an error is a line of its own, counted as one
        lines.append("000 0 ERROR %s" % str(e).replace("\n", " "))
    out[i] = lines


def main():
    links = [l.strip() for l in open(sys.argv[1]) if l.strip()]
    barrier = threading.Barrier(len(links))
    out = [None] * len(links)
    threads = [threading.Thread(target=client, args=(l, barrier, out, i))
               for i, l in enumerate(links)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(sys.argv[2], "w") as f:
        for lines in out:
            for line in lines or ["000 0 ERROR no answer"]:
                f.write(line + "\n")


if __name__ == "__main__":
    main()
