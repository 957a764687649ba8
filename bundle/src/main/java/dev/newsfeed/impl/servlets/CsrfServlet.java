package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.CsrfTokens;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingSafeMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET {site}.csrf.json}: a CSRF token for the signed-in user, to send in {@code X-Newsfeed-CSRF} with every
 * write of a browser session. Signed-in users only; never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_SITE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "csrf",
        extensions = "json")
public final class CsrfServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient CsrfGuard csrf;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        if (Requests.answeredUnknownEndpoint(request, response, "a site")) {
            return;
        }
        if (!WriteAccess.signedIn(request, response, "a user")) {
            return;
        }
        SiteSettings site = SiteSettings.from(request.getResource());
        String user = request.getResourceResolver().getUserID();
        Instant now = Instant.now();
        try {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("token", csrf.issue(user, now));
            answer.put("header", CsrfTokens.HEADER);
            answer.put("user", user);
            answer.put("expires", Dates.format(CsrfTokens.expires(now), site.zone()));
            Responses.sendUncached(response, 200, answer);
        } catch (LoginException | PersistenceException | RepositoryException e) {
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "No token can be issued now; try again.");
        }
    }
}
