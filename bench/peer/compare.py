#!/usr/bin/python3
"""Compares two balance-report JSON files (`trellis report --all --format
json`, bench/peer/report.py), figure by figure:

    bench/peer/compare.py A.json B.json [--show N]

Initiatives are matched by slug. A figure agrees when its value, its n and
its extra keys (count, ids, by_type, by_org) agree: numbers within 1e-9
relative (1e-12 absolute near 0), counts, booleans, null, ids and keys
exactly. Scores (value and parts), alerts (pitfall, code and evidence, in
order) and strengths are compared too, as are each initiative's as_of,
window and team. Prints

    figures: N agree, M differ
    scores: ..., alerts: ..., strengths: ..., initiatives: ...

then the first differences (--show, default 20), and exits 1 when anything
differs, 2 on a file it cannot read.
"""
import argparse
import json
import math
import sys


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def same(a, b, exact=False):
    """a and b agree; numbers within 1e-9 relative unless exact."""
    if is_num(a) and is_num(b):
        if exact or (isinstance(a, int) and isinstance(b, int)):
            return a == b
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        # the same keys in the same order (by_org is in program order)
        return list(a) == list(b) and all(same(a[k], b[k], exact) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y, exact) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def figure_same(a, b):
    """value within tolerance (exact when both are whole counts), n and extras."""
    if a is None or b is None:
        return a is b
    if sorted(a) != sorted(b):
        return False
    for k in a:
        if k == "n" or k == "count" or k == "ids":
            if not same(a[k], b[k], exact=True):
                return False
        elif not same(a[k], b[k]):
            return False
    return True


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print("compare.py: %s: %s" % (path, e), file=sys.stderr)
        sys.exit(2)
    if isinstance(doc, dict):
        doc = [doc]
    if not isinstance(doc, list) or not all(isinstance(r, dict) and "initiative" in r for r in doc):
        print("compare.py: %s: not a report or an array of reports" % path, file=sys.stderr)
        sys.exit(2)
    return {r["initiative"]: r for r in doc}, [r["initiative"] for r in doc]


def short(x):
    s = json.dumps(x, ensure_ascii=False, separators=(",", ":"))
    return s if len(s) <= 200 else s[:197] + "..."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--show", type=int, default=20, help="differences to print (default 20)")
    args = ap.parse_args()
    A, order = load(args.a)
    B, order_b = load(args.b)
    count = {k: [0, 0] for k in ("figures", "scores", "alerts", "strengths", "initiatives")}
    diffs = []

    def tally(kind, ok, where, x, y):
        count[kind][0 if ok else 1] += 1
        if not ok:
            diffs.append("%s: %s\n    %s: %s\n    %s: %s" % (kind, where, args.a, short(x),
                                                          args.b, short(y)))

    for slug in order + [s for s in order_b if s not in A]:
        ra, rb = A.get(slug), B.get(slug)
        if ra is None or rb is None:
            tally("initiatives", False, slug + " (only in one file)",
                  "present" if ra else "absent", "present" if rb else "absent")
            continue
        head_a = {k: ra.get(k) for k in ("as_of", "window", "team")}
        head_b = {k: rb.get(k) for k in ("as_of", "window", "team")}
        tally("initiatives", same(head_a, head_b, exact=True), slug, head_a, head_b)
        fa, fb = ra.get("figures", {}), rb.get("figures", {})
        for name in list(fa) + [k for k in fb if k not in fa]:
            tally("figures", figure_same(fa.get(name), fb.get(name)),
                  "%s %s" % (slug, name), fa.get(name), fb.get(name))
        for name in ("stepping_back", "stepping_up"):
            sa = ra.get("scores", {}).get(name)
            sb = rb.get("scores", {}).get(name)
            tally("scores", same(sa, sb), "%s %s" % (slug, name), sa, sb)
        for kind in ("alerts", "strengths"):
            xa, xb = ra.get(kind), rb.get(kind)
            tally(kind, same(xa, xb, exact=True), "%s %s" % (slug, kind), xa, xb)

    print("figures: %d agree, %d differ" % tuple(count["figures"]))
    print(", ".join("%s: %d agree, %d differ" % (k, *count[k])
                    for k in ("scores", "alerts", "strengths", "initiatives")))
    for d in diffs[:args.show]:
        print(d)
    if len(diffs) > args.show:
        print("... and %d more differences" % (len(diffs) - args.show))
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
