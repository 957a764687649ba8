package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A pending comment with a known email, and every address of the instance an anonymous reader can try: Newsfeed's
 * endpoints, Sling's default GET renderings at every depth, DavEx, WebDAV, Composum. Neither the email nor the
 * pending text may show anywhere.
 */
class PrivacyIT {

    private static final List<String> RENDERINGS = List.of(
            ".json",
            ".1.json",
            ".2.json",
            ".5.json",
            ".-1.json",
            ".infinity.json",
            ".tidy.json",
            ".tidy.infinity.json",
            ".harray.json",
            ".xml",
            ".txt",
            ".html",
            ".docview.xml",
            ".sysview.xml",
            "");

    private static SlingInstance sling;
    private static String site;
    private static String article;
    private static String email;
    private static String pendingText;
    private static String spamText;
    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void submitAPendingComment() throws InterruptedException {
        sling = SlingInstance.ready();
        sling.configure(
                CommentsIT.PID, Map.of("client.burst", "1000", "client.per.minute", "1000", "min.fill.seconds", "1"));
        site = TestSites.create(sling, "privacy");
        article = CommentsIT.createArticle(site, "Private article", true);
        String token = CommentsIT.token(article);
        Thread.sleep(1100);
        email = "secret-" + UUID.randomUUID() + "@example.am";
        pendingText = "Pending words " + UUID.randomUUID();
        spamText = "Spam words " + UUID.randomUUID();
        assertEquals(
                202,
                CommentsIT.submit(
                                article,
                                Map.of("author", "Privat", "email", email, "text", pendingText, "token", token))
                        .statusCode());
        assertEquals(
                202,
                CommentsIT.submit(
                                article,
                                Map.of(
                                        "author",
                                        "Spammer",
                                        "email",
                                        email,
                                        "text",
                                        spamText,
                                        "token",
                                        token,
                                        "website",
                                        "http://spam.example"))
                        .statusCode());
        // an approved comment too, so the public thread exists and is probed
        String approved = json(CommentsIT.submit(
                        article,
                        Map.of(
                                "author",
                                "Open",
                                "email",
                                email,
                                "text",
                                "Public words " + UUID.randomUUID(),
                                "token",
                                token)))
                .path("id")
                .asText();
        assertEquals(200, CommentsIT.moderate(site, approved, "approve").statusCode());
    }

    @Test
    void theProbesWouldSeeTheDataWhereItIs() {
        // the admin can read the private store: the same probes as anonymous therefore mean something
        String body = sling.getAsAdmin("/var/newsfeed/comments" + site + ".infinity.json")
                .body();
        assertTrue(body.contains(email) && body.contains(pendingText), body);
    }

    @Test
    void noAddressShowsTheEmailOrAPendingCommentToAnonymousReaders() throws Exception {
        String articleId = json(sling.get(article + ".json")).path("id").asText();
        List<String> nodes = List.of(
                "",
                "/content",
                "/content/newsfeed",
                site,
                site + "/comments",
                site + "/comments/" + articleId,
                site + "/articles",
                site + "/articles/2022",
                article,
                "/var",
                "/var/newsfeed",
                "/var/newsfeed/comments",
                "/var/newsfeed/comments/content",
                "/var/newsfeed/comments" + site,
                "/var/newsfeed/comments" + site + "/pending",
                "/var/newsfeed/comments" + site + "/spam",
                "/var/newsfeed/comments" + site + "/dedup",
                "/var/newsfeed/index",
                "/home",
                "/home/users");
        List<String> probes = new ArrayList<>();
        for (String node : nodes) {
            for (String rendering : RENDERINGS) {
                probes.add(node.isEmpty() ? "/" + rendering.replaceFirst("^\\.", "index.") : node + rendering);
            }
        }
        probes.addAll(List.of(
                article + ".comments.json",
                article + ".comments.json?limit=100",
                article + ".comment-form.json",
                site + ".moderation.json",
                site + ".moderation.json?status=spam",
                site + ".calendar.2022-01.json",
                site + "/articles/2022/01.json",
                site + ".json",
                "/content.query.json?statement=//*[@email]",
                "/bin/querybuilder.json?property=email",
                "/bin/cpm/nodes/node.tree.json/var/newsfeed/comments",
                "/bin/cpm/nodes/node.json/var/newsfeed/comments" + site,
                "/bin/browser.html/var/newsfeed/comments" + site));
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (String probe : probes) {
            checked += check(leaks, "GET", probe, null);
        }
        // DavEx (/server) and WebDAV (/dav), with listings of any depth
        for (String node : List.of(
                "/",
                "/var",
                "/var/newsfeed/comments",
                "/var/newsfeed/comments" + site,
                site,
                site + "/comments",
                "/content")) {
            String jcr = node.equals("/") ? "" : node;
            checked += check(leaks, "GET", "/server/default/jcr:root" + jcr + ".10.json", null);
            checked += check(leaks, "GET", "/server/default/jcr:root" + jcr, null);
            checked += check(leaks, "PROPFIND", "/server/default/jcr:root" + jcr, "infinity");
            checked += check(leaks, "GET", "/dav/default" + jcr, null);
            checked += check(leaks, "PROPFIND", "/dav/default" + jcr, "infinity");
            checked += check(leaks, "PROPFIND", "/dav/default" + jcr, "1");
        }
        System.out.println("PrivacyIT: " + checked + " anonymous probes, " + leaks.size() + " leaks");
        assertEquals(List.of(), leaks);
        assertTrue(checked > 300, "probed " + checked);
    }

    @Test
    void anonymousReadersCannotAuthenticateAsTheServiceUsers() throws Exception {
        for (String user : List.of("newsfeed-service", "newsfeed-comments")) {
            HttpResponse<String> r = send(
                    "GET",
                    "/var/newsfeed/comments" + site + ".infinity.json",
                    null,
                    "Basic "
                            + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
            assertFalse(r.body().contains(email), user);
        }
    }

    private int check(List<String> leaks, String method, String path, String depth)
            throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path, depth, null);
        String body = response.body();
        for (String secret : List.of(email, pendingText, spamText)) {
            if (body.contains(secret)) {
                leaks.add(method + " " + path + " (" + response.statusCode() + ") shows " + secret);
            }
        }
        assertFalse(
                response.statusCode() >= 500 && path.startsWith("/content/newsfeed"),
                () -> method + " " + path + " answered " + response.statusCode());
        return 1;
    }

    private static HttpResponse<String> send(String method, String path, String depth, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(sling.uri(path))
                .timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (depth != null) {
            builder.header("Depth", depth);
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
