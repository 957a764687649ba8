package dev.newsfeed.it;

import static dev.newsfeed.it.Expected.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Drafts and scheduled articles are unreadable through every address of the instance (Newsfeed's endpoints, Sling's
 * default renderings at every depth and in XML, DavEx, WebDAV, Composum) for anonymous readers and for signed-in
 * users who are not authors, because the repository itself denies them; an article becomes readable at its publish
 * instant without any write; authors keep their access.
 */
class EmbargoIT {

    private static final List<String> RENDERINGS = List.of(
            "",
            ".json",
            ".1.json",
            ".-1.json",
            ".infinity.json",
            ".tidy.infinity.json",
            ".xml",
            ".docview.xml",
            ".sysview.xml",
            ".txt",
            ".html");
    private static final String SAMPLE_SCHEDULED = "/content/newsfeed/day/articles/2099/01/01/time-capsule-opens";
    private static final String SAMPLE_DRAFT = "/content/newsfeed/day/drafts/spring-opera-season";
    private static final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SlingInstance sling;
    private static String site;
    private static String scheduled;
    private static String draft;
    private static String direct;
    private static String marker;

    @BeforeAll
    static void writeUnpublishedArticles() {
        sling = SlingInstance.ready();
        site = TestSites.create(sling, "embargo");
        marker = "embargoed-" + UUID.randomUUID();
        scheduled = create("Scheduled " + marker, "2098-05-05T10:00:00+04:00", "scheduled-article");
        draft = create("Draft " + marker, "", "draft-article");
        // written straight into a day folder by an administrator through Sling's POST servlet: no Newsfeed step
        direct = site + "/articles/2097/03/03/direct-article";
        Map<String, String> form = new LinkedHashMap<>();
        form.put("jcr:primaryType", "nt:unstructured");
        form.put("sling:resourceType", "newsfeed/article");
        form.put("jcr:title", "Direct " + marker);
        form.put("body", "<p>Direct body " + marker + "</p>");
        form.put("published", "2097-03-03T10:00:00.000+04:00");
        form.put("published@TypeHint", "Date");
        int status = sling.postAsAdmin(direct, form).statusCode();
        assertTrue(status == 200 || status == 201, "admin wrote the direct article: " + status);
    }

