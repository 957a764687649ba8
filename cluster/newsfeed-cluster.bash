# shellcheck shell=bash
# ./newsfeed start --cluster: PostgreSQL 15, two Sling nodes on one Oak DocumentNodeStore in it, Varnish in front.
# Sourced by ../newsfeed, whose helpers (say, die, check_tools, build_if_needed, sling_ready, install_package,
# await_newsfeed, newsfeed_installed, sample_user, http_code, port_in_use, bundle_status) it uses.
# docs/operations.md describes the topology, ports and folders.
#
#   NEWSFEED_PORT     Varnish (the URL readers use)        NEWSFEED_PORT + 1, + 2   Sling node 1, node 2
#   NEWSFEED_PORT + 3 Varnish admin (-T)                   NEWSFEED_PORT + 4        PostgreSQL
# Everything listens on 127.0.0.1; all state is under $NEWSFEED_HOME/cluster.

CLUSTER_DIR=$NF_HOME/cluster
CLUSTER_FEATURE=$SLING_DIR/feature-newsfeed-sling-cluster.json
CLUSTER_PORT_FILE=$CLUSTER_DIR/port
CLUSTER_PACKAGE_SUM_FILE=$CLUSTER_DIR/installed-package.sha256
CLUSTER_SLING_TIMEOUT=${NEWSFEED_CLUSTER_TIMEOUT:-420}
PG_BIN=${NEWSFEED_PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR=$CLUSTER_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$PG_DIR/postgres.log
# Oak's database, user and password (loopback only, a local instance)
OAK_DB=oak
# The nodes' run mode: the cluster's configurations in /apps/newsfeed-cluster/config.<run mode> outrank the package's
CLUSTER_RUN_MODE=newsfeedcluster
CLUSTER_CONFIG_FOLDER=/apps/newsfeed-cluster/config.$CLUSTER_RUN_MODE
VARNISH_DIR=$CLUSTER_DIR/varnish
VARNISH_PID_FILE=$VARNISH_DIR/varnishd.pid
VARNISH_VCL=$ROOT/cache/varnish/newsfeed.vcl

cluster_port() { if [[ -f $CLUSTER_PORT_FILE ]]; then cat "$CLUSTER_PORT_FILE"; else printf '%s' "$PORT"; fi; }
node_port() { printf '%s' $(($(cluster_port) + $1)); } # NODE
varnish_admin_port() { printf '%s' $(($(cluster_port) + 3)); }
pg_port() { printf '%s' $(($(cluster_port) + 4)); }
node_dir() { printf '%s' "$CLUSTER_DIR/node$1"; } # NODE

# PostgreSQL 15 and Varnish with xkey are Debian packages: installed when missing, as root or through sudo.
cluster_tools() {
    local missing=() as_root=()
    [[ -x $PG_BIN/postgres ]] || missing+=(postgresql-15)
    command -v varnishd >/dev/null || missing+=(varnish)
    compgen -G "/usr/lib/*/varnish/vmods/libvmod_xkey.so" >/dev/null || missing+=(varnish-modules)
    ((${#missing[@]})) || return 0
    if ((EUID != 0)); then
        sudo -n true 2>/dev/null || die "the cluster needs ${missing[*]}: apt-get install ${missing[*]} (as root), then start again"
        as_root=(sudo -n)
    fi
    mkdir -p "$NF_HOME"
    say "Installing ${missing[*]} (Debian packages) ..."
    "${as_root[@]}" apt-get update -qq >/dev/null
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        >"$NF_HOME/apt-get.log" 2>&1 || die "apt-get install ${missing[*]} failed; see $NF_HOME/apt-get.log"
}

# --- PostgreSQL ------------------------------------------------------------------------------------------------

# PostgreSQL refuses to run as root: as root, its commands run as the Debian user postgres, who owns $PG_DIR.
pg() { # COMMAND [ARGS...]
    local cmd=$PG_BIN/$1
    shift
    if ((EUID == 0)); then
        runuser -u postgres -- "$cmd" "$@"
    else
        "$cmd" "$@"
    fi
}

# As root, PostgreSQL runs as postgres, who must be able to pass through every folder above $PG_DIR (a mktemp
# folder is 0700): those that deny it get the search bit for others (o+x: pass through, not list).
pg_reachable() {
    local dir=$PG_DIR
    while [[ $dir != / ]]; do
        dir=$(dirname "$dir")
        if ! runuser -u postgres -- test -x "$dir"; then
            say "PostgreSQL runs as the user postgres, who cannot pass through $dir: chmod o+x $dir"
            chmod o+x "$dir" || die "chmod o+x $dir failed: put NEWSFEED_HOME where the user postgres can reach it"
        fi
    done
}

pg_running() { [[ -f $PG_DATA/postmaster.pid ]] && pg pg_ctl -D "$PG_DATA" status >/dev/null 2>&1; }

pg_start() {
    [[ -x $PG_BIN/postgres ]] || die "the cluster needs PostgreSQL 15 in $PG_BIN (apt-get install postgresql-15, or set NEWSFEED_PG_BIN)"
    if pg_running; then
        say "PostgreSQL is already running (port $(pg_port))."
        return 0
    fi
    mkdir -p "$PG_DIR"
    if ((EUID == 0)); then
        getent passwd postgres >/dev/null || die "as root, PostgreSQL needs the user postgres (apt-get install postgresql-15)"
        chown postgres "$PG_DIR"
        pg_reachable
    fi
    if [[ ! -f $PG_DATA/PG_VERSION ]]; then
        say "Creating the PostgreSQL cluster in $PG_DATA ..."
        pg initdb -D "$PG_DATA" -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
            >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed; see $PG_DIR/initdb.log"
    fi
    say "Starting PostgreSQL on 127.0.0.1:$(pg_port) ..."
    pg pg_ctl -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
        -o "-p $(pg_port) -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c max_connections=100" \
        start >/dev/null || die "PostgreSQL did not start; see $PG_LOG"
    pg_psql -tAc "SELECT 1 FROM pg_roles WHERE rolname='$OAK_DB'" | grep -q 1 \
        || pg_psql -qc "CREATE ROLE $OAK_DB LOGIN PASSWORD '$OAK_DB'" || die "creating the database user $OAK_DB failed"
    pg_psql -tAc "SELECT 1 FROM pg_database WHERE datname='$OAK_DB'" | grep -q 1 \
        || pg_psql -qc "CREATE DATABASE $OAK_DB OWNER $OAK_DB" || die "creating the database $OAK_DB failed"
}

pg_psql() { pg psql -h "$PG_DIR" -p "$(pg_port)" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

pg_stop() {
    pg_running || return 0
    say "Stopping PostgreSQL ..."
    pg pg_ctl -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null || say "PostgreSQL did not stop; see $PG_LOG"
}

# --- Sling nodes -----------------------------------------------------------------------------------------------

node_pid() { # NODE
    local pid cmdline dir
    dir=$(node_dir "$1")
    [[ -f $dir/sling.pid ]] || return 1
    pid=$(<"$dir/sling.pid")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
    [[ $cmdline == *" org.apache.sling.feature.launcher.impl.Main "* && $cmdline == *" -p $dir/sling "* ]] || return 1
    printf '%s' "$pid"
}

# Oak 1.42 takes a node's cluster id only as a system property. Node N gets cluster id N.
node_launch() { # NODE
    local dir port
    dir=$(node_dir "$1")
    port=$(node_port "$1")
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # NEWSFEED_JAVA_OPTS holds several options
    (cd "$dir" && exec nohup java -Xmx1g --add-opens java.base/java.lang=ALL-UNNAMED \
        "-Doak.documentMK.clusterId=$1" $EXTRA_JAVA_OPTS \
        -cp "$LAUNCHER_LIB/*" \
        org.apache.sling.feature.launcher.impl.Main \
        -f "$CLUSTER_FEATURE" -p "$dir/sling" -c "$dir/cache" \
        -D "org.osgi.service.http.port=$port" -D org.apache.felix.http.host=127.0.0.1 \
        -D "sling.run.modes=$CLUSTER_RUN_MODE" -V "sling.home=$dir/sling" \
        -V "oak.db.url=jdbc:postgresql://127.0.0.1:$(pg_port)/$OAK_DB" -V "oak.db.user=$OAK_DB" \
        -V "oak.db.password=$OAK_DB") >"$dir/launcher.log" 2>&1 </dev/null &
    printf '%s\n' "$!" >"$dir/sling.pid"
}

node_start() { # NODE
    local pid
    if pid=$(node_pid "$1"); then
        say "Node $1 is already running (PID $pid)."
        return 0
    fi
    port_in_use "$(node_port "$1")" && die "port $(node_port "$1") (node $1) is in use by another program; set NEWSFEED_PORT"
    say "Starting Sling node $1 on http://127.0.0.1:$(node_port "$1") (cluster id $1, home $(node_dir "$1")/sling) ..."
    node_launch "$1"
}

# Waits until node N has all bundles active (WHAT=sling) or Newsfeed installed (WHAT=newsfeed); prints the seconds.
node_await() { # NODE WHAT
    local base pid dir relaunched=no start=$SECONDS deadline=$((SECONDS + CLUSTER_SLING_TIMEOUT))
    base=http://127.0.0.1:$(node_port "$1")
    dir=$(node_dir "$1")
    until if [[ $2 == sling ]]; then sling_ready "$base"; else newsfeed_installed "$base"; fi; do
        if ! pid=$(node_pid "$1"); then
            # After a crash, Oak's first start of that cluster id may abort on its own stale lease; the second works.
            if [[ $relaunched == no ]] && grep -qs "lease end information missing" "$dir/launcher.log" "$dir/sling/logs/error.log"; then
                say "Node $1 aborted on its stale lease (\"lease end information missing\", after a crash): starting it again."
                relaunched=yes
                node_launch "$1"
                continue
            fi
            tail -n 15 "$dir/launcher.log" >&2 || true
            die "Sling node $1 exited while starting (log $dir/sling/logs/error.log)"
        fi
        ((SECONDS <= deadline)) || die "node $1 was not ready ($2) after ${CLUSTER_SLING_TIMEOUT} s (bundles: $(bundle_status "$base")); it still runs: ./newsfeed stop"
        sleep 1
    done
    say "Node $1: $2 ready after $((SECONDS - start)) s ($(($(date +%s) - $(stat -c %Y "$dir/sling.pid"))) s since its launch)."
}

node_stop() { # NODE
    local pid waited=0
    pid=$(node_pid "$1") || return 0
    say "Stopping Sling node $1 (PID $pid) ..."
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
        if ((waited == STOP_TIMEOUT)); then
            say "Node $1 did not stop within ${STOP_TIMEOUT} s; killing it."
            kill -KILL "$pid" 2>/dev/null || true
        fi
        sleep 1
        waited=$((waited + 1))
    done
    rm -f "$(node_dir "$1")/sling.pid"
}

# Every node must write the same links, whichever node answers: public.base.url is the URL readers use (the cache,
# or node 1 without it). Otherwise each node links to its own port (api.md, "URLs in documents") and the cache
# would keep whichever node's answer came first. Stored once in the shared repository, for the JCR installers.
cluster_settings() { # BASE_URL PUBLIC_URL
    local folder code file=$CLUSTER_DIR/dev.newsfeed.impl.http.NewsfeedSettings.cfg.json
    printf '{\n    "public.base.url": "%s",\n    "cache.max.age:Long": 60\n}\n' "$2" >"$file"
    for folder in "${CLUSTER_CONFIG_FOLDER%/*}" "$CLUSTER_CONFIG_FOLDER"; do
        code=$(post_while_starting "$1$folder" -u "$ADMIN" -F jcr:primaryType=sling:Folder)
        [[ $code == 200 || $code == 201 ]] || die "creating $folder answered $code"
    done
    code=$(post_while_starting "$1$CLUSTER_CONFIG_FOLDER" -u "$ADMIN" -F "*=@$file;type=application/json")
    [[ $code == 200 || $code == 201 ]] || die "storing the cluster's NewsfeedSettings in $CLUSTER_CONFIG_FOLDER answered $code"
    [[ $2 == "$1" ]] && return 0
    # With the cache in front, every node purges it by xkey (docs/cache.md): the writer at once, and every other node
    # again when the change reaches it (ClusterPurges), since a fetch right after the first purge may reach a node that
    # does not see the change yet (0.1-3 s here) and put the old answer back.
    file=$CLUSTER_DIR/dev.newsfeed.impl.changes.PurgeNotifier.cfg.json
    printf '{\n    "purge.xkey.urls": ["%s/"]\n}\n' "$2" >"$file"
    code=$(post_while_starting "$1$CLUSTER_CONFIG_FOLDER" -u "$ADMIN" -F "*=@$file;type=application/json")
    [[ $code == 200 || $code == 201 ]] || die "storing the cluster's PurgeNotifier in $CLUSTER_CONFIG_FOLDER answered $code"
    # Every request reaches the nodes from Varnish on 127.0.0.1: believe its X-Forwarded-For, so that comment rate
    # limits count readers, not the cache.
    file=$CLUSTER_DIR/dev.newsfeed.impl.comments.CommentService.cfg.json
    printf '{\n    "trusted.proxies": ["127.0.0.1"]\n}\n' >"$file"
    code=$(post_while_starting "$1$CLUSTER_CONFIG_FOLDER" -u "$ADMIN" -F "*=@$file;type=application/json")
    [[ $code == 200 || $code == 201 ]] || die "storing the cluster's CommentService in $CLUSTER_CONFIG_FOLDER answered $code"
}

# --- Varnish ---------------------------------------------------------------------------------------------------

varnish_pid() {
    local pid
    [[ -f $VARNISH_PID_FILE ]] || return 1
    pid=$(<"$VARNISH_PID_FILE")
    [[ $pid =~ ^[0-9]+$ ]] && [[ $(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") == *varnishd*" -n $VARNISH_DIR/work "* ]] \
        || return 1
    printf '%s' "$pid"
}

# The shipped VCL (cache/varnish/newsfeed.vcl) includes newsfeed-backends.vcl, written here by
# cache/varnish/backends.sh for both nodes; varnishd finds it through vcl_path.
varnish_backends() {
    mkdir -p "$VARNISH_DIR"
    "$ROOT/cache/varnish/backends.sh" "127.0.0.1:$(node_port 1)" "127.0.0.1:$(node_port 2)" \
        >"$VARNISH_DIR/newsfeed-backends.vcl"
}

# Varnish on the cluster's port in front of both nodes. Returns 1 (and says how to install it) without varnishd.
varnish_start() {
    if ! command -v varnishd >/dev/null; then
        say "varnishd is not installed: serving without the cache (install it: apt-get install varnish varnish-modules)."
        return 1
    fi
    varnish_pid >/dev/null && return 0
    port_in_use "$(cluster_port)" && die "port $(cluster_port) (Varnish) is in use by another program; set NEWSFEED_PORT"
    varnish_backends
    say "Starting Varnish on http://127.0.0.1:$(cluster_port) ..."
    varnishd -a "127.0.0.1:$(cluster_port)" -T "127.0.0.1:$(varnish_admin_port)" -n "$VARNISH_DIR/work" \
        -p vcl_path="$VARNISH_DIR:/usr/share/varnish/vcl:/etc/varnish" -f "$VARNISH_VCL" -s malloc,256m \
        -P "$VARNISH_PID_FILE" >"$VARNISH_DIR/varnishd.log" 2>&1 \
        || { cat "$VARNISH_DIR/varnishd.log" >&2; die "Varnish did not start"; }
}

varnish_stop() {
    local pid waited=0
    pid=$(varnish_pid) || return 0
    say "Stopping Varnish (PID $pid) ..."
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && ((waited < 20)); do
        sleep 0.5
        waited=$((waited + 1))
    done
    rm -f "$VARNISH_PID_FILE"
}

# --- start, stop, status ---------------------------------------------------------------------------------------

cluster_running() { [[ -f $CLUSTER_PORT_FILE ]]; }

cluster_start() {
    local node1 sum start public cache=yes
    check_tools
    running_pid >/dev/null && die "the single-node instance runs in $NF_HOME; ./newsfeed stop first"
    if cluster_running && [[ $(cluster_port) != "$PORT" ]]; then
        die "the cluster already runs on port $(cluster_port); ./newsfeed stop first to use port $PORT"
    fi
    cluster_tools
    build_if_needed "$CLUSTER_FEATURE"
    mkdir -p "$CLUSTER_DIR"
    printf '%s\n' "$PORT" >"$CLUSTER_PORT_FILE"
    pg_start
    node1=http://127.0.0.1:$(node_port 1)
    # One node first: it creates the repository; a second node joining an empty DocumentNodeStore would race it.
    node_start 1
    node_await 1 sling
    node_start 2
    if command -v varnishd >/dev/null; then public=http://127.0.0.1:$(cluster_port); else public=$node1; fi
    cluster_settings "$node1" "$public"
    sum=$(sha256sum "$PACKAGE" | cut -d ' ' -f 1)
    if [[ ! -f $CLUSTER_PACKAGE_SUM_FILE || $(<"$CLUSTER_PACKAGE_SUM_FILE") != "$sum" ]]; then
        # Once, through node 1: node 2's JCR installer finds the package in the shared repository. Both installers
        # run at once on a fresh repository (retried conflicts): allow the cluster's timeout.
        start=$SECONDS
        install_package "$node1"
        NEWSFEED_TIMEOUT=$CLUSTER_SLING_TIMEOUT await_newsfeed "$node1"
        say "Newsfeed installed through node 1 in $((SECONDS - start)) s."
        printf '%s\n' "$sum" >"$CLUSTER_PACKAGE_SUM_FILE"
    fi
    node_await 1 newsfeed
    sample_user "$node1" author newsfeed-authors
    sample_user "$node1" moderator newsfeed-moderators
    node_await 2 sling
    node_await 2 newsfeed
    varnish_start || cache=no
    cluster_print_urls "$cache"
}

cluster_print_urls() { # CACHE(yes|no)
    local base=http://127.0.0.1:$(cluster_port) node1=http://127.0.0.1:$(node_port 1)
    say ""
    if [[ $1 == yes ]]; then
        say "Newsfeed runs as a cluster behind Varnish on $base (Sling Starter 12 nodes on Oak/PostgreSQL; admin:admin)"
        say "  site JSON      $base/content/newsfeed/day.json"
        say "  feed           $base/content/newsfeed/day.feed.json"
    else
        say "Newsfeed runs as a cluster without a cache (Sling Starter 12 nodes on Oak/PostgreSQL; admin:admin)"
    fi
    say "  node 1         $node1/content/newsfeed/day.json   (write here: console $node1/content/newsfeed/day.console.html)"
    say "  node 2         http://127.0.0.1:$(node_port 2)/content/newsfeed/day.json"
    say "  PostgreSQL     127.0.0.1:$(pg_port), database/user/password $OAK_DB (data $PG_DATA)"
    say "  users          author:author, moderator:moderator; web consoles $node1/system/console (admin:admin)"
    say "  state, logs    $CLUSTER_DIR (node*/sling/logs/error.log, postgres/postgres.log)"
    say "Stop it with ./newsfeed stop"
}

cluster_stop() {
    cluster_running || [[ -d $CLUSTER_DIR ]] || return 0
    varnish_stop
    node_stop 2
    node_stop 1
    pg_stop
    rm -f "$CLUSTER_PORT_FILE"
    say "Cluster stopped."
}

cluster_status() {
    local pid node base
    cluster_running || return 0
    say "Cluster (home $CLUSTER_DIR):"
    if pid=$(varnish_pid); then
        say "  Varnish:    running, PID $pid, http://127.0.0.1:$(cluster_port) (HTTP $(http_code "http://127.0.0.1:$(cluster_port)$READY_PATH"))"
    else
        say "  Varnish:    not running"
    fi
    for node in 1 2; do
        base=http://127.0.0.1:$(node_port "$node")
        if pid=$(node_pid "$node"); then
            say "  node $node:     running, PID $pid, $base, $(bundle_status "$base"), $READY_PATH HTTP $(http_code "$base$READY_PATH")"
        else
            say "  node $node:     not running"
        fi
    done
    if pg_running; then
        say "  PostgreSQL: running, 127.0.0.1:$(pg_port), data $PG_DATA"
    else
        say "  PostgreSQL: not running"
    fi
}
