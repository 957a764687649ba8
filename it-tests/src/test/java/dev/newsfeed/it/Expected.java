package dev.newsfeed.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/** Expected documents under {@code src/test/resources/expected}, and reading answers as JSON. */
final class Expected {

    private Expected() {}

    /** An expected document with {@code ${base}} replaced by the instance's base URL. */
    static JsonNode document(String name, SlingInstance sling) {
        try (InputStream in = Expected.class.getResourceAsStream("/expected/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no expected document " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${base}", sling.baseUrl());
            return SlingInstance.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return SlingInstance.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }
}
