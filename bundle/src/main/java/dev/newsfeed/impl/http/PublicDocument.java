package dev.newsfeed.impl.http;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * One cacheable answer of the read API as it goes out: media type, exact bytes, Last-Modified, cache policy and the
 * surrogate keys it depends on, in the configured header ({@code keyHeader}, empty: none; named only while the policy
 * lets shared caches keep it). {@link Responses#send(javax.servlet.http.HttpServletRequest,
 * javax.servlet.http.HttpServletResponse, PublicDocument)} sends it with its validators and answers conditional
 * requests. {@code recheckAt}: when the origin's cache of rendered answers ({@link AnswerCache}) must render it again
 * at the latest although no write changed the repository (answers that another process feeds, such as Oak's
 * asynchronous full-text index); null: only when something changes.
 */
public record PublicDocument(
        String mediaType,
        byte[] body,
        @Nullable Instant lastModified,
        CachePolicy cache,
        String keyHeader,
        List<String> surrogateKeys,
        @Nullable Instant recheckAt) {

    public PublicDocument {
        surrogateKeys = List.copyOf(surrogateKeys);
    }

    /** An answer valid until something changes. */
    public PublicDocument(
            String mediaType,
            byte[] body,
            @Nullable Instant lastModified,
            CachePolicy cache,
            String keyHeader,
            List<String> surrogateKeys) {
        this(mediaType, body, lastModified, cache, keyHeader, surrogateKeys, null);
    }

    /** A JSON document: the DTO serialised as the API serialises every document. */
    public static PublicDocument json(
            Object document,
            @Nullable Instant lastModified,
            CachePolicy cache,
            String keyHeader,
            Collection<String> surrogateKeys)
            throws IOException {
        return new PublicDocument(
                Responses.JSON, Json.bytes(document), lastModified, cache, keyHeader, List.copyOf(surrogateKeys));
    }

    /**
     * How long the origin's cache keeps an answer that Oak's asynchronous full-text index fed: it indexes every 5 s,
     * with no change of its own to observe.
     */
    public static final Duration INDEX_RECHECK = Duration.ofSeconds(5);

    /** The same answer, rendered again by the origin's cache after {@link #INDEX_RECHECK} from {@code now}. */
    public PublicDocument fedByIndex(Instant now) {
        return recheckedAt(now.plus(INDEX_RECHECK));
    }

    /** The same answer, rendered again by the origin's cache at {@code at} at the latest. */
    public PublicDocument recheckedAt(Instant at) {
        return new PublicDocument(mediaType, body, lastModified, cache, keyHeader, surrogateKeys, at);
    }
}
