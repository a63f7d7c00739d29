#!/usr/bin/python3
"""The P2 peer (PERFORMANCE.md): every balance-report figure of DESIGN §3, and
the §4 figures the report carries (network.*, survey.director_support),
computed with pandas from the CSV set that `trellis export --format csv` and
`bench/gen --format csv` write (DESIGN §2.2, docs/formats.md).

    bench/peer/report.py CSVDIR [--as-of DATE] [--months N] [--set NAME=VALUE ...]

prints the JSON of `trellis report --all --format json` (DESIGN §3 "JSON
shape"): an array with one object per initiative, in the order of
initiatives.csv. The settings are not part of the CSV set: they are the
defaults of docs/metrics.md ("Settings"), each changed by --set.

This is an independent implementation, written from DESIGN's text; where
DESIGN leaves a choice it follows docs/metrics.md (the comments marked
"metrics.md" say so). Network betweenness is computed here in plain Python
(Brandes' algorithm), with no graph library.
"""
import argparse
import calendar
import datetime
import json
import os
import sys
from collections import deque

import pandas as pd

# docs/metrics.md "Settings", plus DESIGN's grants.unspent_tolerance.
DEFAULTS = {
    "dominance.backbone_alone_share": 0.5,
    "dominance.hhi": 0.5,
    "dominance.rushed_share": 0.25,
    "dominance.min_decisions": 5,
    "rushed.days": 7,
    "rushed.breadth": 0.5,
    "blurred_boundaries.backbone_own_share": 0.1,
    "blurred_boundaries.min_entries": 5,
    "out_of_the_loop.loop_closure": 0.8,
    "out_of_the_loop.min_decisions": 1,
    "no_contrary_views.contrary_share": 0.2,
    "no_contrary_views.min_decisions": 5,
    "shared_leadership.committee_size": 3,
    "shared_leadership.shared_share": 0.3,
    "credit_given.partner_share": 0.5,
    "capacity_shared.reach": 0.5,
    "director_supported.survey_mean": 4,
    "joint_grant_seeking.joint_share": 0.5,
    "partners_compensated.partners_paid": 0.5,
    "grants.unspent_tolerance": 0.05,
}

# The built-in director-support instrument's items (docs/formats.md); an
# instrument of the same code in instruments.csv replaces it.
DIRECTOR_SUPPORT_ITEMS = {"trusted", "supported", "works_for_initiative", "shared_oversight"}

CONTRIB_TYPES = ["data", "fundraising", "communications", "staffing", "facilitation", "other"]

FIGURES = [
    "team.size", "team.sectors",
    "decisions.backbone_alone_share", "decisions.hhi", "decisions.consultation_breadth",
    "decisions.median_days", "decisions.rushed_share", "decisions.loop_closure",
    "decisions.contrary_share", "decisions.shared_share",
    "funds.spent", "funds.partner_share", "funds.partners_paid", "funds.hhi",
    "funds.backbone_own_share",
    "grants.overspent", "grants.unspent_closed", "grants.lines_over", "grants.noncatalytic_share",
    "applications.joint_share", "applications.partner_led_share",
    "credit.partner_share", "credit.breadth", "valueadd.hours", "valueadd.reach",
    "checkins.coverage", "engagement.rate", "raci.complete", "raci.backbone_accountable_share",
    "director.shared_oversight", "result.progress", "result.on_track",
    "survey.director_support",
    "network.density", "network.centralization", "network.backbone_degree_share",
    "network.backbone_betweenness", "network.trust", "network.value", "network.resilience",
]

FILES = ["program", "organizations", "people", "instruments", "learning", "initiatives",
         "observations", "members", "responsibilities", "decisions", "grants", "ledger",
         "applications", "credits", "contributions", "checkins", "events", "surveys", "ties"]


def fail(msg):
    print("report.py: " + msg, file=sys.stderr)
    sys.exit(2)


def parse_date(s, what):
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        fail("%s: '%s' is not a date (YYYY-MM-DD)" % (what, s))


def add_months(d, k):
    """d moved by k calendar months, a day past the month's end clamped to its last day."""
    m = d.year * 12 + (d.month - 1) + k
    y, mo = divmod(m, 12)
    mo += 1
    return datetime.date(y, mo, min(d.day, calendar.monthrange(y, mo)[1]))


def unescape(s):
    """DESIGN §2.2: a text cell written with one leading ' (formula guard) reads without it."""
    return s[1:] if s.startswith("'") else s


