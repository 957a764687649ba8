package dev.newsfeed.impl.http;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jetbrains.annotations.Nullable;

/**
 * One cacheable answer of the read API as it goes out: media type, exact bytes, Last-Modified, cache policy and the
 * surrogate keys it depends on, in the configured header ({@code keyHeader}, empty: none; named only while the policy
 * lets shared caches keep it). {@link Responses#send(javax.servlet.http.HttpServletRequest,
 * javax.servlet.http.HttpServletResponse, PublicDocument)} sends it with its validators and answers conditional
 * requests.
 */
public record PublicDocument(
        String mediaType,
        byte[] body,
        @Nullable Instant lastModified,
        CachePolicy cache,
        String keyHeader,
        List<String> surrogateKeys) {

    public PublicDocument {
        surrogateKeys = List.copyOf(surrogateKeys);
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
}
