package dev.newsfeed.impl.changes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.http.Json;

/**
 * Builds the requests one change sends: the JSON webhook ({@code POST {"keys": [...], ...}} to one URL) and the
 * Varnish xkey mode (a {@code PURGE} with a header listing the keys, space-separated, to every cache). A long key list
 * is split over several xkey requests so no header passes {@value #MAX_HEADER_CHARS} characters (Varnish refuses a
 * request header over {@code http_req_hdr_len}, 8 KiB by default).
 */
public final class PurgeRequests {

    public static final int MAX_HEADER_CHARS = 4000;

    private PurgeRequests() {}

    /** The webhook's request, or none when {@code url} is blank. */
    public static List<PurgeRequest> webhook(String url, String authorization, Change change) {
        if (url == null || url.isBlank()) {
            return List.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null && !authorization.isBlank()) {
            headers.put("Authorization", authorization);
        }
        Map<String, Object> body = Map.of(
                "keys",
                List.copyOf(change.keys()),
                "site",
                change.site(),
                "id",
                change.articleId(),
                "type",
                change.type().key());
        return List.of(new PurgeRequest(
                "POST", httpUri(url.trim()), headers, json(body), change.keys().toString()));
    }

    /**
     * One or more {@code method} requests with {@code header: key key ...} per non-blank URL.
     *
     * @throws IllegalArgumentException for a URL that is not an absolute http(s) URL, or an invalid method or header
     */
    public static List<PurgeRequest> xkey(String[] urls, String method, String header, Collection<String> keys) {
        List<PurgeRequest> requests = new ArrayList<>();
        if (urls == null || keys.isEmpty()) {
            return requests;
        }
        String verb = token(method, "method");
        String name = token(header, "header");
        List<String> values = headerValues(keys);
        for (String url : urls) {
            if (url == null || url.isBlank()) {
                continue;
            }
            URI uri = httpUri(url.trim());
            for (String value : values) {
                requests.add(new PurgeRequest(verb, uri, Map.of(name, value), new byte[0], value));
            }
        }
        return requests;
    }

    /** The keys joined with spaces, in as few values of at most {@value #MAX_HEADER_CHARS} characters as needed. */
    static List<String> headerValues(Collection<String> keys) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (String key : keys) {
            if (key.isEmpty() || key.chars().anyMatch(c -> c <= ' ' || c == ',' || c > '~')) {
                throw new IllegalArgumentException("not a surrogate key: '" + key + "'");
            }
            if (value.length() > 0 && value.length() + 1 + key.length() > MAX_HEADER_CHARS) {
                values.add(value.toString());
                value.setLength(0);
            }
            if (value.length() > 0) {
                value.append(' ');
            }
            value.append(key);
        }
        if (value.length() > 0) {
            values.add(value.toString());
        }
        return values;
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return Json.bytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI httpUri(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + url);
        }
        return uri;
    }

    private static String token(String value, String what) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()
                || !trimmed.chars().allMatch(c -> c > ' ' && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a valid HTTP " + what + ": '" + value + "'");
        }
        return trimmed;
    }
}