    static String create(String title, String published, String slug) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("slug", slug);
        body.put("lead", "Lead " + title);
        body.put("body", "<p>Body " + title + "</p>");
        body.put("published", published);
        HttpResponse<String> r = sling.postJsonAsAuthor(site + ".articles.json", body);
        assertEquals(201, r.statusCode(), r.body());
        return json(r).path("path").asText();
    }

    @Test
    void theProbesWouldSeeTheArticlesWhereTheyAre() throws Exception {
        // the administrator reads everything: the same probes as a reader therefore mean something
        String admin = "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        probe(seen, List.of(marker), "GET", "/server/default/jcr:root" + scheduled + ".5.json", null, admin);
        probe(seen, List.of(marker), "PROPFIND", "/server/default/jcr:root" + site + "/articles", "infinity", admin);
        probe(
                seen,
                List.of("time-capsule-opens"),
                "PROPFIND",
                "/server/default/jcr:root/content/newsfeed/day/articles/2099/01/01",
                "1",
                admin);
        probe(seen, List.of(marker), "GET", direct + ".json", null, admin);
        assertEquals(4, seen.size(), seen.toString());
    }

    @Test
    void noAddressShowsAScheduledArticleOrADraftToReaders() throws Exception {
        List<String> nodes = new ArrayList<>(List.of(
                "/content",
                "/content/newsfeed",
                site,
                site + "/articles",
                site + "/articles/2098",
                site + "/articles/2098/05",
                site + "/articles/2098/05/05",
                scheduled,
                site + "/drafts",
                draft,
                site + "/articles/2097/03/03",
                direct,
                SAMPLE_SCHEDULED,
                SAMPLE_DRAFT,
                "/content/newsfeed/day/articles/2099/01/01",
                // the archive index, readable by everyone, keeps the order of a day's live articles only
                "/var/newsfeed/index" + site,
                "/var/newsfeed/index" + site + "/2098/05/05",
                "/var/newsfeed/index" + site + "/2097/03/03",
                "/var/newsfeed/index/content/newsfeed/day/2099/01/01"));
        List<String> secrets = List.of(
                marker,
                "Time capsule",
                "time-capsule-opens",
                "scheduled-article",
                "direct-article",
                "spring-opera-season",
                "spring season at the Opera",
                "letter from the newsroom of 2022");
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        String reader = "Basic "
                + Base64.getEncoder()
                        .encodeToString((SlingInstance.READER + ":" + SlingInstance.READER_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8));
        for (String who : new String[] {null, reader}) {
            for (String node : nodes) {
                for (String rendering : RENDERINGS) {
                    probes += probe(leaks, secrets, "GET", node + rendering, null, who);
                }
                probes += probe(leaks, secrets, "GET", node + ".feed.json", null, who);
                probes += probe(leaks, secrets, "GET", "/server/default/jcr:root" + node, null, who);
                probes += probe(leaks, secrets, "GET", "/server/default/jcr:root" + node + ".5.json", null, who);
                probes += probe(leaks, secrets, "PROPFIND", "/server/default/jcr:root" + node, "1", who);
                probes += probe(leaks, secrets, "PROPFIND", "/server/default/jcr:root" + node, "infinity", who);
                probes += probe(leaks, secrets, "GET", "/dav/default" + node, null, who);
                probes += probe(leaks, secrets, "PROPFIND", "/dav/default" + node, "infinity", who);
                probes += probe(leaks, secrets, "GET", "/bin/cpm/nodes/node.tree.json" + node, null, who);
                probes += probe(leaks, secrets, "GET", "/bin/browser.html" + node, null, who);
            }
            for (String feed : List.of(
                    ".feed.json?limit=100",
                    ".rss",
                    ".atom",
                    ".feed.jsonfeed",
                    ".calendar.2098-05.json",
                    ".changes.json",
                    "/articles.json?limit=100",
                    "/articles/2098.json")) {
                probes += probe(leaks, secrets, "GET", site + feed, null, who);
            }
        }
        System.out.println(
                "EmbargoIT: " + probes + " probes as anonymous and as a signed-in reader, " + leaks.size() + " leaks");
        assertEquals(List.of(), leaks);
        assertTrue(probes > 300, "probed " + probes);
    }

    @Test
    void anArticleBecomesReadableAtItsPublishInstantWithoutAWrite() throws Exception {
        Instant goLive = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        String path = create("Soon " + UUID.randomUUID(), goLive.toString(), "soon-" + goLive.getEpochSecond());
        assertEquals(404, sling.get(path + ".json").statusCode());
        assertEquals(404, sling.get("/server/default/jcr:root" + path).statusCode());
        while (Instant.now().isBefore(goLive.minusMillis(500))) {
            assertEquals(404, sling.get(path + ".json").statusCode(), "readable before " + goLive);
            Thread.sleep(500);
        }
        Instant readable = null;
        while (readable == null && Instant.now().isBefore(goLive.plusSeconds(10))) {
            if (sling.get("/server/default/jcr:root" + path).statusCode() == 200
                    && sling.get(path + ".json").statusCode() == 200) {
                readable = Instant.now();
            } else {
                Thread.sleep(100);
            }
        }
        assertTrue(readable != null, "not readable 10 s after " + goLive);
        System.out.println("EmbargoIT: readable "
                + Duration.between(goLive, readable).toMillis() + " ms after its publish instant");
    }

    @Test
    void authorsKeepFullAccess() {
        for (String path : List.of(scheduled, draft, SAMPLE_SCHEDULED)) {
            HttpResponse<String> document =
                    sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, path + ".json");
            assertEquals(200, document.statusCode(), path);
            assertEquals(
                    "private, no-store",
                    document.headers().firstValue("Cache-Control").orElse(""));
            assertEquals(
                    200,
                    sling.getAs(SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, path + ".edit.json")
                            .statusCode(),
                    path);
        }
        HttpResponse<String> list = sling.getAs(
                SlingInstance.AUTHOR, SlingInstance.AUTHOR_PASSWORD, site + ".articles.json?status=scheduled");
        assertTrue(
                list.body().contains("Scheduled " + marker) && list.body().contains("Direct " + marker), list.body());
    }

    private static int probe(
            List<String> leaks, List<String> secrets, String method, String path, String depth, String authorization)
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
        HttpResponse<String> response =
                client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String secret : secrets) {
            // a page that repeats the address asked for (a 404 naming the path) tells nothing new
            if (response.body().contains(secret) && !path.contains(secret)) {
                leaks.add(method + " " + path + (authorization == null ? " anonymous" : " reader") + " ("
                        + response.statusCode() + ") shows " + secret);
            }
        }
        return 1;
    }
}
