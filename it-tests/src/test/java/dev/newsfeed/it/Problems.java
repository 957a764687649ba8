package dev.newsfeed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers. */
final class Problems {

    private Problems() {}

    static JsonNode assertProblem(HttpResponse<String> response, int status) {
        String where = response.request().method() + " " + response.request().uri();
        assertEquals(status, response.statusCode(), () -> where + " answered " + response.body());
        String type = Expected.header(response, "Content-Type");
        assertTrue(type != null && type.startsWith("application/problem+json"), () -> where + " content type " + type);
        JsonNode problem = Expected.json(response);
        assertEquals(status, problem.path("status").asInt(), where);
        assertFalse(problem.path("title").asText().isEmpty(), where);
        assertFalse(problem.path("type").asText().isEmpty(), where);
        assertFalse(response.body().contains("Exception"), () -> where + " leaks a stack trace: " + response.body());
        return problem;
    }
}
