#!/usr/bin/env bash
# ./newsfeed bench (issue 9): everything one benchmark run needs, then bench/bench.py.
#
# Installs wrk (Debian package) when missing, starts Newsfeed when it does not answer (./newsfeed start),
# builds (Maven profile bench) and installs the benchmark generator bundle (bench/), sets WordPress up on this
# machine with as many posts as the reference archive (../shared/peers/wordpress/setup.sh; reused when it runs
# with that many; not with NO_WP=1), then measures (bench/bench.py) and regenerates docs/benchmarks.md and docs/benchmarks/*.svg.
#
# Env: NEWSFEED_PORT (8080), NEWSFEED_HOME, SIZES ("100 10000 100000 1000000"), REF (10000: the archive
#      every endpoint is measured on, and WordPress's size), D (7 s), WARM (2 s), ROUNDS (3), C (16), T (2), RWARM
#      (10 s of load per rendered case before the rendered rounds: the JIT compiles the rendering code there),
#      MONTH (2022-01), DAY (10), WP_PEER (../shared/peers/wordpress), WP_HOME, WP_PORT (8089), NO_WP=1,
#      PROFILE (1: JFR of the slowest read endpoint), WRITE_DOCS (1), ONLY (a regular expression on endpoint
#      names: ONLY=calendar, ONLY=feed, ONLY=comment measure that part and leave the docs). Raw output:
#      bench-out/<stamp>/. ONLY=topology (or TOPOLOGY=1) measures a running ./newsfeed start --cluster instead:
#      cache hits against the origin, purge-to-fresh delays (EDITS, TAIL), two nodes against one.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export NEWSFEED_PORT=${NEWSFEED_PORT:-8080}
export NEWSFEED_HOME=${NEWSFEED_HOME:-$ROOT/.newsfeed}
export REF=${REF:-10000}
B=http://127.0.0.1:$NEWSFEED_PORT
START=$(date +%s)
say() { printf '[bench] %s\n' "$*"; }

apt_install() {
    if [[ $(id -u) == 0 ]]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; fi
}
command -v wrk >/dev/null || { say "installing wrk"; apt_install wrk; }
command -v python3 >/dev/null || apt_install python3
command -v jcmd >/dev/null || say "no jcmd on the PATH: no profile"

# ONLY=topology (or TOPOLOGY=1): the running cluster (./newsfeed start --cluster) as it is: no start, no generator,
# no WordPress; bench.py refuses when no cluster runs on NEWSFEED_PORT in NEWSFEED_HOME
if [[ ${ONLY:-} == topology || ${TOPOLOGY:-0} == 1 ]]; then
    exec python3 bench/bench.py
fi

if [[ $(curl -s -o /dev/null -w '%{http_code}' "$B/content/newsfeed/day.json") != 200 ]]; then
    ./newsfeed start
fi
[[ -f $NEWSFEED_HOME/sling.pid ]] || { say "no $NEWSFEED_HOME/sling.pid: set NEWSFEED_HOME to the running instance's home"; exit 1; }

# the benchmark generator bundle (bench/, the Maven profile bench: not part of the default build), built when missing
# or older than its sources, installed into the running instance; it answers once its servlet is registered
jar=$(ls bench/target/newsfeed-bench-*.jar 2>/dev/null | head -1 || true)
if [[ -z $jar || -n $(find bench/src bench/pom.xml -newer "$jar" 2>/dev/null | head -1) ]]; then
    say "building the benchmark generator (mvn -Pbench -pl bench -am package)"
    mvn -B -q -Pbench -pl bench -am package -DskipTests
    jar=$(ls bench/target/newsfeed-bench-*.jar | head -1)
fi
curl -fsS -o /dev/null -u admin:admin -F action=install -F bundlestart=start -F bundlestartlevel=20 \
    -F "bundlefile=@$jar" "$B/system/console/bundles"
for _ in $(seq 1 60); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:admin -X POST "$B/content/newsfeed/day.generate.json?count=0")
    [[ $code == 200 ]] && break; sleep 1
done

WP_PEER=${WP_PEER:-$ROOT/../shared/peers/wordpress}
export WP_HOME=${WP_HOME:-/tmp/newsfeed-wordpress}
if [[ ${NO_WP:-0} != 1 && -f $WP_PEER/setup.sh ]]; then
    have=$(sed -n 's/^POSTS=//p' "$WP_HOME/state/bench.env" 2>/dev/null || true)
    if [[ $have != "$REF" ]] || ! curl -fs -o /dev/null "http://127.0.0.1:${WP_PORT:-8089}/wp-json/wp/v2/posts?per_page=1"; then
        # in the background, while the archives are generated; bench.py waits for it before measuring
        mkdir -p bench-out
        say "setting WordPress up with $REF posts ($WP_PEER/setup.sh, log bench-out/wordpress-setup.log)"
        bash "$WP_PEER/setup.sh" "$REF" >bench-out/wordpress-setup.log 2>&1 &
        export WP_SETUP_PID=$!
    else
        say "reusing WordPress with $have posts"
    fi
else
    say "no WordPress peer at $WP_PEER (or NO_WP=1): Newsfeed and Sling only"
fi

python3 bench/bench.py
say "whole run: $(( ($(date +%s) - START) / 60 )) min $(( ($(date +%s) - START) % 60 )) s"
