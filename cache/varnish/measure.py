#!/usr/bin/env python3
"""Checks a Varnish running cache/varnish/newsfeed.vcl in front of a local Newsfeed test instance, and measures.

    cache/varnish/measure.py http://127.0.0.1:18190 http://127.0.0.1:18180 [/content/newsfeed/day]

It writes to the site (articles "Cache check ...", a comment): run it on a test instance only, with the sample users
author:author and moderator:moderator (./newsfeed start creates them) and PurgeNotifier's purge.xkey.urls pointing at
the cache. For each change kind it warms an answer in the cache (a HIT), makes the change through Sling, and polls the
cache every 5 ms until a reader gets the new answer: the delay from the write's answer to the first fresh read.
"""
import base64
import json
import statistics
import sys
import time
import urllib.error
import urllib.request

CACHE = ORIGIN = None   # set by configure(): from the command line, or by an importer
SITE = "/content/newsfeed/day"
AUTHOR = "Basic " + base64.b64encode(b"author:author").decode()
MODERATOR = "Basic " + base64.b64encode(b"moderator:moderator").decode()
TIMEOUT = 60.0


def configure(cache, origin, site=None):
    global CACHE, ORIGIN, SITE
    CACHE, ORIGIN, SITE = cache.rstrip("/"), origin.rstrip("/"), site or SITE


