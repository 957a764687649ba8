package dev.newsfeed.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Waits until the components of a configuration show its new values. The web console stores a configuration and
 * answers; Configuration Admin hands it to the components on another thread, so a test that changed a setting and
 * acted at once could act before the component had it (seen: a page written before filing was on again).
 */
final class AppliedConfiguration {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AppliedConfiguration() {}

    /**
     * Returns once every active component of {@code pid} shows each of {@code expected} (at once when no
     * component has that configuration); throws with what they show after 30 s.
     */
    static void await(Function<String, HttpResponse<String>> getAsAdmin, String pid, Map<String, String> expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<String> differing = new ArrayList<>();
            for (String id : componentIds(getAsAdmin, pid)) {
                Map<String, String> shown = properties(getAsAdmin, id);
                expected.forEach((key, value) -> {
                    if (!matches(value, shown.get(key))) {
                        differing.add(id + ": " + key + " = " + shown.get(key) + ", not " + value);
                    }
                });
            }
            if (differing.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Configuration " + pid + " not applied after 30 s: " + differing);
            }
            sleep();
        }
    }

    /** Whether the web console's rendering of a value ("1.0E8", "[a, b]", absent for empty) is the value set. */
    static boolean matches(String set, String shown) {
        if (shown == null) {
            return set.isEmpty();
        }
        if (shown.equals(set) || shown.equals("[" + set + "]")) {
            return true;
        }
        try {
            return Double.parseDouble(shown) == Double.parseDouble(set);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> componentIds(Function<String, HttpResponse<String>> getAsAdmin, String pid) {
        List<String> ids = new ArrayList<>();
        for (JsonNode component :
                json(getAsAdmin.apply("/system/console/components.json")).path("data")) {
            if (pid.equals(component.path("pid").asText())
                    && "active".equals(component.path("state").asText())) {
                ids.add(component.path("id").asText());
            }
        }
        return ids;
    }

    /** The "Properties" entry of a component's details: strings "key = value". */
    private static Map<String, String> properties(Function<String, HttpResponse<String>> getAsAdmin, String id) {
        Map<String, String> properties = new HashMap<>();
        JsonNode details = json(getAsAdmin.apply("/system/console/components/" + id + ".json"))
                .path("data");
        for (JsonNode entry : details.path(0).path("props")) {
            if ("Properties".equals(entry.path("key").asText())) {
                for (JsonNode line : entry.path("value")) {
                    String text = line.asText();
                    int eq = text.indexOf(" = ");
                    if (eq > 0) {
                        properties.put(text.substring(0, eq), text.substring(eq + 3));
                    }
                }
            }
        }
        return properties;
    }

    private static JsonNode json(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return SlingInstance.MAPPER.createObjectNode();
        }
        try {
            return SlingInstance.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