def slugs(cell):
    return cell.split(";") if cell else []


def blank(s):
    return s.strip(" \t\n\r\f\v") == ""


def share(num, den):
    return None if den == 0 else num / den


def hhi(amounts):
    """Normalized HHI of a list of amounts, one per T organization (those
    that got nothing included as 0): null when n < 2 or nothing was given;
    a value below 0 from rounding is 0 (metrics.md)."""
    n = len(amounts)
    total = sum(amounts)
    if n < 2 or total == 0:
        return None
    s2 = sum((a / total) ** 2 for a in amounts)
    v = (s2 - 1 / n) / (1 - 1 / n)
    return max(v, 0.0)


def read_set(d):
    t = {}
    for name in FILES:
        path = os.path.join(d, name + ".csv")
        if not os.path.exists(path):
            fail("%s: missing (the CSV set of `trellis export --format csv`)" % path)
        t[name] = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                              encoding="utf-8-sig")
    return t


def groups(df):
    """initiative slug -> that initiative's rows, in file order."""
    if len(df) == 0:
        return {}
    return {k: g for k, g in df.groupby("initiative", sort=False)}


class Program:
    def __init__(self, t, as_of, months):
        self.as_of = as_of.isoformat()
        self.start = (add_months(as_of, -months) + datetime.timedelta(days=1)).isoformat()
        self.end = self.as_of
        s, e = self.start, self.end

        orgs = t["organizations"]
        self.sector = dict(zip(orgs["slug"], orgs["sector"]))
        self.org_order = {o: i for i, o in enumerate(orgs["slug"])}

        ds = DIRECTOR_SUPPORT_ITEMS
        ins = t["instruments"]
        own = ins[ins["code"] == "director-support"]
        if len(own):
            ds = set(own["items_code"]) - {""}
        self.ds_items = ds

        self.initiatives = t["initiatives"]

        def in_window(df, col):
            return df[(df[col] >= s) & (df[col] <= e)]

        # the texts shown as evidence or ids
        for name, col in (("decisions", "id"), ("ledger", "id"), ("ledger", "line"),
                          ("grants", "id"), ("grants", "lines_name")):
            t[name][col] = t[name][col].map(unescape)

        dec = in_window(t["decisions"], "decided").copy()
        dec["contrary_views"] = dec["contrary_views"].map(unescape)
        dec["days"] = (pd.to_datetime(dec["decided"]) - pd.to_datetime(dec["proposed"])).dt.days
        self.decisions = groups(dec)

        led = t["ledger"].copy()
        led["cents"] = (pd.to_numeric(led["amount"]) * 100).round().astype("int64")
        self.ledger = groups(in_window(led, "date"))
        upto = led[led["date"] <= self.as_of]
        self.grant_sum = upto.groupby(["initiative", "grant"])["cents"].sum().to_dict()
        self.line_sum = upto.groupby(["initiative", "grant", "line"])["cents"].sum().to_dict()

        gr = t["grants"].copy()
        gr["cents"] = (pd.to_numeric(gr["amount"]) * 100).round().astype("int64")
        gr["line_cents"] = (pd.to_numeric(gr["lines_amount"].replace("", "0")) * 100).round().astype("int64")
        self.grants = groups(gr[gr["start"] <= self.as_of])

        self.members = groups(t["members"])
        self.applications = groups(in_window(t["applications"], "date"))
        self.credits = groups(in_window(t["credits"], "date"))
        con = in_window(t["contributions"], "date").copy()
        con["h"] = pd.to_numeric(con["hours"])
        self.contributions = groups(con)
        ck = t["checkins"]
        self.checkins = groups(ck[ck["date"] <= self.as_of])
        self.events = groups(in_window(t["events"], "date"))
        self.responsibilities = groups(t["responsibilities"])
        obs = t["observations"]
        obs = obs[obs["date"] <= self.as_of].copy()
        obs["v"] = pd.to_numeric(obs["value"])
        self.observations = groups(obs)

        sv = t["surveys"]
        # an open round counts nothing until it closes (DESIGN §4, issue 16)
        sv = sv[(sv["instrument"] == "director-support")
                & (sv["closed"] != "") & (sv["closed"] >= s) & (sv["closed"] <= e)]
        self.surveys = groups(sv)

        ties = in_window(t["ties"], "date").copy()
        for c in ("frequency", "reliability", "mission", "openness",
                  "influence", "involvement", "resources"):
            ties[c] = pd.to_numeric(ties[c])
        self.ties = groups(ties)


