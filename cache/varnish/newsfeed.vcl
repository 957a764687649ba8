# Newsfeed in front of one or more Sling/AEM publish nodes: Varnish 7.1 (Debian "varnish") + vmod xkey (Debian
# "varnish-modules"). Rules and reasons: docs/cache.md. The backends, the round-robin director "newsfeed_nodes" and
# the ACL "newsfeed_purgers" come from newsfeed-backends.vcl, which cache/varnish/backends.sh writes; varnishd
# finds it through vcl_path:
#
#   cache/varnish/backends.sh 127.0.0.1:8080 [127.0.0.1:8081 ...] > STATE/newsfeed-backends.vcl
#   varnishd -a 127.0.0.1:6081 -T 127.0.0.1:6082 -n STATE/varnishd -s malloc,256m \
#            -p vcl_path=STATE:/usr/share/varnish/vcl -f "$PWD/cache/varnish/newsfeed.vcl"
vcl 4.1;

import std;
import directors;
import xkey;

include "newsfeed-backends.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        call newsfeed_purge;
    }
    set req.backend_hint = newsfeed_nodes.backend();
    unset req.http.xkey;
    unset req.http.X-Cache;
    # Writes, CORS preflights (OPTIONS) and anything else that is not a plain read go to Sling untouched (never
    # cached, never served from cache): a preflight's answer depends on its Origin and Access-Control-Request-* headers.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Authenticated or per-user: Sling's Basic auth, its login cookie sling.formauth, AEM's login-token, any
    # session. Any cookie passes: Sling decides who the reader is, and a cached answer must never be someone's.
    if (req.http.Authorization || req.http.Cookie) {
        return (pass);
    }
    return (hash);
}

# PURGE from an allowed address with "xkey-purge: key key ..." (hard: the objects are gone, the next reader waits
# for Sling) or "xkey-softpurge: ..." (soft: the objects turn stale and may still be served within their grace).
sub newsfeed_purge {
    if (client.ip !~ newsfeed_purgers) {
        return (synth(403, "Forbidden"));
    }
    if (req.http.xkey-purge) {
        set req.http.X-Purged = xkey.purge(req.http.xkey-purge);
    } elsif (req.http.xkey-softpurge) {
        set req.http.X-Purged = xkey.softpurge(req.http.xkey-softpurge);
    } else {
        return (synth(400, "Send xkey-purge or xkey-softpurge with the surrogate keys"));
    }
    return (synth(200, "Purged " + req.http.X-Purged));
}

sub vcl_backend_response {
    # Index the answer under its surrogate keys (Newsfeed's header, or xkey if surrogate.key.header says so).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    # Per-user, no-store or cookie-setting answers are never stored; remember that for 2 minutes (hit-for-miss) so
    # readers of that address are not queued behind each other.
    if (beresp.http.Set-Cookie
            || beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)"
            || beresp.http.Surrogate-Control ~ "(?i)no-store") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # Only what says how long it may be kept is kept: no guessing a TTL for Sling's other answers.
    if (beresp.http.Cache-Control !~ "(?i)(s-maxage|max-age)=" && !beresp.http.Expires) {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # The TTL is Varnish's own reading of s-maxage (else max-age); stale-while-revalidate is the grace. An answer
    # without it (Newsfeed drops it on answers that must not outlive a known moment) gets no grace at all.
    if (beresp.http.Cache-Control !~ "(?i)stale-while-revalidate=") {
        set beresp.grace = 0s;
    }
    # Kept past TTL and grace so a miss can revalidate with If-None-Match (a 304 from Sling) instead of a full GET.
    set beresp.keep = 1h;
    if (beresp.http.Content-Type ~ "(?i)(json|xml|text/)") {
        set beresp.do_gzip = true;
    }
    return (deliver);
}

sub vcl_deliver {
    # Dependency lists are for caches, not readers: they can run to kilobytes on listings and say what is inside.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.X-Purged;
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
