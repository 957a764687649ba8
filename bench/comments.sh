#!/usr/bin/env bash
# Comments benchmark (issue 5): accepted comment POSTs per second and the comments listing of an article with
# 1,000 approved comments, on Newsfeed and, in the same run, on WordPress on this machine
# (../shared/peers/wordpress: comment form with the flood check bypassed, REST comments list).
#
#   bench/comments.sh            env: NEWSFEED_PORT (8080), D (10), C (16), T (2), WP_HOME, WP_PORT (8089)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${NEWSFEED_PORT:-8080}; B=http://127.0.0.1:$PORT
D=${D:-10}; C=${C:-16}; T=${T:-2}
WP_HOME=${WP_HOME:-/tmp/newsfeed-wordpress}; WP=http://127.0.0.1:${WP_PORT:-8089}
OUT=$ROOT/bench-out; mkdir -p "$OUT"; REPORT=$OUT/comments-$(date -u +%Y%m%dT%H%M%SZ).md
PID=dev.newsfeed.impl.comments.CommentService
SITE=/content/newsfeed/day
ARTICLE=$SITE/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan
LUA=$(mktemp -d)
trap 'rm -rf "$LUA"' EXIT
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 1; }

./newsfeed start >/dev/null
configure() { curl -fsS -o /dev/null -u admin:admin -d apply=true -d action=ajaxConfigManager \
    -d "propertylist=$1" "${@:2}" "$B/system/console/configMgr/$PID"; }
# the benchmark sends from one address: lift the rate limits and the minimum fill time for its duration
configure client.burst,client.per.minute,article.burst,article.per.minute,min.fill.seconds \
    -d client.burst=100000000 -d client.per.minute=100000000 -d article.burst=100000000 \
    -d article.per.minute=100000000 -d min.fill.seconds=0
trap 'configure client.burst,client.per.minute,article.burst,article.per.minute,min.fill.seconds \
    -d client.burst=5 -d client.per.minute=3 -d article.burst=30 -d article.per.minute=30 -d min.fill.seconds=3; \
    rm -rf "$LUA"' EXIT
sleep 1

