#!/usr/bin/env python3
"""One benchmark run (issue 9), called by `./newsfeed bench` through bench/run.sh.

Archives of SIZES articles (reused when they exist, generated otherwise), every public endpoint of the
reference archive (REF, the size WordPress is set up with), Sling's default GET servlet on the same nodes and
WordPress, all with wrk at the same concurrency, in ROUNDS rounds of rotating order (median reported); calendar
and feed pages on every size for latency versus archive size; a JFR profile of the slowest read endpoint.
ONLY (a regular expression on endpoint names) measures a part: ONLY=calendar (every size, Sling's default GET on
the month index node, WordPress's calendar), ONLY=feed, ONLY=comment; it prints the medians and leaves the docs.
NO_WP=1 leaves WordPress out even where an earlier set-up left its state; a peer that does not answer is skipped.
ONLY=topology (or TOPOLOGY=1) measures a running `./newsfeed start --cluster` instead (section "topology" below):
cache hits against the origin, purge-to-fresh delays through the cache, two nodes against one.
Writes bench-out/<stamp>/ (raw wrk output, results.json, profile) and regenerates the generated section of
docs/benchmarks.md and its plots in docs/benchmarks/. Python standard library only.
"""
import base64
import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "cache", "varnish"))
import measure as varnish   # noqa: E402 (cache/varnish/measure.py: warm, write, poll through the cache)
env = os.environ.get
PORT = int(env("NEWSFEED_PORT", "8080"))
B = f"http://127.0.0.1:{PORT}"
NF_HOME = env("NEWSFEED_HOME", os.path.join(ROOT, ".newsfeed"))
SIZES = [int(s) for s in env("SIZES", "100 10000 100000 1000000").split()]
REF = int(env("REF", "10000"))
D, WARM, ROUNDS = int(env("D", "7")), int(env("WARM", "2")), int(env("ROUNDS", "3"))
C, T = int(env("C", "16")), int(env("T", "2"))
MONTH, DAY = env("MONTH", "2022-01"), env("DAY", "10")
# a dense archive: DENSE articles a day over DENSE_DAYS days ending DENSE_END (0: none), for feed page 1 at a
# newsroom's density (the sized archives hold ~100 a day at 1,000,000)
DENSE, DENSE_DAYS, DENSE_END = int(env("DENSE", "300")), int(env("DENSE_DAYS", "365")), env("DENSE_END", "2025-12-31")
# RENDERED=1: the main read endpoints measured a second time with the origin cache off (every request rendered)
RENDERED = env("RENDERED", "1") == "1"
# seconds of load per rendered case, once, before the rendered rounds: the cached rounds never run the rendering code
# (Newsfeed's or the default GET servlet's), and without this pass its JIT compilation fell into the first rounds
# (CPU per request 3-6x the third round's in the 2026-11-30 19:00 run)
RWARM = int(env("RWARM", "10"))
OC = "dev.newsfeed.impl.http.OriginCache"
WP_HOME = env("WP_HOME", "/tmp/newsfeed-wordpress")
WP = f"http://127.0.0.1:{env('WP_PORT', '8089')}"
NO_WP = env("NO_WP", "0") == "1"
# a regular expression on the endpoint names ("calendar", "feed page 1", "comment POST", ...): measure only those
ONLY = env("ONLY", "")
PROFILE = env("PROFILE", "1") == "1"
WRITE_DOCS = env("WRITE_DOCS", "0" if ONLY else "1") == "1"
AUTH = "Basic " + base64.b64encode(b"admin:admin").decode()
STAMP = dt.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
OUT = os.path.join(ROOT, "bench-out", STAMP)   # created by the run (not by `report`)
HZ = os.sysconf("SC_CLK_TCK")
T0 = time.time()


def log(*a):
    print(f"[bench {time.time() - T0:6.0f}s]", *a, flush=True)


def http(method, url, data=None, admin=False, headers=None, timeout=7200, retries=0):
    h = dict(headers or {})
    if admin:
        h["Authorization"] = AUTH
    if isinstance(data, dict):
        data = urllib.parse.urlencode(data, doseq=True).encode()
    for attempt in range(retries + 1):
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data, h, method=method), timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            if attempt == retries:
                return e.code, e.read()
        except OSError:
            if attempt == retries:
                raise
        time.sleep(3)


def answers(url, timeout=30):
    """Whether a peer answers 200 (a peer that refuses the connection or times out is skipped, not fatal)."""
    try:
        return http("GET", url, timeout=timeout)[0] == 200
    except OSError:
        return False


def get_json(url, **kw):
    code, body = http("GET", url, **kw)
    if code != 200:
        raise SystemExit(f"GET {url}: {code} {body[:300]!r}")
    return json.loads(body)


# --- archives ----------------------------------------------------------------------------------------------------

def site_path(n):
    return f"/content/newsfeed/bench-{n}"


def ensure_site(n):
    site = site_path(n)
    if http("GET", B + site + ".json")[0] == 200:
        return "reused"
    log(f"creating and generating bench-{n} ...")
    http("POST", B + site, {"jcr:primaryType": "nt:unstructured", "sling:resourceType": "newsfeed/site",
                            "jcr:title": f"Benchmark {n}", "timeZone": "Asia/Yerevan", "locale": "en",
                            "firstDayOfWeek": "MONDAY"}, admin=True)
    try:   # feed pages remembered for an earlier archive of that name are not this one's
        os.remove(os.path.join(ROOT, "bench-out", "pages.json"))
    except OSError:
        pass
    return generate(site, n, "2000-01-01", "2025-12-31", n)


def generate(site, n, start, end, seed):
    """n articles in site (the generator bundle), then its index; how long each took."""
    t = time.time()
    code, body = http("POST", B + site + f".generate.json?count={n}&from={start}&to={end}&seed={seed}", b"",
                      admin=True, retries=10)
    if code != 200:
        raise SystemExit(f"generating {site}: {code} {body[:300]!r}")
    gen = time.time() - t
    # the maintenance rebuilds the index after a bulk change itself; a reindex meanwhile answers 503: retried
    t = time.time()
    for _ in range(120):
        code, _body = http("POST", B + site + ".reindex.json", b"", admin=True)
        if code == 200:
            break
        time.sleep(5)
    return f"generated in {gen:.0f} s, index in {time.time() - t:.0f} s"


