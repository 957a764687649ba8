#!/usr/bin/env bash
# Feed benchmark (issue 6): {site}.feed.json page 1 and page 5,000 (20 per page) on a 100,000-article archive,
# Sling's default GET servlet on a copy of one article node, and, in the same run, WordPress on this machine
# (../shared/peers/wordpress): /wp-json/wp/v2/posts?per_page=20 page 1 and a deep page.
#
#   bench/feed.sh        env: NEWSFEED_PORT (8080), N (100000), D (10), C (16), T (2), ROUNDS (3),
#                        WP_HOME (/tmp/newsfeed-wordpress), WP_PORT (8089). Writes bench-out/feed-<date>.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${NEWSFEED_PORT:-8080}; B=http://127.0.0.1:$PORT
N=${N:-100000}; D=${D:-10}; C=${C:-16}; T=${T:-2}; ROUNDS=${ROUNDS:-3}
WP_HOME=${WP_HOME:-/tmp/newsfeed-wordpress}; WP=http://127.0.0.1:${WP_PORT:-8089}
OUT=$ROOT/bench-out; mkdir -p "$OUT"; REPORT=$OUT/feed-$(date -u +%Y%m%dT%H%M%SZ).md
SITE=/content/newsfeed/bench-$N
ARTICLE=/content/newsfeed/day/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan
COPY=/content/newsfeed-bench-default/article
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 1; }

./newsfeed start >/dev/null
# shellcheck source=generator.sh
source "$ROOT/bench/generator.sh"
install_generator "$B"

if [[ $(curl -s -o /dev/null -w '%{http_code}' "$B$SITE.json") != 200 ]]; then
    curl -fsS -o /dev/null -u admin:admin -F jcr:primaryType=nt:unstructured -F sling:resourceType=newsfeed/site \
        -F "jcr:title=Benchmark $N" -F timeZone=Asia/Yerevan -F locale=en -F firstDayOfWeek=MONDAY "$B$SITE"
    echo "generating $N articles in $SITE ..."
    curl -fsS --retry 10 --retry-delay 2 --retry-all-errors --max-time 7200 -u admin:admin -X POST \
        "$B$SITE.generate.json?count=$N&from=2000-01-01&to=2025-12-31&seed=$N" >/dev/null
    # the maintenance rebuilds the index after a bulk change itself; a reindex meanwhile answers 503: retried
    curl -fsS --retry 30 --retry-delay 5 --retry-all-errors --max-time 7200 -u admin:admin -X POST \
        "$B$SITE.reindex.json" >/dev/null
fi

# the default GET servlet on the same article node: a copy without our resource type (ours answers the original)
curl -s -o /dev/null -u admin:admin -F :operation=delete "$B/content/newsfeed-bench-default" || true
curl -fsS -o /dev/null -u admin:admin -F jcr:primaryType=sling:Folder "$B/content/newsfeed-bench-default"
curl -fsS -o /dev/null -u admin:admin -F :operation=copy -F ":dest=$COPY" "$B$ARTICLE"
curl -fsS -o /dev/null -u admin:admin -F sling:resourceType@Delete= "$B$COPY"

