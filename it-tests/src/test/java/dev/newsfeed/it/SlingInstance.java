package dev.newsfeed.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Sling instance the integration tests run against, one per JVM.
 *
 * <p>{@link #ready()} waits until Sling is ready, installs the Newsfeed package over HTTP the way a user does (upload
 * into a JCR installer folder) and waits until Newsfeed answers. It reads the system properties {@code sling.url} and
 * {@code newsfeed.package}, which the it-tests pom sets.
 */
public final class SlingInstance {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** JCR installer folder the package is uploaded to; outside every filter of our packages. */
    public static final String INSTALL_FOLDER = "/apps/newsfeed-packages/install";

    /** Answers 200 with JSON once Newsfeed is installed and running. */
    public static final String NEWSFEED_READY_PATH = "/content/newsfeed/day.json";

    /** The groups Newsfeed's repoinit creates: once they exist, its configurations are installed. */
    private static final String[] NEWSFEED_GROUPS = {"newsfeed-authors", "newsfeed-moderators"};

    /** A member of newsfeed-authors, created for the tests. */
    public static final String AUTHOR = "it-author";

    public static final String AUTHOR_PASSWORD = "it-author-secret";
    /** A member of newsfeed-moderators, created for the tests. */
    public static final String MODERATOR = "it-moderator";

    public static final String MODERATOR_PASSWORD = "it-moderator-secret";
    /** A signed-in user in no Newsfeed group. */
    public static final String READER = "it-reader";

    public static final String READER_PASSWORD = "it-reader-secret";