def dense_path():
    return f"/content/newsfeed/bench-dense-{DENSE}"


def ensure_dense():
    """DENSE articles a day over DENSE_DAYS days ending DENSE_END: a newsroom's day, for feed page 1."""
    site = dense_path()
    if http("GET", B + site + ".json")[0] == 200:
        return "reused"
    n = DENSE * DENSE_DAYS
    end = dt.date.fromisoformat(DENSE_END)
    start = end - dt.timedelta(days=DENSE_DAYS - 1)
    log(f"creating and generating {site} ({n:,} articles, {DENSE} a day) ...")
    http("POST", B + site, {"jcr:primaryType": "nt:unstructured", "sling:resourceType": "newsfeed/site",
                            "jcr:title": f"Benchmark {DENSE} a day", "timeZone": "Asia/Yerevan", "locale": "en",
                            "firstDayOfWeek": "MONDAY"}, admin=True)
    return generate(site, n, start, end, n)


def set_config(pid, values):
    form = dict(values)
    form.update({"apply": "true", "action": "ajaxConfigManager", "propertylist": ",".join(values)})
    http("POST", B + "/system/console/configMgr/" + pid, form, admin=True)


def jvm_memory(pid):
    """The JVM's resident set (MiB) and its total GC time so far (ms, jstat's GCT)."""
    rss = None
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    except OSError:
        pass
    out = subprocess.run(["jstat", "-gcutil", str(pid)], capture_output=True, text=True).stdout.split("\n")
    gct = None
    if len(out) > 1 and out[1].split():
        head, vals = out[0].split(), out[1].split()
        if "GCT" in head:
            try:
                gct = float(vals[head.index("GCT")]) * 1000
            except (ValueError, IndexError):
                gct = None
    return rss, gct


def ensure_anchor(n):
    """The article on MONTH-DAY that every archive has, so the month index node exists for every size."""
    site = site_path(n)
    code, body = http("GET", B + f"{site}/articles/{MONTH.replace('-', '/')}/{DAY}.json?limit=100")
    if code == 200:
        for item in json.loads(body)["items"]:
            if item["title"] == "Benchmark anchor":
                return item["path"]
    code, body = http("POST", B + site + ".articles.json",
                      json.dumps({"title": "Benchmark anchor", "published": f"{MONTH}-{DAY}T14:40"}).encode(),
                      admin=True, headers={"Content-Type": "application/json"})
    if code != 201:
        raise SystemExit(f"anchor article in {site}: {code} {body[:300]!r}")
    return json.loads(body)["path"]


def add_comments(article, site, count):
    from concurrent.futures import ThreadPoolExecutor
    token = get_json(B + article + ".comment-form.json")["token"]
    run = str(int(time.time()))

    def submit(i):
        code, body = http("POST", B + article + ".comments.json",
                          {"author": f"Reader {i}", "email": f"r{i}@example.am",
                           "text": f"Listed comment {i} of run {run}", "token": token})
        return json.loads(body)["id"]
    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(submit, range(count)))
    for k in range(0, len(ids), 100):
        http("POST", B + site + ".moderation.json", {"id": ",".join(ids[k:k + 100]), "action": "approve"},
             admin=True)


def comment_count(article):
    return get_json(B + article + ".comments.json?limit=1")["count"]


def page_url(site, page):
    """Path and query of feed page `page` (20 a page), following `next` 100 at a time to get there sooner."""
    target = (page - 1) * 20
    seen, url = 0, site + ".feed.json?limit=" + str(min(100, target) or 20)
    while seen < target:
        doc = get_json(B + url)
        seen += len(doc["items"])
        nxt = doc.get("next")
        if not nxt:
            return None
        cursor = urllib.parse.parse_qs(urllib.parse.urlparse(nxt).query)["cursor"][0]
        step = 100 if target - seen >= 100 else 20
        if seen >= target:
            step = 20
        url = f"{site}.feed.json?limit={step}&cursor={urllib.parse.quote(cursor)}"
    if target == 0:
        url = site + ".feed.json"
    if len(get_json(B + url)["items"]) != 20:
        return None
    return url


def cached_page_url(site, page):
    """page_url, remembered in bench-out/ (walking to page 5,000 of a big archive takes minutes) and checked."""
    path = os.path.join(ROOT, "bench-out", "pages.json")
    try:
        cache = json.load(open(path))
    except (OSError, ValueError):
        cache = {}
    key = f"{B}{site}#{page}"
    url = cache.get(key)
    if url:
        code, body = http("GET", B + url)
        if code == 200 and len(json.loads(body)["items"]) == 20:
            return url
    url = page_url(site, page)
    if url:
        cache[key] = url
        with open(path, "w") as f:
            json.dump(cache, f, indent=1)
    return url


# --- configuration of the comment service for the POST benchmark --------------------------------------------------

CS = "dev.newsfeed.impl.comments.CommentService"
LIMITS = ["client.burst", "client.per.minute", "article.burst", "article.per.minute", "min.fill.seconds"]


def comment_config(base=B):
    code, body = http("GET", base + f"/system/console/configMgr/{CS}.json", admin=True)
    try:
        props = json.loads(body)[0]["properties"] if code == 200 else {}
    except (ValueError, IndexError, KeyError):
        props = {}
    return {k: str(props.get(k, {}).get("value", "")) for k in LIMITS if props.get(k, {}).get("value") is not None}


def set_comment_config(values, base=B):
    """Sets values, keeping every other property set in the configuration (the web console drops those it is not
    sent: the cluster's trusted.proxies)."""
    code, body = http("GET", base + f"/system/console/configMgr/{CS}.json", admin=True)
    try:
        props = json.loads(body)[0]["properties"] if code == 200 else {}
    except (ValueError, IndexError, KeyError):
        props = {}
    merged = {k: p.get("values", p.get("value")) for k, p in props.items() if p.get("is_set")}
    merged.update(values)
    data = {"apply": "true", "action": "ajaxConfigManager", "propertylist": ",".join(merged)}
    data.update(merged)
    http("POST", base + f"/system/console/configMgr/{CS}", data, admin=True)