# page 5,000 of 20: follow "next" (100 at a time to get there sooner; the cursor does not depend on the limit)
PAGE5000=$(python3 - "$B" "$SITE" <<'PYEOF'
import json, sys, urllib.parse, urllib.request
base, site = sys.argv[1], sys.argv[2]
url, seen = base + site + ".feed.json?limit=100", 0
while seen < 4999 * 20:
    step = 100 if 4999 * 20 - seen >= 100 else 20
    page = json.load(urllib.request.urlopen(url))
    seen += len(page["items"])
    nxt = page.get("next")
    if not nxt:
        sys.exit(f"the feed ended after {seen} articles")
    q = urllib.parse.parse_qs(urllib.parse.urlparse(nxt).query)
    nstep = 100 if 4999 * 20 - seen >= 100 else 20
    url = base + site + ".feed.json?limit=%d&cursor=%s" % (nstep, urllib.parse.quote(q["cursor"][0]))
print(url.replace(base, ""))
PYEOF
)
echo "page 5,000: $PAGE5000"
items=$(curl -fsS "$B$PAGE5000" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')
[[ $items == 20 ]] || { echo "page 5,000 has $items items, not 20"; exit 1; }

# wrk URL -> "req/s p50 p99 non2xx"
measure() {
    wrk -t"$T" -c"$C" -d5s "$1" >/dev/null 2>&1 || true   # warm-up
    wrk -t"$T" -c"$C" -d"${D}s" --latency "$1" | python3 -c '
import re, sys
text = sys.stdin.read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(rps, lat.get("50", "?"), lat.get("99", "?"), non2xx.group(1) if non2xx else 0)'
}
median() { python3 -c '
import sys
rows = [r.split() for r in sys.argv[1].split(";") if r.strip()]
rows.sort(key=lambda r: float(r[0]))
print(" ".join(rows[len(rows) // 2]))' "$1"; }

declare -A URLS=(
    [page1]="$B$SITE.feed.json"
    [page5000]="$B$PAGE5000"
    [default]="$B$COPY.json"
    [article]="$B$ARTICLE.json"
)
WP_UP=0
if [[ -f $WP_HOME/state/bench.env ]] && curl -fs -o /dev/null "$WP/wp-json/wp/v2/posts?per_page=1"; then
    WP_UP=1
    POSTS=$(sed -n 's/^POSTS=//p' "$WP_HOME/state/bench.env")   # (sourcing it would overwrite N)
    WP_DEEP=$(( POSTS / 20 ))   # the last full page of 20
    URLS[wp1]="$WP/wp-json/wp/v2/posts?per_page=20"
    URLS[wpdeep]="$WP/wp-json/wp/v2/posts?per_page=20&page=$WP_DEEP"
fi
CASES=(page1 page5000 default article)
(( WP_UP )) && CASES+=(wp1 wpdeep)
declare -A R
for ((r = 0; r < ROUNDS; r++)); do   # rotating order: warm-up and background work favour no case
    for ((k = 0; k < ${#CASES[@]}; k++)); do
        c=${CASES[$(( (k + r) % ${#CASES[@]} ))]}
        R[$c]+="$(measure "${URLS[$c]}");"
    done
    echo "round $r done"
done
declare -A M
for c in "${CASES[@]}"; do M[$c]=$(median "${R[$c]}"); echo "$c: ${M[$c]}"; done
rps() { read -r x _ <<<"${M[$1]}"; echo "$x"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
row() { read -r r p50 p99 bad <<<"${M[$2]}"; echo "| $1 | $r | $p50 | $p99 | $bad |"; }
{
    echo "### Feed, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); Sling heap -Xmx1g;"
    echo "WordPress 6.1 (Debian), php-fpm, MariaDB, ${POSTS:-?} posts. wrk -t$T -c$C -d${D}s after a 5 s warm-up,"
    echo "median of $ROUNDS rounds in rotating order. Archive: $N generated articles (2000-2025). Feed pages of 20."
    echo
    echo "| case | req/s | p50 | p99 | non-2xx |"
    echo "|---|---|---|---|---|"
    row "Newsfeed feed page 1 (\`bench-$N.feed.json\`)" page1
    row "Newsfeed feed page 5,000 (cursor after 99,980 articles)" page5000
    row "Newsfeed article JSON (sample article)" article
    row "Sling default GET servlet, copy of the same article node (\`.json\`)" default
    if (( WP_UP )); then
        row "WordPress \`/wp-json/wp/v2/posts?per_page=20\` page 1" wp1
        row "WordPress posts page $WP_DEEP (last full page)" wpdeep
    fi
    echo
    echo "| ratio | value |"
    echo "|---|---|"
    echo "| page 5,000 / page 1 (goal: within 10%, i.e. ≥ 0.90) | $(ratio "$(rps page5000)" "$(rps page1)") |"
    echo "| feed page 1 / default GET on an article node | $(ratio "$(rps page1)" "$(rps default)") |"
    echo "| feed page 1 / Newsfeed article JSON | $(ratio "$(rps page1)" "$(rps article)") |"
    if (( WP_UP )); then
        echo "| feed page 1 / WordPress posts page 1 | $(ratio "$(rps page1)" "$(rps wp1)") |"
        echo "| feed page 5,000 / WordPress posts page $WP_DEEP | $(ratio "$(rps page5000)" "$(rps wpdeep)") |"
    fi
} | tee "$REPORT"
echo "report: $REPORT"
