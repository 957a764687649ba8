package dev.newsfeed.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.servlet.Servlet;

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
 * <p>
 * Configured by the PID it had in the core bundle (where users sign in and out); its script and style are cached as
 * long as the JSON API's documents ({@link PublicCache}).
 */
@Component(service = Servlet.class, configurationPid = ConsoleServlet.PID)
@SlingServletResourceTypes(
        resourceTypes = ConsoleSite.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "console",
        extensions = {"html", "js", "css"})
@Designate(ocd = ConsoleServlet.Config.class)
public final class ConsoleServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    /** The PID of this servlet's configuration, as in the releases that had it in the core bundle. */
    static final String PID = "dev.newsfeed.impl.servlets.ConsoleServlet";

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
            + " img-src 'self' https: http: data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @ObjectClassDefinition(
            id = "dev.newsfeed.impl.servlets.ConsoleServlet$Config",
            name = "Newsfeed console",
            description = "Where the console sends users to sign in and out.")
    public @interface Config {
        @AttributeDefinition(
                name = "Login page",
                description = "Path of the login form; the console's address is added as ?resource=. Sling:"
                        + " /system/sling/form/login; AEM: /libs/granite/core/content/login.html.")
        String login_path() default "/system/sling/form/login";

        @AttributeDefinition(name = "Logout", description = "Path that signs the user out; ?resource= is added.")
        String logout_path() default "/system/sling/logout";
    }

    private static final Map<String, String> TYPES =
            Map.of("js", "text/javascript", "css", "text/css", "html", "text/html");

    private volatile String loginPath = "/system/sling/form/login";
    private volatile String logoutPath = "/system/sling/logout";

    @Reference
    private transient PublicCache cache;

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
        String suffix = request.getRequestPathInfo().getSuffix();
        if (request.getRequestPathInfo().getSelectors().length != 1 || (suffix != null && !suffix.isEmpty())) {
            ConsoleResponses.notFound(request, response, "No such document of a site.");
            return;
        }
        if (!"html".equals(extension)) {
            // static, the same for everyone: cached, revalidated by ETag
            ConsoleResponses.send(
                    request,
                    response,
                    TYPES.get(extension) + ";charset=utf-8",
                    ConsoleFiles.file("console." + extension),
                    cache.header());
            return;
        }
        sendPage(request, response);
    }

    /** The console page, or the page that asks an anonymous user to sign in, or tells another user it is not theirs. */
    private void sendPage(SlingHttpServletRequest request, SlingHttpServletResponse response) throws IOException {
        ConsoleSite site = ConsoleSite.from(request.getResource());
        String console = URLEncoder.encode(site.path() + ".console.html", StandardCharsets.UTF_8);
        ConsoleResponses.pageHeaders(response, CSP);
        ConsoleRoles roles = ConsoleRoles.of(request, site);
        if (roles == null) {
            Map<String, String> values = Map.of(
                    "siteTitle", site.title(),
                    "login", loginPath + "?resource=" + console,
                    "css", site.path() + ".console.css");
            ConsoleResponses.page(response, 401, ConsoleFiles.fill("console-signin.html", values));
        } else if (!roles.any()) {
            Map<String, String> values = Map.of(
                    "siteTitle",
                    site.title(),
                    "user",
                    roles.user(),
                    "logout",
                    logoutPath + "?resource=" + console,
                    "css",
                    site.path() + ".console.css");
            ConsoleResponses.page(response, 403, ConsoleFiles.fill("console-forbidden.html", values));
        } else {
            ConsoleResponses.page(
                    response, 200, ConsoleFiles.fill("console.html", consoleValues(site, roles, console)));
        }
    }

    private Map<String, String> consoleValues(ConsoleSite site, ConsoleRoles roles, String console) {
        return Map.of(
                "site", site.path(),
                "siteTitle", site.title(),
                "timeZone", site.zone().getId(),
                "user", roles.user(),
                "author", Boolean.toString(roles.author()),
                "moderator", Boolean.toString(roles.moderator()),
                "admin", Boolean.toString(roles.siteAdmin()),
                "logout", logoutPath + "?resource=" + console,
                "css", site.path() + ".console.css",
                "js", site.path() + ".console.js");
    }
}
