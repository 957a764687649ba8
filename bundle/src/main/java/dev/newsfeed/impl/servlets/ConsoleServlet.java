package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.NewsfeedSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The authoring and moderation console of a site: {@code GET {site}.console.html} is the page (401 with a link to the
 * login form for anonymous users, 403 for users who are neither authors, moderators nor administrators of the site),
 * {@code {site}.console.js} and {@code {site}.console.css} its script and style, plain files from the bundle (they hold
 * no data; everything comes from the JSON API with the user's session). The page sends a Content-Security-Policy that
 * allows scripts and styles of this origin only.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "console",
        extensions = {"html", "js", "css"})
@Designate(ocd = ConsoleServlet.Config.class)
public final class ConsoleServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ObjectClassDefinition(name = "Newsfeed console", description = "Where the console sends users to sign in and out.")
    public @interface Config {
        @AttributeDefinition(name = "Login page",
                description = "Path of the login form; the console's address is added as ?resource=. Sling:"
                        + " /system/sling/form/login; AEM: /libs/granite/core/content/login.html.")
        String login_path() default "/system/sling/form/login";

        @AttributeDefinition(name = "Logout", description = "Path that signs the user out; ?resource= is added.")
        String logout_path() default "/system/sling/logout";
    }

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript", "css", "text/css", "html", "text/html");
    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    @Reference
    private transient NewsfeedSettings settings;

    private volatile String loginPath = "/system/sling/form/login";
    private volatile String logoutPath = "/system/sling/logout";

    @Activate
    @Modified
    void activate(Config config) {
        loginPath = config.login_path();
        logoutPath = config.logout_path();
    }

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        String extension = request.getRequestPathInfo().getExtension();
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)) {
            Responses.notFound(request, response, "No such document of a site.");
            return;
        }
        if (!"html".equals(extension)) {
            // static, the same for everyone: cached, revalidated by ETag
            Responses.send(request, response, TYPES.get(extension) + ";charset=utf-8", file("console." + extension),
                    null, settings.publicCache());
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        String console = site.path() + ".console.html";
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "private, no-store");
        if (Requests.isAnonymous(request.getResourceResolver())) {
            page(response, 401, "console-signin.html", Map.of(
                    "siteTitle", site.title(),
                    "login", loginPath + "?resource=" + URLEncoder.encode(console, StandardCharsets.UTF_8),
                    "css", site.path() + ".console.css"));
            return;
        }
        Roles roles = Roles.of(request, site);
        String logout = logoutPath + "?resource=" + URLEncoder.encode(console, StandardCharsets.UTF_8);
        if (!roles.any()) {
            page(response, 403, "console-forbidden.html", Map.of(
                    "siteTitle", site.title(),
                    "user", roles.user(),
                    "logout", logout,
                    "css", site.path() + ".console.css"));
            return;
        }
        page(response, 200, "console.html", Map.of(
                "site", site.path(),
                "siteTitle", site.title(),
                "timeZone", site.zone().getId(),
                "user", roles.user(),
                "author", Boolean.toString(roles.author()),
                "moderator", Boolean.toString(roles.moderator()),
                "admin", Boolean.toString(roles.siteAdmin()),
                "logout", logout,
                "css", site.path() + ".console.css",
                "js", site.path() + ".console.js"));
    }

    /** Writes a page of the bundle with every {@code {{name}}} replaced by its value, HTML-escaped. */
    private static void page(SlingHttpServletResponse response, int status, String name, Map<String, String> values)
            throws IOException {
        byte[] body = render(new String(file(name), StandardCharsets.UTF_8), values).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static String render(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 256);
        int at = 0;
        while (true) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                break;
            }
            int close = template.indexOf("}}", open);
            String key = template.substring(open + 2, close);
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("No value for {{" + key + "}}");
            }
            out.append(template, at, open).append(escape(value));
            at = close + 2;
        }
        return out.append(template.substring(at)).toString();
    }

    /** Escapes text for HTML content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] file(String name) {
        return FILES.computeIfAbsent(name, n -> {
            try (InputStream in = ConsoleServlet.class.getResourceAsStream("/console/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("The bundle lacks /console/" + n);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
