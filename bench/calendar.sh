#!/usr/bin/env bash
# Archive calendar benchmark (issue 4): archives of 100, 10,000 and 1,000,000 articles, the same month calendar on
# each with wrk, and Sling's default GET servlet on that month's index node in the same run.
#
#   bench/calendar.sh [sizes...]      default: 100 10000 1000000
#
# Env: NEWSFEED_PORT (8080), D (wrk seconds, 10), C (connections, 16), T (threads, 2), MONTH (2022-01),
#      FRESH=1 regenerates archives that exist already. Writes bench-out/calendar-<date>.md.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
PORT=${NEWSFEED_PORT:-8080}
B=http://127.0.0.1:$PORT
D=${D:-10}; C=${C:-16}; T=${T:-2}; MONTH=${MONTH:-2022-01}
SIZES=("$@"); [[ ${#SIZES[@]} -gt 0 ]] || SIZES=(100 10000 1000000)
OUT=$ROOT/bench-out; mkdir -p "$OUT"
REPORT=$OUT/calendar-$(date -u +%Y%m%dT%H%M%SZ).md
command -v wrk >/dev/null || { echo "bench needs wrk (apt-get install wrk)"; exit 1; }

./newsfeed start >/dev/null
# shellcheck source=generator.sh
source "$ROOT/bench/generator.sh"
install_generator "$B"

seconds() { python3 -c "print(f'{$1/1000:.1f}')"; }
# wrk URL -> "req/s p50 p99"
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

declare -A GEN IDX CAL DEF
for n in "${SIZES[@]}"; do
    site=/content/newsfeed/bench-$n
    exists=$(curl -s -o /dev/null -w '%{http_code}' "$B$site.json")
    if [[ $exists != 200 || ${FRESH:-0} == 1 ]]; then
        curl -fsS -o /dev/null -u admin:admin -F :operation=delete "$B$site" 2>/dev/null || true
        curl -fsS -o /dev/null -u admin:admin -F jcr:primaryType=nt:unstructured \
            -F sling:resourceType=newsfeed/site -F "jcr:title=Benchmark $n" -F timeZone=Asia/Yerevan \
            -F locale=en -F firstDayOfWeek=MONDAY "$B$site"
        echo "generating $n articles in $site ..."
        GEN[$n]=$(curl -fsS --retry 10 --retry-delay 2 --retry-all-errors --max-time 7200 -u admin:admin -X POST \
            "$B$site.generate.json?count=$n&from=2000-01-01&to=2025-12-31&seed=$n" \
            | python3 -c 'import json,sys; print(json.load(sys.stdin)["millis"])')
        # one article on the benchmark month in every archive, so its index node exists for the default GET
        curl -fsS -o /dev/null -u admin:admin -H 'Content-Type: application/json' \
            -d "{\"title\":\"Benchmark anchor\",\"published\":\"$MONTH-10T14:40\"}" "$B$site.articles.json"
    else
        GEN[$n]=reused
    fi
    if [[ ${GEN[$n]} != reused || ${REINDEX:-0} == 1 ]]; then
        IDX[$n]=$(curl -fsS --retry 10 --retry-delay 2 --retry-all-errors --max-time 7200 -u admin:admin -X POST \
            "$B$site.reindex.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["millis"])')
    else
        IDX[$n]=reused
    fi
    echo "bench-$n: generated in ${GEN[$n]} ms, index rebuilt in ${IDX[$n]} ms"
done
# ROUNDS rounds, each in another order of the sizes, so warm-up and background work do not favour one size;
# the median round per size is reported
ROUNDS=${ROUNDS:-3}
declare -A CALR DEFR
for ((r = 0; r < ROUNDS; r++)); do
    for ((k = 0; k < ${#SIZES[@]}; k++)); do
        n=${SIZES[$(( (k + r) % ${#SIZES[@]} ))]}
        site=/content/newsfeed/bench-$n
        CALR[$n]+="$(measure "$B$site.calendar.$MONTH.json");"
        DEFR[$n]+="$(measure "$B/var/newsfeed/index$site/${MONTH/-//}.json");"
        echo "round $r bench-$n done"
    done
done
median() { python3 -c '
import sys
rows = [r.split() for r in sys.argv[1].split(";") if r.strip()]
rows.sort(key=lambda r: float(r[0]))
print(" ".join(rows[len(rows) // 2]))' "$1"; }
for n in "${SIZES[@]}"; do
    CAL[$n]=$(median "${CALR[$n]}")
    DEF[$n]=$(median "${DEFR[$n]}")
    echo "bench-$n: calendar ${CAL[$n]} | default GET ${DEF[$n]}"
done

{
    echo "### Calendar, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); Sling heap -Xmx1g;"
    echo "wrk -t$T -c$C -d${D}s after a 5 s warm-up, median of $ROUNDS rounds in rotating order; month $MONTH;"
    echo "site zone Asia/Yerevan; articles spread uniformly over 2000-2025 (1M: ~105 a day)."
    echo
    echo "| archive | generated in | index rebuilt in | calendar req/s | p50 | p99 | default GET req/s (month index node) | p50 | p99 | calendar / default GET |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    for n in "${SIZES[@]}"; do
        read -r crps cp50 cp99 cbad <<<"${CAL[$n]}"
        read -r drps dp50 dp99 dbad <<<"${DEF[$n]}"
        gen=${GEN[$n]}; [[ $gen == reused ]] || gen="$(seconds "$gen") s"
        idx=${IDX[$n]}; [[ $idx == reused ]] || idx="$(seconds "$idx") s"
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" "$gen" "$idx" \
            "$crps" "$cp50" "$cp99" "$drps" "$dp50" "$dp99" "$(python3 -c "print(f'{$crps/$drps:.2f}')")"
        [[ $cbad == 0 && $dbad == 0 ]] || echo "(non-2xx answers: calendar $cbad, default $dbad)"
    done
    first=${SIZES[0]}; last=${SIZES[${#SIZES[@]}-1]}
    read -r f _ <<<"${CAL[$first]}"; read -r l _ <<<"${CAL[$last]}"
    echo
    echo "Calendar throughput $last / $first: $(python3 -c "print(f'{$l/$f:.2f}')") (goal >= 0.8: flat)."
} | tee "$REPORT"
echo "report: $REPORT"