# --- measuring ---------------------------------------------------------------------------------------------------

def sling_pid():
    with open(os.path.join(NF_HOME, "sling.pid")) as f:
        return [int(f.read().strip())]


def wp_pids():
    st = os.path.join(WP_HOME, "state")
    pids = []
    for f in ("nginx.pid", "php-fpm.pid", "mysqlrun/mysqld.pid"):
        try:
            p = int(open(os.path.join(st, f)).read().strip())
        except (OSError, ValueError):
            continue
        pids.append(p)
        out = subprocess.run(["pgrep", "-P", str(p)], capture_output=True, text=True).stdout
        pids += [int(x) for x in out.split()]
    return pids


def jiffies(pids):
    total = 0
    for p in pids:
        try:
            fields = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, IndexError, ValueError):
            pass
    return total


def to_ms(v):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", v)
    if not m:
        return None
    x, u = float(m.group(1)), m.group(2)
    return x / 1000 if u == "us" else x if u == "ms" else x * 1000 if u == "s" else x * 60000


RAW = None


def raw():
    global RAW
    if RAW is None:
        os.makedirs(OUT, exist_ok=True)
        RAW = open(os.path.join(OUT, "wrk.txt"), "a")
    return RAW


def wrk_all(loads, seconds, latency=True, timeout=None):
    """wrk on every (url, lua) of loads at once, one process each (two nodes loaded together); their outputs.
    timeout: wrk's per-request timeout (its default, 2 s, drops slower requests and sends new ones meanwhile)."""
    procs = [subprocess.Popen(["wrk", f"-t{T}", f"-c{C}", f"-d{seconds}s"] + (["--latency"] if latency else [])
                              + ([f"--timeout={timeout}"] if timeout else [])
                              + (["-s", lua] if lua else []) + [url],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
             for url, lua in loads]
    return [p.communicate()[0] for p in procs]


def wrk(url, seconds, lua=None, latency=True):
    return wrk_all([(url, lua)], seconds, latency)[0]


def targets(case):
    """What wrk loads for a case: its URL, or several at once ("targets": [(url, lua), ...])."""
    return case.get("targets") or [(case["url"], case.get("lua"))]


def parse(text):
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    reqs = re.search(r"(\d+) requests in", text)
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
    non2 = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    status = re.search(r"^STATUS(.*)$", text, re.M)
    timeouts = re.search(r"Socket errors:.* timeout (\d+)", text)
    answers = status.group(1).strip() if status else f"non-2xx={non2.group(1) if non2 else 0}"
    return {"rps": float(rps.group(1)) if rps else 0.0, "requests": int(reqs.group(1)) if reqs else 0,
            "p50": to_ms(lat.get("50", "")), "p99": to_ms(lat.get("99", "")),
            "answers": answers + (f" timeouts={timeouts.group(1)}" if timeouts and timeouts.group(1) != "0" else "")}


def measure(case):
    """One wrk run of a case (of its targets at once: req/s summed, the worst p50 and p99), server CPU per request.
    A case with "settle" (slow writes) has no warm-up and waits after the run for the requests still in flight."""
    if WARM > 0 and not case.get("settle"):
        wrk_all(targets(case), WARM, latency=False, timeout=case.get("timeout"))
    pids = case["pids"]()
    mem = not TOPOLOGY and case["group"] != "wordpress"
    gc0 = jvm_memory(pids[0])[1] if mem else None
    j0 = jiffies(pids)
    texts = wrk_all(targets(case), D, timeout=case.get("timeout"))
    j1 = jiffies(pids)
    rss, gc1 = jvm_memory(pids[0]) if mem else (None, None)
    for (url, _), text in zip(targets(case), texts):
        raw().write(f"===== {case['id']} {url}\n{text}\n")
    raw().flush()
    parts = [parse(t) for t in texts]
    n = sum(p["requests"] for p in parts)
    worst = lambda k: max((p[k] for p in parts if p[k] is not None), default=None)
    if case.get("settle"):
        time.sleep(min(120.0, max(2.0, 2 * (worst("p99") or 0) / 1000)))
    quiet = quiesce(pids) if case.get("lua") and case["group"] != "wordpress" else None
    return {"rps": sum(p["rps"] for p in parts), "requests": n, "p50": worst("p50"), "p99": worst("p99"),
            "quiesce_s": quiet,
            "cpu_ms": (j1 - j0) * 1000 / HZ / n if n else None, "answers": "; ".join(p["answers"] for p in parts),
            "rss_mib": rss, "gc_ms_per_10k": (gc1 - gc0) * 10000 / n if n and gc0 is not None and gc1 is not None
            else None}


def quiesce(pids, limit=90.0):
    """After a write case: waits until the instance is idle again (under a tenth of a core for a second), so the
    case measured next does not pay for this one's work after the answers (commits, counts, indexing, observation);
    how long that took."""
    t0 = time.time()
    while time.time() - t0 < limit:
        j0 = jiffies(pids)
        time.sleep(1)
        if (jiffies(pids) - j0) / HZ < 0.1:
            break
    waited = time.time() - t0
    log(f"  the instance was busy {waited:.0f} s after the writes")
    return waited


def measure_rounds(cases):
    """Every URL warmed for a second, then ROUNDS rounds of every case in rotating (alternately reversed) order."""
    runs = defaultdict(list)
    for c in cases:
        if not c.get("settle"):
            wrk_all(targets(c), 1, latency=False)
    for r in range(ROUNDS):
        k = (r * len(cases)) // max(ROUNDS, 1)
        order = cases[k:] + cases[:k]
        if r % 2:
            order.reverse()
        for c in order:
            runs[c["id"]].append(measure(c))
        log(f"round {r + 1}/{ROUNDS} done")
    return runs


def medians(runs):
    """Per case: the median round, with every round's req/s and CPU."""
    med = {}
    for cid, rs in runs.items():
        m = dict(sorted(rs, key=lambda x: x["rps"])[len(rs) // 2])
        m["all_rps"] = [x["rps"] for x in rs]
        m["all_cpu_ms"] = [x["cpu_ms"] for x in rs]
        med[cid] = m
    return med


def post_lua(path, body_lua, extra_headers=""):
    lua = os.path.join(OUT, f"post-{abs(hash((path, body_lua))) % 10000}.lua")
    with open(lua, "w") as f:
        f.write("""local threads, n = {}, 0
function setup(thread) n = n + 1; thread:set("tid", n); table.insert(threads, thread) end
function init(args) counter = 0; st = {}; run = tostring(os.time()) end
function request()
  counter = counter + 1
  local u = run .. "t" .. tid .. "n" .. counter
  local body = %s
  return wrk.format("POST", "%s", { ["Content-Type"] = "application/x-www-form-urlencoded"%s }, body)
end
function response(status, headers, body) st[status] = (st[status] or 0) + 1 end
function done(summary, latency, requests)
  local tot = {}
  for _, t in ipairs(threads) do
    for code, v in pairs(t:get("st")) do tot[code] = (tot[code] or 0) + v end
  end
  local s = "STATUS"
  for code, v in pairs(tot) do s = s .. " " .. code .. "=" .. v end
  print(s)
end
""" % (body_lua, path, extra_headers))
    return lua


def wp_env():
    values = {}
    try:
        for line in open(os.path.join(WP_HOME, "state", "bench.env")):
            k, _, v = line.strip().partition("=")
            values[k] = v
    except OSError:
        pass
    return values


def mysql(q):
    return subprocess.run(["mariadb", f"--defaults-file={WP_HOME}/state/conf/my.cnf", "-uroot", "-N", "wordpress",
                           "-e", q], capture_output=True, text=True, check=True).stdout.strip()


# --- the run -----------------------------------------------------------------------------------------------------

def main():
    if TOPOLOGY:
        return topology()
    # the benchmark sends from one address: lift the comment rate limits and the minimum fill time for the run
    saved = comment_config()
    set_comment_config({"client.burst": "100000000", "client.per.minute": "100000000",
                        "article.burst": "100000000", "article.per.minute": "100000000", "min.fill.seconds": "0"})
    time.sleep(1)
    try:
        run(saved)
    finally:
        set_comment_config(saved or {"client.burst": "5", "client.per.minute": "3", "article.burst": "30",
                                     "article.per.minute": "30", "min.fill.seconds": "3"})


def run(saved):
    os.makedirs(OUT, exist_ok=True)
    origin = {}
    for n in sorted(set(SIZES + [REF])):
        origin[n] = ensure_site(n)
        log(f"bench-{n}: {origin[n]}")
    dense = ensure_dense() if DENSE else None
    if dense:
        log(f"{dense_path()}: {dense}")
    anchors = {n: ensure_anchor(n) for n in sorted(set(SIZES + [REF]))}
    site = site_path(REF)
    article = anchors[REF]
    month_path = f"{site}/articles/{MONTH.replace('-', '/')}"
    others = [i["path"] for i in get_json(B + month_path + ".json?limit=20")["items"] if i["path"] != article]
    post_target = others[0] if others else article
    # comments on some articles: 1,000 approved on the anchor (listed), a few on others
    have = comment_count(article)
    if have < 1000:
        log(f"adding {1000 - have} approved comments to {article} ...")
        add_comments(article, site, 1000 - have)
    for other in others[1:6]:
        if comment_count(other) < 5:
            add_comments(other, site, 5)
    # Sling's default GET servlet on the same nodes: copies without our resource type (ours answers the originals)
    dflt = "/content/newsfeed-bench-default"
    http("POST", B + dflt, {":operation": "delete"}, admin=True)
    http("POST", B + dflt, {"jcr:primaryType": "sling:Folder"}, admin=True)
    http("POST", B + dflt + "/article", {"jcr:primaryType": "nt:unstructured"}, admin=True)
    http("POST", B + dflt + "/article", {":operation": "delete"}, admin=True)
    http("POST", B + article, {":operation": "copy", ":dest": dflt + "/article"}, admin=True)
    http("POST", B + dflt + "/article", {"sling:resourceType@Delete": ""}, admin=True)
    sdoc = get_json(B + site + ".json")
    http("POST", B + dflt + "/site", {"jcr:primaryType": "nt:unstructured", "jcr:title": sdoc["title"],
                                      "timeZone": sdoc["timeZone"], "locale": sdoc["locale"],
                                      "firstDayOfWeek": sdoc["firstDayOfWeek"]}, admin=True)
    for p in (dflt + "/article.json", dflt + "/site.json"):
        assert http("GET", B + p)[0] == 200, p

    nf, wpp = sling_pid, wp_pids
    cases = []

    def add(cid, group, endpoint, url, pids, size=REF, lua=None):
        cases.append({"id": cid, "group": group, "endpoint": endpoint, "url": url, "pids": pids, "size": size,
                      "lua": lua})

    token = get_json(B + post_target + ".comment-form.json")["token"]
    nf_lua = post_lua(post_target + ".comments.json",
                      '"author=Bench+" .. u .. "&email=bench" .. u .. "%%40example.org&text=Benchmark+comment+" .. u'
                      ' .. "&token=%s"' % token)
    add("nf-article", "newsfeed", "article", B + article + ".json", nf)
    add("nf-site", "newsfeed", "site", B + site + ".json", nf)
    add("nf-month", "newsfeed", "month listing", B + month_path + ".json", nf)
    add("nf-day", "newsfeed", "day listing", B + f"{month_path}/{DAY}.json", nf)
    add("nf-comments", "newsfeed", "comments list", B + article + ".comments.json", nf)
    add("nf-post", "newsfeed", "comment POST", B + post_target + ".comments.json", nf, lua=nf_lua)
    add("nf-rss", "newsfeed", "RSS", B + site + ".rss", nf)
    add("nf-atom", "newsfeed", "Atom", B + site + ".atom", nf)
    add("nf-jsonfeed", "newsfeed", "JSON Feed", B + site + ".feed.jsonfeed", nf)
    since = get_json(B + site + ".changes.json")["next"]   # a token: what a poller sends next
    # and what it finds after it: edits of an article (a busy minute's changes), so the answer is not empty
    edited = others[-1] if len(others) > 6 else article
    for i in range(20):
        http("POST", B + edited + ".update.json", {"lead": f"Edited for the changes case, {i} ({time.time():.0f})"},
             admin=True)
    add("nf-changes", "newsfeed", "changes", B + site + ".changes.json?since=" + urllib.parse.quote(since), nf)
    word = get_json(B + month_path + ".json?limit=1")["items"][0]["title"].split()[-1]
    add("nf-search", "newsfeed", "search", B + site + ".search.json?q=" + urllib.parse.quote(word), nf)
    if dense:
        add("nf-feed1-dense", "newsfeed", "feed page 1", B + dense_path() + ".feed.json", nf,
            size=DENSE * DENSE_DAYS)
    add("def-article", "default", "article", B + dflt + "/article.json", nf)
    add("def-site", "default", "site", B + dflt + "/site.json", nf)
    add("def-month-index", "default", "calendar",
        B + f"/var/newsfeed/index{site}/{MONTH.replace('-', '/')}.json", nf)
    sweep = {}
    for n in sorted(set(SIZES + [REF])):
        s = site_path(n)
        add(f"nf-calendar-{n}", "newsfeed", "calendar", B + f"{s}.calendar.{MONTH}.json", nf, size=n)
        add(f"nf-feed1-{n}", "newsfeed", "feed page 1", B + f"{s}.feed.json", nf, size=n)
        if n >= 100000:
            p = cached_page_url(s, 5000)
            if p:
                sweep[n] = p
                add(f"nf-feed5000-{n}", "newsfeed", "feed page 5,000", B + p, nf, size=n)
        log(f"bench-{n}: cases ready")

    setup = env("WP_SETUP_PID")
    if setup and os.path.exists(f"/proc/{setup}"):
        log("waiting for the WordPress set-up (bench-out/wordpress-setup.log) ...")
        while os.path.exists(f"/proc/{setup}") and "zombie" not in open(f"/proc/{setup}/status").read():
            time.sleep(2)
    wpe = {} if NO_WP else wp_env()
    wp_up = bool(wpe) and answers(WP + "/wp-json/wp/v2/posts?per_page=1")
    if wp_up:
        bp, cm = wpe["BENCH_POST"], wpe["CAL_MONTH"]
        n_posts = int(wpe.get("POSTS", wpe.get("N", "0")))
        have = int(mysql(f"select count(*) from wp_comments where comment_post_ID={bp} and comment_approved='1'"))
        if have < 1000:
            mysql(f"""insert into wp_comments (comment_post_ID, comment_author, comment_author_email, comment_date,
                comment_date_gmt, comment_content, comment_approved, comment_type)
                select {bp}, concat('Listed ', seq), concat('l', seq, '@example.org'), now(), utc_timestamp(),
                concat('Listed comment number ', seq), '1', 'comment' from seq_1_to_{1000 - have};
                update wp_posts set comment_count=1000 where ID={bp};""")
        y, m = int(cm[:4]), int(cm[4:])
        after = f"{y:04d}-{m:02d}-01T00:00:00"
        before = f"{y + (m == 12):04d}-{m % 12 + 1:02d}-01T00:00:00"
        dday = f"{y:04d}-{m:02d}-{int(DAY):02d}"
        nday = (dt.date(y, m, int(DAY)) + dt.timedelta(days=1)).isoformat()
        wp_lua = post_lua("/wp-comments-post.php",
                          '"comment_post_ID=%s&author=Bench+" .. u .. "&email=bench" .. u .. '
                          '"%%40example.org&url=&comment=Benchmark+comment+" .. u .. "&submit=Post+Comment"' % bp,
                          ', ["X-Bench-No-Flood"] = "1"')
        add("wp-article", "wordpress", "article", WP + f"/wp-json/wp/v2/posts/{bp}", wpp)
        add("wp-site", "wordpress", "site", WP + "/wp-json/", wpp)
        add("wp-feed1", "wordpress", "feed page 1", WP + "/wp-json/wp/v2/posts?per_page=20", wpp)
        add("wp-feeddeep", "wordpress", "feed page 5,000",
            WP + f"/wp-json/wp/v2/posts?per_page=20&page={n_posts // 20}", wpp)
        add("wp-month", "wordpress", "month listing",
            WP + f"/wp-json/wp/v2/posts?per_page=20&after={after}&before={before}", wpp)
        add("wp-day", "wordpress", "day listing",
            WP + f"/wp-json/wp/v2/posts?per_page=20&after={dday}T00:00:00&before={nday}T00:00:00", wpp)
        add("wp-calendar", "wordpress", "calendar", WP + f"/peer-calendar.php?m={cm}", wpp)
        add("wp-comments", "wordpress", "comments list", WP + f"/wp-json/wp/v2/comments?post={bp}", wpp)
        add("wp-post", "wordpress", "comment POST", WP + "/wp-comments-post.php", wpp, lua=wp_lua)
        add("wp-rss", "wordpress", "RSS", WP + "/feed/", wpp)
    else:
        log("NO_WP=1: measuring Newsfeed and Sling only" if NO_WP
            else "WordPress does not answer: measuring Newsfeed and Sling only")
    if ONLY:
        cases[:] = [c for c in cases if re.search(ONLY, c["endpoint"])]
        log(f"ONLY={ONLY}: {', '.join(c['id'] for c in cases) or 'no case'}")

    for c in cases:   # every URL answers before anything is measured
        if not c.get("lua"):
            code, _ = http("GET", c["url"], timeout=120)
            if code != 200:
                raise SystemExit(f"{c['id']}: {c['url']} answers {code}")
    est = len(cases) * ROUNDS * (D + WARM + 0.5) / 60
    log(f"{len(cases)} cases x {ROUNDS} rounds, wrk -c{C} -t{T} -d{D}s after {WARM}s warm-up: ~{est:.0f} min")
    try:
        # the cached rounds with the origin cache on, whatever an earlier check left in the instance's configuration
        set_config(OC, {"cache.entries": "10000"})
        time.sleep(2)
        runs = measure_rounds(cases)
        prof = profile(cases, runs) if PROFILE else None
        rendered = rendered_cases(cases) if RENDERED else []
        if rendered:
            # the same URLs, every request rendered: the origin cache off for these rounds (a miss's cost)
            log(f"{len(rendered)} cases again with the origin cache off ...")
            set_config(OC, {"cache.entries": "0"})
            time.sleep(2)
            try:
                if RWARM > 0:
                    log(f"warming the rendering code: {RWARM} s per case ...")
                    for c in rendered:
                        wrk_all(targets(c), RWARM, latency=False)
                runs.update(measure_rounds(rendered))
            finally:
                set_config(OC, {"cache.entries": "10000"})
            cases.extend(rendered)
    finally:
        if wp_up:
            mysql("delete cm from wp_commentmeta cm join wp_comments c on c.comment_ID=cm.comment_id "
                  "where c.comment_author like 'Bench %'; delete from wp_comments where comment_author like 'Bench %';")
    med = medians(runs)
    meta = machine(wp_up, wpe)
    meta.update({"sizes": SIZES, "ref": REF, "origin": {str(k): v for k, v in origin.items()}, "D": D,
                 "warm": WARM, "rounds": ROUNDS, "C": C, "T": T, "month": MONTH, "day": DAY,
                 "minutes": round((time.time() - T0) / 60, 1), "article": article, "post_target": post_target,
                 "page5000": sweep})
    result = {"meta": meta, "cases": [{k: v for k, v in c.items() if k not in ("pids", "lua")} for c in cases],
              "median": med, "profile": prof}
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(result, f, indent=1)
    log(f"results: {OUT}/results.json")
    if ONLY:   # a part of the run: its medians, not the docs' tables of every endpoint
        for c in cases:
            m = med[c["id"]]
            print(f"{c['id']:<22} {c['endpoint']:<16} {c['size']:>9,}  {m['rps']:>9.1f} req/s"
                  f"  p50 {m['p50']} ms  p99 {m['p99']} ms  {m['answers']}")
        return
    import report
    report.write(result, ROOT, OUT, WRITE_DOCS)


RENDERED_IDS = ["nf-article", "nf-site", "nf-month", "nf-rss", "nf-comments", "nf-search", "nf-changes", "def-article", "def-site"]


def rendered_cases(cases):
    """Copies ("r-" ids, group "rendered") of the main reads, feed page 1 at every size and the default GET
    baselines, for rounds with the origin cache off."""
    out = []
    for c in cases:
        if c["id"] in RENDERED_IDS or c["id"].startswith("nf-feed1-") or c["id"] == f"nf-calendar-{REF}":
            r = dict(c)
            r["id"] = "r-" + c["id"]
            r["group"] = "rendered" if c["group"] == "newsfeed" else "rendered-default"
            out.append(r)
    return out


def machine(wp_up, wpe):
    pid = sling_pid()[0]
    cmd = open(f"/proc/{pid}/cmdline").read().split("\0")
    xmx = next((a for a in cmd if a.startswith("-Xmx")), None)
    if not xmx:
        flags = subprocess.run(["jcmd", str(pid), "VM.flags"], capture_output=True, text=True).stdout
        m = re.search(r"MaxHeapSize=(\d+)", flags)
        xmx = f"MaxHeapSize={int(m.group(1)) >> 20} MiB" if m else "?"
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) >> 20 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    wrkv = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split("\n")[0]
    return {"date": dt.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), "cpu": cpu, "cores": os.cpu_count(),
            "mem_gib": mem, "kernel": platform.release(), "java": jv[1] if len(jv) > 1 else (jv or ["?"])[0],
            "heap": xmx, "wrk": wrkv.strip(), "load_after": open("/proc/loadavg").read().split()[:3],
            "wordpress": (f"WordPress 6.1 (Debian), php-fpm, MariaDB, {wpe.get('POSTS', '?')} posts, "
                          f"{wpe.get('COMMENTS', '?')} comments") if wp_up else None}


def profile(cases, runs):
    """JFR (profile settings) over 20 s of load on the slowest Newsfeed read endpoint."""
    reads = [c for c in cases if c["group"] == "newsfeed" and not c.get("lua")]
    if not reads:   # ONLY chose none
        return None
    slow = min(reads, key=lambda c: statistics.median(x["rps"] for x in runs[c["id"]]))
    return profile_url(slow["id"], slow["url"])


def profile_url(label, url, seconds=None):
    os.makedirs(OUT, exist_ok=True)
    pid = str(sling_pid()[0])
    jfr = os.path.join(OUT, f"{label}.jfr")
    log(f"profiling {label} with JFR ...")
    subprocess.run(["jcmd", pid, "JFR.start", f"name=nfbench-{label}", "settings=profile", f"filename={jfr}"],
                   capture_output=True, text=True)
    wrk(url, seconds or max(D, 20), latency=False)
    subprocess.run(["jcmd", pid, "JFR.stop", f"name=nfbench-{label}"], capture_output=True, text=True)
    if not os.path.exists(jfr):
        return {"case": label, "error": "no JFR recording"}
    text = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", jfr],
                          capture_output=True, text=True).stdout
    events = json.loads(text)["recording"]["events"]
    selfc, incl, nfincl, threads = Counter(), Counter(), Counter(), Counter()
    total = 0
    for e in events:
        frames = e["values"].get("stackTrace", {}) or {}
        frames = frames.get("frames", []) if isinstance(frames, dict) else []
        names = [f"{f['method']['type']['name']}.{f['method']['name']}".replace("/", ".") for f in frames]
        thread = str((e["values"].get("sampledThread") or {}).get("javaName", ""))
        if not any("SlingMainServlet" in n for n in names):   # request threads only
            continue
        total += 1
        threads[thread.split("-")[0]] += 1
        if names:
            selfc[names[0]] += 1
        for n in set(names):
            incl[n] += 1
            if n.startswith("dev.newsfeed"):
                nfincl[n] += 1
    return {"case": label, "url": url.replace(B, ""), "samples": total,
            "self": selfc.most_common(15), "newsfeed_inclusive": nfincl.most_common(20),
            "inclusive": incl.most_common(60), "jfr": jfr}