def http(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def read(path, **headers):
    status, head, body = http("GET", CACHE + path, headers=headers)
    return status, head.get("X-Cache"), body.decode("utf-8", "replace")


def warm(path):
    """Reads until the answer comes from the cache (a purge of an earlier write may still arrive meanwhile)."""
    for _ in range(50):
        read(path)
        status, cache, _ = read(path)
        if cache == "HIT":
            return
        time.sleep(0.1)
    raise AssertionError(f"{path} is not cached: {status} {cache}")


def fresh_after(path, is_fresh, start=None):
    """Milliseconds from start (now) until a reader gets an answer is_fresh accepts through the cache."""
    start = start or time.monotonic()
    while time.monotonic() - start < TIMEOUT:
        status, cache, body = read(path)
        if is_fresh(status, body):
            return (time.monotonic() - start) * 1000, cache
        time.sleep(0.005)
    raise AssertionError(f"{path} still stale after {TIMEOUT} s")


def relapses(path, is_fresh, start, seconds):
    """After a first fresh read, polls every 5 ms for `seconds` more: the reads that got an answer is_fresh refuses
    again (a node that had not seen the change yet refilled the cache), and the ms from start to the last of them."""
    count, last, end = 0, None, time.monotonic() + seconds
    while time.monotonic() < end:
        status, _, body = read(path)
        if not is_fresh(status, body):
            count, last = count + 1, (time.monotonic() - start) * 1000
        time.sleep(0.005)
    return count, last


def write(method, path, body=None, auth=AUTHOR, origin=None):
    status, head, answer = http(method, (origin or ORIGIN) + path, body, {"Authorization": auth})
    assert 200 <= status < 300, f"{method} {path}: {status} {answer[:300]!r}"
    return json.loads(answer) if answer else {}


def now_local():
    return time.strftime("%Y-%m-%dT%H:%M", time.gmtime(time.time() - 120)) + "Z"


def create(title, published, settle=True):
    doc = write("POST", SITE + ".articles.json", {"title": title, "lead": "First", "published": published})
    if settle:
        time.sleep(1)  # let the creation's own purge pass before warming what the next change is measured on
    return doc["path"], doc["id"]


def publish_edit_redate_unpublish(results, n):
    warm(SITE + ".feed.json")
    path, ident = create(f"Cache check {n}", now_local(), settle=False)
    results.setdefault("publish (feed)", []).append(fresh_after(SITE + ".feed.json", lambda s, b: ident in b))
    warm(path + ".json")
    write("POST", path + ".update.json", {"lead": f"Edited {n}"})
    results.setdefault("edit (article)", []).append(fresh_after(path + ".json", lambda s, b: f"Edited {n}" in b))
    warm(SITE + ".calendar.json")
    before = read(SITE + ".calendar.json")[2]
    moved = write("POST", path + ".update.json", {"published": "2021-06-0%dT10:00Z" % (1 + n % 9)})["path"]
    results.setdefault("re-date (calendar)", []).append(
        fresh_after(SITE + ".calendar.json", lambda s, b: b != before))
    warm(moved + ".json")
    write("POST", moved + ".update.json", {"published": ""})
    results.setdefault("unpublish (article)", []).append(fresh_after(moved + ".json", lambda s, b: s == 404))
    return moved


def delete(results, n):
    path, _ = create(f"Cache check delete {n}", now_local())
    warm(path + ".json")
    write("POST", path + ".delete.json")
    results.setdefault("delete (article)", []).append(fresh_after(path + ".json", lambda s, b: s == 404))


def approve_comment(results, article, n):
    _, _, form = read(article + ".comment-form.json")
    form = json.loads(form)
    time.sleep(form.get("minFillSeconds", 3) + 0.3)
    while True:
        status, head, answer = http("POST", ORIGIN + article + ".comments.json", {
            "author": "Cache check", "email": "check@example.org", "text": f"Comment {n} {time.time()}",
            "token": form["token"], "website": ""})
        if status != 429:
            break
        time.sleep(float(head.get("Retry-After", "2")) + 0.2)  # the comment rate limit, per client address
    assert status == 202, f"comment: {status} {answer[:300]!r}"
    comment = json.loads(answer)["id"]
    warm(article + ".comments.json")
    count = json.loads(read(article + ".comments.json")[2])["count"]
    write("POST", SITE + ".moderation.json", {"id": comment, "action": "approve"}, MODERATOR)
    results.setdefault("comment approval (comments)", []).append(
        fresh_after(article + ".comments.json", lambda s, b: json.loads(b)["count"] == count + 1))


def private_never_cached():
    path, _ = create("Cache check draft", "")
    checks = []
    for _ in range(3):
        status, cache, _ = read(path + ".json", Authorization=AUTHOR)
        checks.append((status, cache))
    anonymous = read(path + ".json")
    cookie = read(path + ".json", Cookie="sling.formauth=forged")
    print(f"draft as author through the cache, 3 times: {checks}; then anonymous: {anonymous[:2]}; "
          f"with a cookie: {cookie[:2]}")
    assert all(c == (200, "PASS") or c[1] is None or c[1] == "MISS" and c[0] == 200 for c in checks)
    assert anonymous[0] == 404
    public = SITE + ".json"
    http("PURGE", CACHE + "/", headers={"xkey-purge": "site:" + SITE.rsplit("/", 1)[1]})
    authed = [read(public, Authorization=AUTHOR)[1] for _ in range(3)]
    after = read(public)[1]
    print(f"public site document with Authorization 3 times right after a purge: {authed}; then anonymous: {after}")
    assert after == "MISS", "an authenticated read must not fill the cache"
    write("POST", path + ".delete.json")


def latency(url, count=50, **headers):
    times = []
    for _ in range(count):
        start = time.monotonic()
        http("GET", url, headers=headers)
        times.append((time.monotonic() - start) * 1000)
    return statistics.median(times)


def hit_and_miss():
    feed = SITE + ".feed.json"
    warm(feed)
    hit = latency(CACHE + feed)
    miss = []
    for _ in range(20):
        http("PURGE", CACHE + "/", headers={"xkey-purge": "feed:" + SITE.rsplit("/", 1)[1]})
        start = time.monotonic()
        _, cache, _ = read(feed)
        miss.append((time.monotonic() - start) * 1000)
        assert cache == "MISS", cache
    print(f"feed page: cache HIT median {hit:.2f} ms over 50; MISS (after a purge) median "
          f"{statistics.median(miss):.2f} ms over 20; origin direct {latency(ORIGIN + feed, 20):.2f} ms")


def main():
    configure(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
    status, _, _ = http("PURGE", CACHE + "/", headers={"xkey-purge": "nothing"})
    print(f"PURGE from loopback: {status}")
    hit_and_miss()
    private_never_cached()
    results = {}
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    for n in range(rounds):
        article, _ = create(f"Cache check comments {n}", now_local())
        approve_comment(results, article, n)
        publish_edit_redate_unpublish(results, n)
        delete(results, n)
    print(f"purge-to-fresh, ms from the write's answer to the first fresh read through the cache ({rounds} rounds):")
    for kind, values in results.items():
        delays = sorted(v[0] for v in values)
        caches = sorted({v[1] for v in values})
        print(f"  {kind:30} median {statistics.median(delays):7.1f}  max {delays[-1]:7.1f}  fresh answer was {caches}")


if __name__ == "__main__":
    main()