    private static final String ADMIN_USER = "admin";
    private static final String ADMIN_PASSWORD = "admin";
    private static final String PACKAGE_NODE_NAME = "newsfeed-all.zip";
    private static final String PACKAGE_REGISTRY_GROUP = "/etc/packages/dev.newsfeed";
    private static final Pattern ALL_BUNDLES_ACTIVE = Pattern.compile("all \\d+ bundles active");
    private static final Duration SLING_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration NEWSFEED_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static SlingInstance instance;
    private static RuntimeException startFailure;

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private SlingInstance(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The ready instance with Newsfeed installed; the first call waits for it (up to about five minutes). */
    public static synchronized SlingInstance ready() {
        if (instance == null && startFailure == null) {
            try {
                instance = prepare(requiredProperty("sling.url"));
            } catch (RuntimeException e) {
                // Remembered, so that the next test class fails at once instead of waiting again.
                startFailure = e;
            }
        }
        if (startFailure != null) {
            throw new IllegalStateException("Sling is not usable: " + startFailure.getMessage(), startFailure);
        }
        return instance;
    }

    /**
     * Waits for the Sling at {@code baseUrl}, installs Newsfeed and creates the test users; for tests that run a Sling
     * of their own.
     */
    public static SlingInstance prepare(String baseUrl) {
        SlingInstance sling = new SlingInstance(baseUrl);
        sling.awaitSlingReady();
        sling.installPackage(Path.of(requiredProperty("newsfeed.package")));
        sling.awaitNewsfeedReady();
        sling.createUser(AUTHOR, AUTHOR_PASSWORD, "newsfeed-authors");
        sling.createUser(READER, READER_PASSWORD, null);
        sling.createUser(MODERATOR, MODERATOR_PASSWORD, "newsfeed-moderators");
        return sling;
    }

    /** A Sling that someone else started and installed (the cluster's nodes, its cache); no waiting. */
    public static SlingInstance at(String baseUrl) {
        return new SlingInstance(baseUrl);
    }

    /** Waits until a restarted Sling (with Newsfeed installed before) answers again. */
    public static SlingInstance restarted(String baseUrl) {
        SlingInstance sling = new SlingInstance(baseUrl);
        sling.awaitSlingReady();
        sling.awaitNewsfeedReady();
        return sling;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The path and query of a link a document gives ({@code next}, {@code href}), whatever host it names. */
    public static String local(String link) {
        return link.replaceFirst("^https?://[^/]+", "");
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    /** Anonymous GET; {@code headers} are name, value pairs. */
    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> getAs(String user, String password, String path, String... headers) {
        return send(request(path, headers)
                .header("Authorization", basicAuth(user, password))
                .GET());
    }

    public HttpResponse<String> getAsAdmin(String path, String... headers) {
        return getAs(ADMIN_USER, ADMIN_PASSWORD, path, headers);
    }

    /** Anonymous HEAD; the body of the response is empty. */
    public HttpResponse<String> head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Anonymous form POST ({@code application/x-www-form-urlencoded}, UTF-8). */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return send(formPost(path, form, headers));
    }

    public HttpResponse<String> postAs(
            String user, String password, String path, Map<String, String> form, String... headers) {
        return send(formPost(path, form, headers).header("Authorization", basicAuth(user, password)));
    }

    public HttpResponse<String> postAsAdmin(String path, Map<String, String> form, String... headers) {
        return postAs(ADMIN_USER, ADMIN_PASSWORD, path, form, headers);
    }

    /** POST of a JSON body as a user. */
    public HttpResponse<String> postJsonAs(String user, String password, String path, Object body, String... headers) {
        String json;
        try {
            json = body instanceof String s ? s : MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder builder = request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (user != null) {
            builder.header("Authorization", basicAuth(user, password));
        }
        return send(builder);
    }

    public HttpResponse<String> postJsonAsAuthor(String path, Object body) {
        return postJsonAs(AUTHOR, AUTHOR_PASSWORD, path, body);
    }

    /**
     * Sets properties of an OSGi configuration through the web console, as an operator would, and returns once
     * every component of that configuration shows them ({@link AppliedConfiguration}).
     */
    public void configure(String pid, Map<String, String> properties) {
        Map<String, String> form = new java.util.LinkedHashMap<>(properties);
        form.put("apply", "true");
        form.put("action", "ajaxConfigManager");
        form.put("propertylist", String.join(",", properties.keySet()));
        HttpResponse<String> response = postAsAdmin("/system/console/configMgr/" + pid, form);
        if (response.statusCode() != 200 && response.statusCode() != 302) {
            throw new IllegalStateException("Configuring " + pid + " answered " + response.statusCode());
        }
        AppliedConfiguration.await(this::getAsAdmin, pid, properties);
    }

    /** Creates a user (unless it exists) and adds it to a group, as admin through Sling's user manager. */
    private void createUser(String id, String password, String group) {
        if (getAsAdmin("/system/userManager/user/" + id + ".json").statusCode() != 200) {
            HttpResponse<String> created = postAsAdmin(
                    "/system/userManager/user.create.json",
                    Map.of(":name", id, "pwd", password, "pwdConfirm", password));
            if (created.statusCode() != 200 && created.statusCode() != 201) {
                throw new IllegalStateException(
                        "Creating user " + id + " answered " + created.statusCode() + ": " + created.body());
            }
        }
        if (group != null) {
            HttpResponse<String> member =
                    postAsAdmin("/system/userManager/group/" + group + ".update.json", Map.of(":member", id));
            if (member.statusCode() != 200) {
                throw new IllegalStateException(
                        "Adding " + id + " to " + group + " answered " + member.statusCode() + ": " + member.body());
            }
        }
    }

    /** The web console's bundle summary, e.g. "Bundle information: 226 bundles in total - all 226 bundles active." */
    public String bundleStatus() {
        HttpResponse<String> response = getAsAdmin("/system/console/bundles.json");
        if (response.statusCode() != 200) {
            return "/system/console/bundles.json answered " + response.statusCode();
        }
        try {
            return MAPPER.readTree(response.body()).path("status").asText();
        } catch (IOException e) {
            return "/system/console/bundles.json is not JSON: " + e.getMessage();
        }
    }

    public static boolean allBundlesActive(String bundleStatus) {
        return ALL_BUNDLES_ACTIVE.matcher(bundleStatus).find();
    }

    private void awaitSlingReady() {
        long deadline = System.nanoTime() + SLING_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (true) {
            try {
                int alive = get("/system/health/systemalive.json").statusCode();
                if (alive == 200) {
                    String status = bundleStatus();
                    if (allBundlesActive(status)) {
                        return;
                    }
                    last = status;
                } else {
                    last = "/system/health/systemalive.json answered " + alive;
                }
            } catch (UncheckedIOException e) {
                // Connection refused or reset while Sling boots.
                last = e.getCause().toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Sling at " + baseUrl + " was not ready after "
                        + SLING_TIMEOUT.toSeconds() + " s (systemalive 200 and all bundles active); last: " + last
                        + logHint());
            }
            pause();
        }
    }

    /**
     * Uploads the package into a JCR installer folder, as {@code curl -F '*=@newsfeed-all.zip'} does. Our packages are
     * first dropped from the package registry: the installer skips a package whose id it finds installed, and a
     * rebuilt SNAPSHOT keeps its id.
     */
    private void installPackage(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Newsfeed package " + zip + " does not exist; build it with"
                    + " mvn -B -pl it-tests -am package -DskipTests");
        }
        postAsAdmin(PACKAGE_REGISTRY_GROUP, Map.of(":operation", "delete"));
        createFolder(INSTALL_FOLDER.substring(0, INSTALL_FOLDER.lastIndexOf('/')));
        createFolder(INSTALL_FOLDER);

        byte[] content;
        try {
            content = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + zip, e);
        }
        String boundary = "newsfeed-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"*\"; filename=\"" + PACKAGE_NODE_NAME + "\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = whileStarting(() -> send(request(INSTALL_FOLDER)
                .header("Authorization", basicAuth(ADMIN_USER, ADMIN_PASSWORD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("Uploading " + zip + " to " + INSTALL_FOLDER + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private void createFolder(String path) {
        HttpResponse<String> response =
                whileStarting(() -> postAsAdmin(path, Map.of("jcr:primaryType", "sling:Folder")));
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException(
                    "Creating " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /**
     * Repeats a request while Sling answers 503, or 405 to these POSTs: right after all bundles are active, its
     * servlets may still be registering (on a loaded machine the POST servlet came seconds after the default GET
     * servlet, which answers a POST with 405).
     */
    private HttpResponse<String> whileStarting(Supplier<HttpResponse<String>> call) {
        long deadline = System.nanoTime() + SLING_TIMEOUT.toNanos();
        while (true) {
            HttpResponse<String> response = call.get();
            boolean starting = response.statusCode() == 503 || response.statusCode() == 405;
            if (!starting || System.nanoTime() > deadline) {
                return response;
            }
            pause();
        }
    }

    private void awaitNewsfeedReady() {
        long deadline = System.nanoTime() + NEWSFEED_TIMEOUT.toNanos();
        String last;
        int stablePolls = 0;
        while (true) {
            try {
                HttpResponse<String> response = get(NEWSFEED_READY_PATH);
                String contentType =
                        response.headers().firstValue("Content-Type").orElse("");
                if (response.statusCode() == 200 && contentType.startsWith("application/json")) {
                    // The configurations come in a package of their own (newsfeed-config), which the installer
                    // may install after the bundle and the sample site: wait for its repoinit too.
                    String missing = missingGroup();
                    String inactive = missing == null ? inactiveComponent() : null;
                    String unindexed = missing == null && inactive == null ? unindexedSample() : null;
                    if (missing == null && inactive == null && unindexed == null) {
                        // twice in a row: a configuration arriving just now would restart components
                        if (++stablePolls >= 2) {
                            return;
                        }
                        last = "settling";
                    } else {
                        stablePolls = 0;
                        last = missing != null
                                ? "repoinit has not created the group " + missing + " yet"
                                : inactive != null ? "the component " + inactive + " is not active yet" : unindexed;
                    }
                } else {
                    last = response.statusCode() + " " + contentType;
                }
            } catch (UncheckedIOException e) {
                last = e.getCause().toString();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Newsfeed did not answer " + NEWSFEED_READY_PATH + " with 200 JSON"
                        + " (and create its groups) within " + NEWSFEED_TIMEOUT.toSeconds()
                        + " s of installing the package; last: " + last
                        + "; bundles: " + bundleStatus() + logHint());
            }
            pause();
        }
    }

    /**
     * The first of Newsfeed's components that is not active (or satisfied) yet, or null. Its endpoints answer only
     * once their services are: a component waiting for its service user mapping (package newsfeed-config) leaves its
     * servlet unregistered, and the request falls to another servlet.
     */
    private String inactiveComponent() {
        HttpResponse<String> response = getAsAdmin("/system/console/components.json");
        if (response.statusCode() != 200) {
            return "(web console answered " + response.statusCode() + ")";
        }
        try {
            int found = 0;
            for (com.fasterxml.jackson.databind.JsonNode component :
                    MAPPER.readTree(response.body()).path("data")) {
                String name = component.path("name").asText();
                if (!name.startsWith("dev.newsfeed.")) {
                    continue;
                }
                found++;
                String state = component.path("state").asText();
                if (!state.equals("active") && !state.equals("satisfied")) {
                    return name + " (" + state + ")";
                }
            }
            return found == 0 ? "(none of Newsfeed's components listed)" : null;
        } catch (IOException e) {
            return "(unreadable component list)";
        }
    }

    /**
     * Why the sample site's feed lists no article yet, or null when it does: its archive index is built after the
     * package's content arrives (at once when the content listener hears it, else by its sweep a few seconds later).
     */
    private String unindexedSample() {
        HttpResponse<String> feed = get(NEWSFEED_READY_PATH.replace(".json", ".feed.json") + "?limit=1");
        try {
            return feed.statusCode() == 200
                            && MAPPER.readTree(feed.body()).path("items").size() > 0
                    ? null
                    : "the sample site's feed lists no article yet (" + feed.statusCode() + ")";
        } catch (IOException e) {
            return "(unreadable sample feed)";
        }
    }

    /** The first group of Newsfeed's repoinit that does not exist yet, or null. */
    private String missingGroup() {
        for (String group : NEWSFEED_GROUPS) {
            if (getAsAdmin("/system/userManager/group/" + group + ".json").statusCode() != 200) {
                return group;
            }
        }
        return null;
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    private HttpRequest.Builder formPost(String path, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the ITs with"
                    + " mvn -B -pl it-tests -am verify (failsafe sets it)");
        }
        return value;
    }

    private static String logHint() {
        String log = System.getProperty("sling.log");
        return log == null ? "" : "; see " + log;
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Sling", e);
        }
    }
}
