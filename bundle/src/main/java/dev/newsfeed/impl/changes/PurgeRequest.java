package dev.newsfeed.impl.changes;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP request that tells one cache what a change made stale: the JSON webhook's {@code POST} or a Varnish xkey
 * {@code PURGE}. {@code body} is empty for requests without one; {@code keys} names the purge in logs.
 */
public record PurgeRequest(String method, URI uri, Map<String, String> headers, byte[] body, String keys) {

    public PurgeRequest {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + keys;
    }
}