def report(p, st, ini):
    slug = ini["slug"]
    start, end, as_of = p.start, p.end, p.as_of
    fig = {}
    extra = {}

    def put(name, value, n):
        fig[name] = (value, n)

    def get(part):
        return getattr(p, part).get(slug)

    # --- the team
    mem = get("members")
    T, coleads = set(), set()
    if mem is not None:
        ov = mem[(mem["joined"] <= end) & ((mem["left"] == "") | (mem["left"] >= start))]
        T = set(ov["org"])
        coleads = set(ov.loc[ov["role"] == "co-lead", "org"])
    n = len(T)
    b = ini["backbone"]
    O = T - {b}
    committee = set(slugs(ini["committee"]))
    put("team.size", n, n)  # metrics.md: 0, not null, with no team
    put("team.sectors", len({p.sector[o] for o in T}) if n else None, n)

    # --- decisions
    D = get("decisions")
    nd = 0 if D is None else len(D)
    weight = {o: 0.0 for o in T}
    alone = shared = rushed = 0
    breadth_sum = 0.0
    pf = pf_closed = key = key_contrary = 0
    ev_alone, ev_rushed, ev_loop, ev_contrary = [], [], [], []
    rows = [] if D is None else list(D[["id", "category", "decider", "consulted", "informed",
                                        "contrary_views", "days"]].itertuples(index=False))
    for (did, cat, decider, consulted, informed, contrary, days) in rows:
        if decider == "team":
            deciders = T
        elif decider == "committee":
            deciders = committee
        else:
            deciders = {decider}
        # metrics.md: the weight is split among the deciders in T; none in T, no weight.
        inT = deciders & T
        for o in inT:
            weight[o] += 1 / len(inT)
        if decider == b:
            alone += 1
            ev_alone.append(did)
        if decider in ("team", "committee") or decider in coleads:
            shared += 1
        breadth = len((set(slugs(consulted)) | deciders) & T) / n if n else 0.0
        breadth_sum += breadth
        is_rushed = days < st["rushed.days"] and breadth < st["rushed.breadth"]
        if is_rushed:
            rushed += 1
            ev_rushed.append(did)
        if cat in ("personnel", "financial"):
            pf += 1
            if T <= (set(slugs(consulted)) | set(slugs(informed)) | deciders):
                pf_closed += 1
            else:
                ev_loop.append(did)
        if cat in ("strategy", "financial", "personnel"):
            key += 1
            if blank(contrary):
                ev_contrary.append(did)
            else:
                key_contrary += 1
    put("decisions.backbone_alone_share", share(alone, nd), nd)
    dec_hhi = hhi(list(weight.values())) if nd else None
    put("decisions.hhi", dec_hhi, nd)
    put("decisions.consultation_breadth", share(breadth_sum, nd) if n else None, nd)
    put("decisions.median_days", float(D["days"].median()) if nd else None, nd)
    put("decisions.rushed_share", share(rushed, nd), nd)
    put("decisions.loop_closure", share(pf_closed, pf), pf)
    put("decisions.contrary_share", share(key_contrary, key), key)
    put("decisions.shared_share", share(shared, nd), nd)

    # --- money: an entry without recipient paid an outside vendor (DESIGN §3).
    L = get("ledger")
    nl = 0 if L is None else len(L)
    if nl:
        spent = int(L["cents"].sum())
        received = L[L["recipient"] != ""].groupby("recipient")["cents"].sum().to_dict()
        to_partners = sum(v for o, v in received.items() if o in O)
        paid = {o for o in received if o in O}
        own = int(L.loc[L["backbone_own"] == "true", "cents"].sum())
        ev_own = list(L.loc[L["backbone_own"] == "true", "id"])
        put("funds.spent", spent / 100, nl)
        put("funds.partner_share", to_partners / spent, nl)
        put("funds.hhi", hhi([received.get(o, 0) for o in T]), nl)
        put("funds.backbone_own_share", own / spent, nl)
    else:
        paid, ev_own = set(), []
        for f in ("funds.spent", "funds.partner_share", "funds.hhi", "funds.backbone_own_share"):
            put(f, None, 0)
    put("funds.partners_paid", share(len(paid), len(O)), len(O))
    extra["funds.partners_paid"] = {"count": len(paid)}

    G = get("grants")
    over, unspent, lines_over = [], [], []
    ngrants = nlines = 0
    total = noncat = 0
    tol = st["grants.unspent_tolerance"]
    if G is not None:
        for gid, g in G.groupby("id", sort=False):
            first = g.iloc[0]
            amount = int(first["cents"])
            ngrants += 1
            total += amount
            if first["catalytic"] != "true":
                noncat += amount
            sofar = p.grant_sum.get((slug, gid), 0)
            if sofar > amount:
                over.append(gid)
            # "ended before as-of" is strict (metrics.md)
            if first["end"] < as_of and sofar < (1 - tol) * amount:
                unspent.append(gid)
            for name, lc in zip(g["lines_name"], g["line_cents"]):
                if name == "":
                    continue
                nlines += 1
                if p.line_sum.get((slug, gid, name), 0) > lc:
                    lines_over.append(gid + "/" + name)
    for f, ids, cnt in (("grants.overspent", over, ngrants),
                        ("grants.unspent_closed", unspent, ngrants),
                        ("grants.lines_over", lines_over, nlines)):
        put(f, len(ids) if cnt else None, cnt)
        extra[f] = {"count": len(ids), "ids": ids}
    put("grants.noncatalytic_share", share(noncat, total) if ngrants else None, ngrants)
    in_order = share(ngrants - len(set(over) | set(unspent)), ngrants)

    A = get("applications")
    na = 0 if A is None else len(A)
    joint = partner_led = 0
    if na:
        for lead, co in zip(A["lead"], A["co_applicants"]):
            if len(({lead} | set(slugs(co))) & T) >= 2:
                joint += 1
            if lead in O:
                partner_led += 1
    put("applications.joint_share", share(joint, na), na)
    put("applications.partner_led_share", share(partner_led, na), na)

    # --- credit and value-add
    K = get("credits")
    cO = cT = 0
    credited_O = set()
    if K is not None:
        for cell in K["credited"]:
            c = set(slugs(cell))
            cO += len(c & O)
            cT += len(c & T)
            credited_O |= c & O
    put("credit.partner_share", share(cO, cT), cT)
    put("credit.breadth", share(len(credited_O), len(O)), len(O))

    C = get("contributions")
    if C is not None:
        C = C[(C["from"] == b) & C["to"].isin(O)]
    nc = 0 if C is None else len(C)
    by_type = {}
    reach = set()
    if nc:
        sums = C.groupby("type")["h"].sum().to_dict()
        by_type = {ty: float(sums[ty]) for ty in CONTRIB_TYPES if ty in sums}
        reach = set(C["to"])
    put("valueadd.hours", float(C["h"].sum()) if nc else None, nc)
    extra["valueadd.hours"] = {"by_type": by_type}
    put("valueadd.reach", share(len(reach), len(O)), len(O))

    # --- oversight: check-in months (metrics.md: a month counts when it
    # touches the window and the initiative's start-end; covered by a
    # check-in anywhere in it, dated no later than as-of).
    ck = get("checkins")
    ck_months = set() if ck is None else {d[:7] for d in ck["date"]}
    months = covered = 0
    y, m = int(start[:4]), int(start[5:7])
    while "%04d-%02d" % (y, m) <= end[:7]:
        first = "%04d-%02d-01" % (y, m)
        last = "%04d-%02d-%02d" % (y, m, calendar.monthrange(y, m)[1])
        if first <= (ini["end"] or "9999-12-31") and last >= ini["start"]:
            months += 1
            if first[:7] in ck_months:
                covered += 1
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    put("checkins.coverage", share(covered, months), months)

    E = get("events")
    ne = 0 if E is None else len(E)
    exp_total = att_total = 0
    per_org = {}
    if ne:
        for expected, attended in zip(E["expected"], E["attended"]):
            ex = set(slugs(expected))
            at = set(slugs(attended)) & ex
            exp_total += len(ex)
            att_total += len(at)
            for o in ex:
                e_, a_ = per_org.get(o, (0, 0))
                per_org[o] = (e_ + 1, a_ + (o in at))
    put("engagement.rate", share(att_total, exp_total), ne)
    extra["engagement.rate"] = {"by_org": {o: per_org[o][1] / per_org[o][0]
                                           for o in sorted(per_org, key=p.org_order.get)}}

    R = get("responsibilities")
    nr = with_a = one_a = b_a = 0
    if R is not None:
        for _, r in R.groupby("name", sort=False):
            a = list(r.loc[r["letter"] == "A", "org"])
            nr += 1
            one_a += len(a) == 1
            if a:
                with_a += 1
                b_a += b in a
    put("raci.complete", share(one_a, nr), nr)
    put("raci.backbone_accountable_share", share(b_a, with_a), with_a)

    if ini["director_person"]:
        around = set(slugs(ini["director_reports_to"])) | set(slugs(ini["director_evaluated_by"]))
        oversight = not around <= {ini["director_employer"]}
        put("director.shared_oversight", oversight, 1)
    else:
        oversight = None
        put("director.shared_oversight", None, 0)

    ob = get("observations")
    nobs = 0 if ob is None else len(ob)
    progress = on_track = None
    if nobs and ini["shared_result_baseline_date"] != "":
        bd, bv = ini["shared_result_baseline_date"], float(ini["shared_result_baseline_value"])
        td, tv = ini["shared_result_target_date"], float(ini["shared_result_target_value"])
        # latest: greatest date, the later in the list on a tie (metrics.md)
        last = ob.sort_values("date", kind="stable").iloc[-1]
        ld, lv = last["date"], float(last["v"])
        if tv != bv:
            progress = (lv - bv) / (tv - bv)
        if ld <= bd:
            line = bv
        elif ld >= td:
            line = tv
        else:
            dd = (datetime.date.fromisoformat(ld) - datetime.date.fromisoformat(bd)).days
            span = (datetime.date.fromisoformat(td) - datetime.date.fromisoformat(bd)).days
            line = bv + (tv - bv) * dd / span
        sign = (tv > bv) - (tv < bv)
        if sign == 0:
            sign = 1 if ini["shared_result_direction"] == "up" else -1
        on_track = (lv - line) * sign >= 0
    put("result.progress", progress, nobs)
    put("result.on_track", on_track, nobs)

    sv = get("surveys")
    responses = 0
    support = None
    if sv is not None:
        ans = sv[sv["response"] != ""]
        # metrics.md, Anonymity (residual suppression): a group is shown with >= 3
        # responses; when the groups left out hold some but fewer than 3, everyone's
        # mean would give them away, and this figure (an everyone mean) then counts
        # only the groups shown.
        per = ans[["id", "response", "group"]].drop_duplicates()
        counts = per["group"].value_counts().to_dict()
        # The director is one person, never a group: never shown, and when the
        # director's answers are all that is left out, everyone's mean is hidden
        # whatever their number (issue 16).
        shown = {g for g, k in counts.items() if k >= 3 and g != "director"}
        hidden = sum(k for g, k in counts.items() if g not in shown)
        others = sum(k for g, k in counts.items() if g not in shown and g != "director")
        if len(per) >= 3 and 0 < hidden and (hidden < 3 or others == 0) and shown:
            ans = ans[ans["group"].isin(shown)]
        responses = len(ans[["id", "response"]].drop_duplicates())
        vals = pd.to_numeric(ans.loc[ans["item"].isin(p.ds_items), "answer"])
        vals = vals[(vals >= 1) & (vals <= 5)]
        if responses >= 3 and len(vals):
            support = float(vals.mean())
    put("survey.director_support", support, responses)

    network(p, slug, T, n, b, put)

    # --- scores
    def v(name):
        return fig[name][0]

    def part(x, flip=False):
        if x is None:
            return None
        x = float(x)
        return 100 * (1 - x) if flip else 100 * x

    back = {
        "decisions.hhi": part(v("decisions.hhi"), True),
        "decisions.backbone_alone_share": part(v("decisions.backbone_alone_share"), True),
        "decisions.consultation_breadth": part(v("decisions.consultation_breadth")),
        "decisions.loop_closure": part(v("decisions.loop_closure")),
        "decisions.contrary_share": part(v("decisions.contrary_share")),
        "funds.hhi": part(v("funds.hhi"), True),
        "credit.partner_share": part(v("credit.partner_share")),
        "applications.joint_share": part(v("applications.joint_share")),
    }
    up = {
        "checkins.coverage": part(v("checkins.coverage")),
        "engagement.rate": part(v("engagement.rate")),
        "raci.complete": part(v("raci.complete")),
        "director.shared_oversight": part(v("director.shared_oversight")),
        "grants.in_order": part(in_order),
        "result.on_track": part(v("result.on_track")),
    }
    scores = {}
    for name, parts in (("stepping_back", back), ("stepping_up", up)):
        parts = {k: x for k, x in parts.items() if x is not None}
        scores[name] = {"value": sum(parts.values()) / len(parts) if parts else None,
                        "parts": parts}

    # --- alerts (strict comparisons; a null figure never raises)
    def gt(name, limit):
        x = v(name)
        return x is not None and x > limit

    def lt(name, limit):
        x = v(name)
        return x is not None and x < limit

    alerts = []
    if nd >= st["dominance.min_decisions"]:
        c1 = gt("decisions.backbone_alone_share", st["dominance.backbone_alone_share"])
        c2 = gt("decisions.hhi", st["dominance.hhi"])
        c3 = gt("decisions.rushed_share", st["dominance.rushed_share"])
        if c1 or c2 or c3:
            ev = set()
            if c1:
                ev.update(ev_alone)
            if c2:
                # metrics.md: the decisions made alone by the organization
                # with the largest weight. Neither text says which one on a
                # tie; this reading takes every organization with that weight.
                top = max(weight.values())
                ev.update(did for did, dr in zip(D["id"], D["decider"])
                          if dr in weight and weight[dr] == top)
            if c3:
                ev.update(ev_rushed)
            alerts.append({"pitfall": 1, "code": "dominance",
                           "evidence": [d for d in D["id"] if d in ev]})
    if oversight is False:
        alerts.append({"pitfall": 2, "code": "director_as_employee",
                       "evidence": [ini["director_person"]]})
    if nl >= st["blurred_boundaries.min_entries"] and \
            gt("funds.backbone_own_share", st["blurred_boundaries.backbone_own_share"]):
        alerts.append({"pitfall": 3, "code": "blurred_boundaries", "evidence": ev_own})
    if pf >= st["out_of_the_loop.min_decisions"] and \
            lt("decisions.loop_closure", st["out_of_the_loop.loop_closure"]):
        alerts.append({"pitfall": 4, "code": "out_of_the_loop", "evidence": ev_loop})
    if key >= st["no_contrary_views.min_decisions"] and \
            lt("decisions.contrary_share", st["no_contrary_views.contrary_share"]):
        alerts.append({"pitfall": 5, "code": "no_contrary_views", "evidence": ev_contrary})

    def ge(name, limit):
        x = v(name)
        return x is not None and x >= limit

    strengths = []
    if (coleads or len(committee) >= st["shared_leadership.committee_size"]) and \
            ge("decisions.shared_share", st["shared_leadership.shared_share"]):
        strengths.append({"practice": 1, "code": "shared_leadership"})
    if ge("credit.partner_share", st["credit_given.partner_share"]):
        strengths.append({"practice": 2, "code": "credit_given"})
    if ge("valueadd.reach", st["capacity_shared.reach"]):
        strengths.append({"practice": 3, "code": "capacity_shared"})
    # metrics.md: "where it was asked" = when survey.director_support is a number.
    if oversight is True and (support is None or support >= st["director_supported.survey_mean"]):
        strengths.append({"practice": 4, "code": "director_supported"})
    if ge("applications.joint_share", st["joint_grant_seeking.joint_share"]):
        strengths.append({"practice": 5, "code": "joint_grant_seeking"})
    if ge("funds.partners_paid", st["partners_compensated.partners_paid"]):
        strengths.append({"practice": 6, "code": "partners_compensated"})

    figures = {}
    for name in FIGURES:
        value, cnt = fig[name]
        figures[name] = {"value": value, "n": cnt}
        figures[name].update(extra.get(name, {}))
    return {"initiative": slug, "as_of": as_of, "window": {"start": start, "end": end},
            "team": n, "figures": figures, "scores": scores, "alerts": alerts,
            "strengths": strengths}


