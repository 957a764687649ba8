#!/usr/bin/env bash
# Writes newsfeed-backends.vcl for cache/varnish/newsfeed.vcl to standard output: one backend per Sling node
# (HOST:PORT arguments), a health probe each, the round-robin director "newsfeed_nodes" over them, and the ACL
# "newsfeed_purgers" of addresses allowed to PURGE.
#
#   cache/varnish/backends.sh 127.0.0.1:8080                   # one node
#   cache/varnish/backends.sh 127.0.0.1:8080 127.0.0.1:8081    # a two-node cluster
#
# Environment:
#   NEWSFEED_PURGE_ALLOW  addresses or networks allowed to PURGE, space-separated (default "127.0.0.1 ::1")
#   NEWSFEED_PROBE_URL    path each node must answer 200 on to get traffic (default /system/health?tags=systemalive)
#   NEWSFEED_PROBE_INTERVAL  seconds between probes (default 2)
set -euo pipefail

if (($# == 0)); then
    printf 'usage: %s HOST:PORT [HOST:PORT ...] > newsfeed-backends.vcl\n' "$0" >&2
    exit 2
fi
allow=${NEWSFEED_PURGE_ALLOW:-127.0.0.1 ::1}
probe_url=${NEWSFEED_PROBE_URL:-/system/health?tags=systemalive}
interval=${NEWSFEED_PROBE_INTERVAL:-2}

[[ $probe_url =~ ^/[^[:space:]\"]*$ ]] || { printf 'NEWSFEED_PROBE_URL must be a path: %s\n' "$probe_url" >&2; exit 2; }
[[ $interval =~ ^[0-9]+$ ]] || { printf 'NEWSFEED_PROBE_INTERVAL must be whole seconds: %s\n' "$interval" >&2; exit 2; }

cat <<VCL
# Written by cache/varnish/backends.sh $*: do not edit, run it again.
probe newsfeed_probe {
    .url = "$probe_url";
    .expected_response = 200;
    .interval = ${interval}s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

VCL
n=0
for node in "$@"; do
    if [[ ! $node =~ ^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:]+\]):([0-9]{1,5})$ ]]; then
        printf 'not HOST:PORT: %s\n' "$node" >&2
        exit 2
    fi
    n=$((n + 1))
    host=${BASH_REMATCH[1]#[}
    host=${host%]}
    cat <<VCL
backend newsfeed_node$n {
    .host = "$host";
    .port = "${BASH_REMATCH[2]}";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
    .probe = newsfeed_probe;
}

VCL
done

printf 'acl newsfeed_purgers {\n'
for entry in $allow; do
    if [[ ! $entry =~ ^[0-9A-Fa-f.:]+(/[0-9]{1,3})?$ ]]; then
        printf 'not an address or network: %s\n' "$entry" >&2
        exit 2
    fi
    if [[ $entry == */* ]]; then
        printf '    "%s"/%s;\n' "${entry%/*}" "${entry#*/}"
    else
        printf '    "%s";\n' "$entry"
    fi
done
printf '}\n\nsub vcl_init {\n    new newsfeed_nodes = directors.round_robin();\n'
for ((i = 1; i <= n; i++)); do
    printf '    newsfeed_nodes.add_backend(newsfeed_node%d);\n' "$i"
done
printf '}\n'