# --- the production topology (ONLY=topology or TOPOLOGY=1): ./newsfeed start --cluster, Varnish in front ---------

TOPOLOGY = ONLY == "topology" or env("TOPOLOGY", "0") == "1"
SITE = env("SITE", "/content/newsfeed/day")
EDITS, TAIL = int(env("EDITS", "40")), float(env("TAIL", "3"))
CLUSTER = os.path.join(NF_HOME, "cluster")
# The cluster sends every purge again 5 s after the write (purge.xkey.repeat.seconds): the edits go round EDITED
# articles, and one article is edited again only SPACING s after its last edit, so that the repeated purge of one
# edit never lands in the next edit's measurement.
EDITED, SPACING = 4, 6.0
LIFTED = {"client.burst": "100000000", "client.per.minute": "100000000", "article.burst": "100000000",
          "article.per.minute": "100000000", "min.fill.seconds": "0"}
DEFAULTS = {"client.burst": "5", "client.per.minute": "3", "article.burst": "30", "article.per.minute": "30",
            "min.fill.seconds": "3"}


def node(n):
    return f"http://127.0.0.1:{PORT + n}"


def live_pid(path):
    try:
        pid = int(open(path).read().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def node_pids(*nodes):
    return lambda: [p for p in (live_pid(os.path.join(CLUSTER, f"node{n}", "sling.pid")) for n in nodes) if p]


def varnish_pids():
    pid = live_pid(os.path.join(CLUSTER, "varnish", "varnishd.pid"))
    if not pid:
        return []
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [pid] + [int(x) for x in out.split()]


def cluster_check():
    """Refuses unless ./newsfeed start --cluster runs on NEWSFEED_PORT in NEWSFEED_HOME with Varnish in front."""
    start = f"NEWSFEED_PORT={PORT} NEWSFEED_HOME={NF_HOME} ./newsfeed start --cluster"
    try:
        port = int(open(os.path.join(CLUSTER, "port")).read().strip())
    except (OSError, ValueError):
        raise SystemExit(f"topology: no cluster runs in {CLUSTER}; start one with {start}")
    if port != PORT:
        raise SystemExit(f"topology: the cluster in {CLUSTER} runs on port {port}, not NEWSFEED_PORT={PORT}")
    for n in (1, 2):
        if not node_pids(n)() or not answers(node(n) + SITE + ".json"):
            raise SystemExit(f"topology: node {n} ({node(n)}) does not run or does not answer {SITE}.json")
    varnish.read(SITE + ".json")
    if not varnish_pids() or varnish.read(SITE + ".json")[1] not in ("HIT", "MISS"):
        raise SystemExit(f"topology: no Varnish answers on {B} (no X-Cache header): the cluster runs without it")


def pick_article():
    """The newest published article of SITE that is none of the checks' own (those come and go)."""
    for item in get_json(node(1) + SITE + ".feed.json?limit=50")["items"]:
        if not re.match(r"(Topology|Cache) (check|comments)", item["title"]):
            return item["path"]
    raise SystemExit(f"topology: {SITE} has no published article")


def post_luas(path, token):
    """A comment POST script per node, each with its own authors and texts (no duplicates across the two)."""
    return [post_lua(path, f'"author=Bench+n{n}" .. u .. "&email=bench.n{n}" .. u .. "%40example.org'
                           f'&text=Topology+comment+n{n}+" .. u .. "&token={token}"') for n in (1, 2)]


def topology_cases(article, post_target):
    """Per read: from the cache (a hit), from node 1 (what the cache gets on a miss), from both nodes at once;
    comment POSTs on node 1 and on both nodes at once."""
    cases = []
    reads = [("feed", "feed page 1", SITE + ".feed.json"), ("article", "article", article + ".json"),
             ("site", "site", SITE + ".json"), ("calendar", "calendar", SITE + ".calendar.json")]
    for key, name, path in reads:
        cases += [{"id": f"hit-{key}", "endpoint": name, "url": B + path, "pids": varnish_pids},
                  {"id": f"node1-{key}", "endpoint": name, "url": node(1) + path, "pids": node_pids(1)},
                  {"id": f"nodes2-{key}", "endpoint": name, "url": node(1) + path, "pids": node_pids(1, 2),
                   "targets": [(node(1) + path, None), (node(2) + path, None)]}]
    post = post_target + ".comments.json"
    luas = post_luas(post, get_json(node(1) + post_target + ".comment-form.json")["token"])
    # Comment POSTs to one article take seconds each on the cluster at -c16: a long timeout keeps C requests in
    # flight per wrk (with 2 s, wrk gives up on them and sends more while the nodes still work on them), and the
    # next case waits until those in flight are done (settle)
    cases += [{"id": "node1-post", "endpoint": "comment POST", "url": node(1) + post, "lua": luas[0],
               "pids": node_pids(1), "timeout": "300s", "settle": True},
              {"id": "nodes2-post", "endpoint": "comment POST", "url": node(1) + post, "pids": node_pids(1, 2),
               "targets": [(node(1) + post, luas[0]), (node(2) + post, luas[1])], "timeout": "300s", "settle": True}]
    for c in cases:
        if not c["id"].endswith("post") and http("GET", c["url"], timeout=120)[0] != 200:
            raise SystemExit(f"{c['id']}: {c['url']} does not answer 200")
    return cases


def one_edit(path, n, i, run):
    """Warms the article in the cache, edits it on node n, polls the cache until the edit shows, then TAIL s more."""
    marker = f"Topology {run} edit {i}"
    fresh = lambda status, body: marker in body
    varnish.warm(path + ".json")
    if random.random() < 0.5:   # Varnish's director takes the nodes in turn: which node gets the first miss after
        varnish.read(f"{SITE}.json?rr={random.getrandbits(40)}")   # the purge is a coin flip, not the edits' order
    varnish.write("POST", path + ".update.json", {"lead": marker}, origin=node(n))
    start = time.monotonic()
    first, x_cache = varnish.fresh_after(path + ".json", fresh, start)
    count, last = varnish.relapses(path + ".json", fresh, start, TAIL)
    return {"edit": i, "node": n, "fresh_ms": round(first, 1), "fresh_x_cache": x_cache, "relapses": count,
            "last_stale_ms": round(last if last is not None else first, 1)}


def purge_delays():
    """EDITS edits of EDITED new articles, written on node 1 and node 2 alternately; the articles are deleted after."""
    run, arts, edited, rows = str(int(time.time())), [], {}, []
    try:
        for k in range(EDITED):
            arts.append(varnish.create(f"Topology check {run} {k}", varnish.now_local(), settle=False)[0])
        time.sleep(SPACING)   # the creations' purges (and their repeats) pass first
        for i in range(EDITS):
            path = arts[i % EDITED]
            time.sleep(max(0.0, edited.get(path, 0.0) + SPACING - time.monotonic()))
            rows.append(one_edit(path, 1 + i % 2, i, run))
            edited[path] = time.monotonic()
            if (i + 1) % 10 == 0:
                log(f"{i + 1}/{EDITS} edits")
    finally:
        for path in arts:
            varnish.write("POST", path + ".delete.json")
    return rows


def pct(values, p):
    """Nearest rank: p=50 the median (lower), p=99 of 40 values the slowest."""
    v = sorted(values)
    return v[max(0, -(-len(v) * p // 100) - 1)] if v else None


def purge_summary(rows):
    fresh, stale = [r["fresh_ms"] for r in rows], [r["last_stale_ms"] for r in rows]
    return {"edits": len(rows), "fresh_p50": statistics.median(fresh), "fresh_p99": pct(fresh, 99),
            "fresh_under_1s": sum(1 for v in fresh if v < 1000), "stale_p50": statistics.median(stale),
            "stale_p99": pct(stale, 99), "relapses": sum(r["relapses"] for r in rows),
            "edits_with_relapse": sum(1 for r in rows if r["relapses"]),
            "fresh_x_cache": dict(Counter(r["fresh_x_cache"] for r in rows)), "tail_s": TAIL}


def topology_table(med, purge):
    import report
    lines = ["| endpoint | cache hit req/s | node 1 (origin) req/s | two nodes req/s | cache hit / origin "
             "| two nodes / one | CPU ms/req: Varnish; node 1 |", "|---|--:|--:|--:|--:|--:|--:|"]
    for key in ("feed", "article", "site", "calendar", "post"):
        hit, one, two = med.get(f"hit-{key}"), med[f"node1-{key}"], med[f"nodes2-{key}"]
        cpu = lambda m: "–" if not m or m["cpu_ms"] is None else report.f2(m["cpu_ms"]) if m["cpu_ms"] >= 0.1 \
            else f"{m['cpu_ms']:.3f}"
        lines.append(f"| {'comment POST' if key == 'post' else key} | {report.f0(hit and hit['rps'])} "
                     f"| {report.f0(one['rps'])} | {report.f0(two['rps'])} | {report.rfmt(report.ratio(hit, one))} "
                     f"| {report.rfmt(report.ratio(two, one))} | {cpu(hit)}; {cpu(one)} |")
    p = purge
    lines += ["", f"Purge to fresh through the cache, {p['edits']} edits (ms from the edit's answer): first fresh read "
              f"median {p['fresh_p50']:.0f}, p99 {p['fresh_p99']:.0f} ({p['fresh_under_1s']} of {p['edits']} under "
              f"1 s); last stale read median {p['stale_p50']:.0f}, p99 {p['stale_p99']:.0f}; stale relapses in the "
              f"{p['tail_s']:g} s after the first fresh read: {p['relapses']} reads in {p['edits_with_relapse']} "
              f"edits; the first fresh answer was {p['fresh_x_cache']}."]
    return "\n".join(lines)


def topology():
    varnish.configure(B, node(1), SITE)
    cluster_check()
    os.makedirs(OUT, exist_ok=True)
    article = pick_article()
    # the comment POSTs go to an article of this run (the comments of earlier runs would weigh on them)
    post_target = varnish.create(f"Topology comments {int(time.time())}", varnish.now_local(), settle=False)[0]
    saved = [comment_config(node(n)) for n in (1, 2)]
    for n in (1, 2):   # wrk sends from one address: no rate limits, no minimum fill time, on both nodes
        set_comment_config(LIFTED, node(n))
    time.sleep(1)
    try:
        cases = topology_cases(article, post_target)
        log(f"{len(cases)} cases x {ROUNDS} rounds, wrk -c{C} -t{T} -d{D}s (two nodes: one wrk each) after {WARM}s")
        med = medians(measure_rounds(cases))
    finally:
        for n in (1, 2):
            set_comment_config(saved[n - 1] or DEFAULTS, node(n))
        varnish.write("POST", post_target + ".delete.json")
    result = {"meta": topology_meta(article, post_target), "median": med,
              "cases": [{k: v for k, v in c.items() if k not in ("pids", "lua")} for c in cases]}
    save(result)   # the throughput, should the edits fail
    log(f"purge to fresh: {EDITS} edits, written on node 1 and node 2 alternately ...")
    time.sleep(SPACING)   # the last comment POSTs drain
    rows = purge_delays()
    result["purge"] = {"summary": purge_summary(rows), "edits": rows}
    result["table"] = topology_table(med, result["purge"]["summary"])
    result["meta"] = topology_meta(article, post_target)
    save(result)
    print(result["table"])
    log(f"results: {OUT}/results.json (commit {result['meta']['commit']}, load after "
        f"{' '.join(result['meta']['load_after'])})")


def topology_meta(article, post_target):
    commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True,
                            text=True).stdout.strip()
    return {"date": dt.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"), "commit": commit, "cores": os.cpu_count(),
            "D": D, "warm": WARM, "rounds": ROUNDS, "C": C, "T": T, "site": SITE, "article": article,
            "post_target": post_target, "edits": EDITS, "tail": TAIL,
            "load_after": open("/proc/loadavg").read().split()[:3], "minutes": round((time.time() - T0) / 60, 1)}


def save(result):
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump(result, f, indent=1)

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    if len(sys.argv) > 2 and sys.argv[1] == "profile":   # bench/bench.py profile /content/...json [seconds]
        p = profile_url("manual", B + sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else None)
        print(json.dumps({k: v for k, v in p.items() if k != "inclusive"}, indent=1))
        for name, n in p.get("inclusive", []):
            print(f"{100 * n / max(p['samples'], 1):5.1f}%  {name}")
    elif len(sys.argv) > 1 and sys.argv[1] == "report":   # regenerate docs from a results.json
        import report
        res = json.load(open(sys.argv[2]))
        report.write(res, ROOT, os.path.dirname(sys.argv[2]), True)
    else:
        main()
