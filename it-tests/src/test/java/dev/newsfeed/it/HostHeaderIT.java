package dev.newsfeed.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No public (shareable) answer carries a host, scheme or port the client chose: forged {@code Host},
 * {@code X-Forwarded-Host}, {@code X-Forwarded-Proto}, {@code Forwarded} headers and absolute request targets are
 * sent over a raw socket (Java's HTTP client will not forge a Host header) to every public document.
 */
class HostHeaderIT {

    private static final String DAY = "/content/newsfeed/day";
    private static final String SEED = DAY + "/articles/2022/01/10/artsakh-president-on-the-events-in-kazakhstan";
    private static final List<String> DOCUMENTS = List.of(
            DAY + ".json",
            SEED + ".json",
            SEED + ".comments.json",
            DAY + ".feed.json",
            DAY + ".feed.json?limit=2",
            DAY + ".calendar.json",
            DAY + ".calendar.2022-01.json",
            DAY + "/articles.json",
            DAY + "/articles/2022.json",
            DAY + "/articles/2022/01.json",
            DAY + "/articles/2022/01/10.json",
            DAY + ".rss",
            DAY + ".atom",
            DAY + ".feed.jsonfeed",
            DAY + ".changes.json");

    private static SlingInstance sling;
    private static String host;
    private static int port;

    @BeforeAll
    static void ready() {
        sling = SlingInstance.ready();
        URI base = URI.create(sling.baseUrl());
        host = base.getHost();
        port = base.getPort();
    }

    @Test
    void noForgedHostReachesACacheableAnswer() throws IOException {
        List<String> poisoned = new ArrayList<>();
        int requests = 0;
        for (String path : DOCUMENTS) {
            List<String[]> forgeries = List.of(
                    new String[] {"GET " + path, "Host: evil.example"},
                    new String[] {"GET " + path, "Host: evil.example:" + port},
                    new String[] {"GET " + path, "Host: " + host + ":6666"},
                    new String[] {"GET " + path, "Host: localhost:6666"},
                    new String[] {
                        "GET " + path,
                        "Host: " + host + ":" + port,
                        "X-Forwarded-Host: evil.example",
                        "X-Forwarded-Proto: https",
                        "X-Forwarded-Port: 6666"
                    },
                    new String[] {
                        "GET " + path,
                        "Host: " + host + ":" + port,
                        "Forwarded: for=1.2.3.4;host=evil.example;proto=https"
                    },
                    new String[] {"GET http://evil.example:6666" + path, "Host: evil.example:6666"},
                    new String[] {"GET https://evil.example" + path, "Host: " + host + ":" + port});
            for (String[] request : forgeries) {
                String answer = send(request);
                requests++;
                String status = answer.substring(0, answer.indexOf("\r\n"));
                assertTrue(
                        status.contains(" 200 ") || status.contains(" 400 "),
                        request[0] + " " + request[1] + ": " + status);
                if (answer.contains("evil.example")
                        || answer.contains(":6666")
                        || answer.contains("https://localhost")
                        || answer.contains("https://" + host)) {
                    poisoned.add(String.join(" | ", request) + " -> " + status);
                }
            }
        }
        System.out.println("HostHeaderIT: " + requests + " forged requests, " + poisoned.size() + " poisoned answers");
        assertEquals(List.of(), poisoned);
    }

    @Test
    void aTrustedHostStillFormsTheUrls() throws IOException {
        String answer = send(new String[] {"GET " + DAY + ".json", "Host: localhost:" + port});
        assertTrue(answer.contains("\"http://localhost:" + port + DAY + ".feed.json\""), answer);
    }

    /** One HTTP/1.1 exchange; the answer with headers, as text. */
    private static String send(String[] lines) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder(lines[0]).append(" HTTP/1.1\r\n");
            for (int i = 1; i < lines.length; i++) {
                request.append(lines[i]).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
