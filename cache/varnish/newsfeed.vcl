# PLACEHOLDER, TO BE REPLACED by the cache tier's VCL (issue 15, item 2): this file only spreads requests over
# the two nodes of ./newsfeed start --cluster and leaves caching to Varnish's built-in VCL (no xkey, no PURGE).
# ./newsfeed renders it into .newsfeed/cluster/varnish/newsfeed.vcl, replacing {{NODE1_PORT}} and {{NODE2_PORT}}.
vcl 4.1;

import directors;

probe newsfeed_ready {
    .url = "/content/newsfeed/day.json";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
}

backend node1 {
    .host = "127.0.0.1";
    .port = "{{NODE1_PORT}}";
    .probe = newsfeed_ready;
}

backend node2 {
    .host = "127.0.0.1";
    .port = "{{NODE2_PORT}}";
    .probe = newsfeed_ready;
}

sub vcl_init {
    new nodes = directors.round_robin();
    nodes.add_backend(node1);
    nodes.add_backend(node2);
}

sub vcl_recv {
    set req.backend_hint = nodes.backend();
}