# an article with 1,000 approved comments
LISTED=$SITE/articles/2022/01/21/national-gallery-opens-winter-exhibition
have=$(curl -s "$B$LISTED.comments.json?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["count"])')
if (( have < 1000 )); then
    echo "adding $((1000 - have)) approved comments to $LISTED ..."
    python3 - "$B" "$SITE" "$LISTED" "$((1000 - have))" <<'PYEOF'
import base64, json, sys, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, site, article, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
token = json.load(urllib.request.urlopen(base + article + ".comment-form.json"))["token"]
run = str(int(time.time()))
def submit(i):
    data = urllib.parse.urlencode({"author": f"Reader {i}", "email": f"r{i}@example.am",
                                   "text": f"Listed comment {i} of run {run}", "token": token}).encode()
    return json.load(urllib.request.urlopen(base + article + ".comments.json", data))["id"]
with ThreadPoolExecutor(8) as pool:
    ids = list(pool.map(submit, range(count)))
auth = "Basic " + base64.b64encode(b"admin:admin").decode()
for k in range(0, len(ids), 100):
    data = urllib.parse.urlencode({"id": ",".join(ids[k:k + 100]), "action": "approve"}).encode()
    urllib.request.urlopen(urllib.request.Request(base + site + ".moderation.json", data, {"Authorization": auth}))
print(len(ids), "approved")
PYEOF
fi

token=$(curl -fsS "$B$ARTICLE.comment-form.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
cat >"$LUA/post.lua" <<LUAEOF
local threads, n = {}, 0
function setup(thread) n = n + 1; thread:set("tid", n); table.insert(threads, thread) end
function init(args) counter = 0; st = {}; run = tostring(os.time()) end
function request()
  counter = counter + 1
  local u = run .. "t" .. tid .. "n" .. counter
  local body = "author=Bench+" .. u .. "&email=bench" .. u .. "%40example.org&text=Benchmark+comment+" .. u ..
    "&token=$token"
  return wrk.format("POST", "$ARTICLE.comments.json", { ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
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
LUAEOF

# wrk URL [args] -> "req/s p50 p99 statuses"
measure() {
    local url=$1; shift
    wrk -t"$T" -c"$C" -d5s "$@" "$url" >/dev/null 2>&1 || true
    wrk -t"$T" -c"$C" -d"${D}s" --latency "$@" "$url" | python3 -c '
import re, sys
t = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", t).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", t, re.M))
st = re.search(r"^STATUS(.*)$", t, re.M)
non2 = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(rps, lat.get("50"), lat.get("99"), (st.group(1).strip().replace(" ", ",") if st else "non2xx=" + (non2.group(1) if non2 else "0")))'
}

NF_POST=$(measure "$B$ARTICLE.comments.json" -s "$LUA/post.lua")
NF_LIST10=$(measure "$B$LISTED.comments.json?limit=10")
NF_LIST20=$(measure "$B$LISTED.comments.json")
echo "newsfeed: post $NF_POST | list10 $NF_LIST10 | list20 $NF_LIST20"

if [[ -f $WP_HOME/state/bench.env ]] && curl -fs -o /dev/null "$WP/"; then
    # shellcheck disable=SC1091
    source "$WP_HOME/state/bench.env"
    mysql_q() { mariadb --defaults-file="$WP_HOME/state/conf/my.cnf" -uroot -N wordpress -e "$1"; }
    n=$(mysql_q "select count(*) from wp_comments where comment_post_ID=$BENCH_POST and comment_approved='1'")
    if (( n < 1000 )); then
        mysql_q "insert into wp_comments (comment_post_ID, comment_author, comment_author_email, comment_date,
            comment_date_gmt, comment_content, comment_approved, comment_type)
            select $BENCH_POST, concat('Listed ', seq), concat('l', seq, '@example.org'), now(), utc_timestamp(),
            concat('Listed comment number ', seq), '1', 'comment' from seq_1_to_$((1000 - n));
            update wp_posts set comment_count=1000 where ID=$BENCH_POST;"
    fi
    cat >"$LUA/wp.lua" <<LUAEOF
local threads, n = {}, 0
function setup(thread) n = n + 1; thread:set("tid", n); table.insert(threads, thread) end
function init(args) counter = 0; st = {}; run = tostring(os.time()) end
function request()
  counter = counter + 1
  local u = run .. "t" .. tid .. "n" .. counter
  local body = "comment_post_ID=$BENCH_POST&author=Bench+" .. u .. "&email=bench" .. u ..
    "%40example.org&url=&comment=Benchmark+comment+" .. u .. "&submit=Post+Comment"
  return wrk.format("POST", "/wp-comments-post.php",
    { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Bench-No-Flood"] = "1" }, body)
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
LUAEOF
    WP_POST=$(measure "$WP/wp-comments-post.php" -s "$LUA/wp.lua")
    WP_LIST10=$(measure "$WP/wp-json/wp/v2/comments?post=$BENCH_POST")
    WP_LIST20=$(measure "$WP/wp-json/wp/v2/comments?post=$BENCH_POST&per_page=20")
    mysql_q "delete from wp_comments where comment_author like 'Bench %'"
    echo "wordpress: post $WP_POST | list10 $WP_LIST10 | list20 $WP_LIST20"
fi

ratio() { python3 -c "print(f'{$1/$2:.1f}x')"; }
row() { # name newsfeed wordpress
    read -r nr n50 n99 nst <<<"$2"
    if [[ -n $3 ]]; then
        read -r wr w50 w99 wst <<<"$3"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$nr" "$n50" "$n99" "$nst" "$wr" "$w50" \
            "$w99" "$wst" "$(ratio "$nr" "$wr")"
    else
        printf '| %s | %s | %s | %s | %s | - | - | - | - | - |\n' "$1" "$nr" "$n50" "$n99" "$nst"
    fi
}
{
    echo "### Comments, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores; $(java -version 2>&1 | head -1); Sling -Xmx1g; WordPress 6.1 (Debian), php-fpm, MariaDB."
    echo "wrk -t$T -c$C -d${D}s after a 5 s warm-up. Comment POSTs: unique author, email and text per request,"
    echo "Newsfeed with rate limits and the minimum fill time lifted, WordPress with its flood check bypassed."
    echo
    echo "| case | Newsfeed req/s | p50 | p99 | answers | WordPress req/s | p50 | p99 | answers | Newsfeed / WordPress |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    row "comment POST (form)" "$NF_POST" "${WP_POST:-}"
    row "comments list, 1,000 approved, 10 per page" "$NF_LIST10" "${WP_LIST10:-}"
    row "comments list, 1,000 approved, 20 per page" "$NF_LIST20" "${WP_LIST20:-}"
} | tee "$REPORT"
echo "report: $REPORT"