def network(p, slug, T, n, b, put):
    """DESIGN §4 over the ties dated in the window between two members of T
    (metrics.md: self-ratings and organizations outside T are no part of it)."""
    names = ("network.density", "network.centralization", "network.backbone_degree_share",
             "network.backbone_betweenness", "network.trust", "network.value",
             "network.resilience")
    ties = p.ties.get(slug)
    if ties is not None:
        ties = ties[ties["from"].isin(T) & ties["to"].isin(T) & (ties["from"] != ties["to"])]
        # the latest rating of each ordered pair stands, the later in the list on a tie
        ties = ties.sort_values("date", kind="stable").drop_duplicates(["from", "to"], keep="last")
    r = 0 if ties is None else len(ties)
    if r == 0:
        # metrics.md: no ratings in the window, no network: every figure null, N 0.
        for f in names:
            put(f, None, 0)
        return
    adj = {o: set() for o in T}
    for f, t_, q in zip(ties["from"], ties["to"], ties["frequency"]):
        if q >= 2:
            adj[f].add(t_)
            adj[t_].add(f)
    deg = {o: len(adj[o]) for o in T}
    m = sum(deg.values()) // 2
    put("network.density", 2 * m / (n * (n - 1)) if n >= 2 else None, r)
    dmax = max(deg.values())
    put("network.centralization",
        sum(dmax - d for d in deg.values()) / ((n - 1) * (n - 2)) if n >= 3 else None, r)
    put("network.backbone_degree_share", deg[b] / (2 * m) if m and b in T else None, r)
    put("network.backbone_betweenness",
        betweenness(adj, b) / ((n - 1) * (n - 2) / 2) if n >= 3 and b in T else None, r)
    for fname, items in (("network.trust", ("reliability", "mission", "openness")),
                         ("network.value", ("influence", "involvement", "resources"))):
        sub = ties[list(items)]
        given = int(sub.notna().any(axis=1).sum())
        means = [sub[c].mean() for c in items if sub[c].notna().any()]
        put(fname, sum(means) / len(means) if means else None, given)
    if n >= 2 and b in T:
        # metrics.md: a component is two or more organizations; one alone is none.
        seen, largest = {b}, 0
        for o in T:
            if o in seen:
                continue
            size, todo = 0, [o]
            seen.add(o)
            while todo:
                x = todo.pop()
                size += 1
                for y in adj[x]:
                    if y not in seen:
                        seen.add(y)
                        todo.append(y)
            if size >= 2:
                largest = max(largest, size)
        put("network.resilience", largest / (n - 1), r)
    else:
        put("network.resilience", None, r)


