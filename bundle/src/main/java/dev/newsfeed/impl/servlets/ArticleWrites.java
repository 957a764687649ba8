package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.util.Map;

import dev.newsfeed.impl.authoring.ArticleAuthoring;
import dev.newsfeed.impl.authoring.ArticleInput;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.jetbrains.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the article write endpoints (create, update) answer alike: invalid fields, the saved article, a failure. */
final class ArticleWrites {

    private static final Logger log = LoggerFactory.getLogger(ArticleWrites.class);

    private ArticleWrites() {}

    /** The article's fields, or null after answering 4xx (an unreadable body, invalid fields). */
    static @Nullable ArticleInput input(
            SlingHttpServletRequest request, SlingHttpServletResponse response, boolean creating, SiteSettings site)
            throws IOException {
        Map<String, Object> fields = WriteAccess.fields(request, response);
        if (fields == null) {
            return null;
        }
        ArticleInput.Parsed parsed = ArticleInput.parse(fields, creating, site.zone());
        if (parsed.input() == null) {
            Responses.badRequest(request, response, "The article has invalid fields.", parsed.errors());
        }
        return parsed.input();
    }

    /** The saved article's document with its address in {@code Location}. */
    static void saved(SlingHttpServletResponse response, int status, String base, ArticleAuthoring.Saved saved)
            throws IOException {
        response.setHeader("Location", base + saved.path() + ".json");
        Responses.sendUncached(response, status, saved.document());
    }

    /** 403 when the repository refused the author's session, else 503 (logged as "{@code what} failed"). */
    static void failed(SlingHttpServletRequest request, SlingHttpServletResponse response, Exception e, String what)
            throws IOException {
        if (WriteAccess.isAccessDenied(e)) {
            WriteAccess.forbidden(request, response);
            return;
        }
        log.warn("{} failed: {}", what, e.toString());
        Responses.problem(
                request,
                response,
                503,
                "unavailable",
                "Service Unavailable",
                "The article could not be saved; try again.");
    }
}