def betweenness(adj, v):
    """Brandes: v's betweenness over unordered pairs of an undirected graph."""
    total = 0.0
    for s in adj:
        if s == v:
            continue
        sigma = {s: 1}
        dist = {s: 0}
        preds = {s: []}
        order = []
        q = deque([s])
        while q:
            x = q.popleft()
            order.append(x)
            for y in adj[x]:
                if y not in dist:
                    dist[y] = dist[x] + 1
                    sigma[y] = 0
                    preds[y] = []
                    q.append(y)
                if dist[y] == dist[x] + 1:
                    sigma[y] += sigma[x]
                    preds[y].append(x)
        delta = {x: 0.0 for x in order}
        for w in reversed(order):
            for x in preds[w]:
                delta[x] += sigma[x] / sigma[w] * (1 + delta[w])
        total += delta.get(v, 0.0)
    return total / 2  # each unordered pair was counted from both ends


def plain(x):
    """JSON numbers as trellis writes them: whole numbers without a fraction."""
    if isinstance(x, dict):
        return {k: plain(y) for k, y in x.items()}
    if isinstance(x, list):
        return [plain(y) for y in x]
    if isinstance(x, float) and x.is_integer() and abs(x) < 2 ** 53:
        return int(x)
    if isinstance(x, float) and (x == 0):
        return 0
    return x


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", help="the CSV set (trellis export --format csv --out DIR)")
    ap.add_argument("--as-of", default=datetime.date.today().isoformat())
    ap.add_argument("--months", type=int, default=12)
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="change a setting (docs/metrics.md); repeatable")
    a = ap.parse_args()
    as_of = parse_date(a.as_of, "--as-of")
    if a.months < 1:
        fail("--months: must be at least 1")
    st = dict(DEFAULTS)
    for s in a.set:
        name, eq, value = s.partition("=")
        if not eq or name not in st:
            fail("--set: '%s' is not NAME=VALUE with a known setting name" % s)
        try:
            st[name] = float(value)
        except ValueError:
            fail("--set: %s: '%s' is not a number" % (name, value))

    t = read_set(a.dir)
    p = Program(t, as_of, a.months)
    out = [report(p, st, ini) for ini in t["initiatives"].to_dict("records")]
    json.dump(plain(out), sys.stdout, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
