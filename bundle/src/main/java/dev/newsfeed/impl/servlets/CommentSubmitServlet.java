package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentIntake;
import dev.newsfeed.impl.comments.CommentIntake.Outcome;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.http.OriginCache;
import dev.newsfeed.impl.http.RequestFields;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST {article}.comments.json}: a reader submits a comment (form-encoded or JSON). Answers 202 once the
 * comment is stored; 400 per bad field, 403 when comments are closed, 404 for no published article, 409 for a
 * duplicate, 413 for a body over the limit (checked before reading it), 429 with Retry-After for too many. A filled
 * honeypot, a too-fast submission or a checker's spam verdict is stored as spam and answered like any other.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = HttpConstants.METHOD_POST,
        selectors = "comments",
        extensions = "json")
public final class CommentSubmitServlet extends SlingAllMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient CommentIntake intake;

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Instant now = Instant.now();
        Optional<VisibleArticle> found = VisibleArticle.visible(request.getResource(), now);
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request) || found.isEmpty()) {
            Responses.notFound(request, response, "No published article at this address.");
            return;
        }
        VisibleArticle a = found.get();
        if (!Documents.commentsOpen(a.article(), a.site(), now)) {
            Responses.problem(
                    request, response, 403, "comments-closed", "Forbidden", "Comments on this article are closed.");
            return;
        }
        Map<String, Object> fields = fields(request, response);
        if (fields == null) {
            return;
        }
        send(
                request,
                response,
                intake.submit(new CommentIntake.Submitted(
                        a.article(), a.site(), fields, request.getRemoteAddr(), request::getHeader, now)));
    }

    /** The submitted fields, or null when the body was refused (and answered). */
    private @Nullable Map<String, Object> fields(SlingHttpServletRequest request, SlingHttpServletResponse response)
            throws IOException {
        try {
            return RequestFields.read(request, intake.maxBodyBytes());
        } catch (RequestFields.Refused e) {
            Responses.refused(request, response, e);
            return null;
        }
    }

    /** Answers what became of the submission. */
    private static void send(SlingHttpServletRequest request, SlingHttpServletResponse response, Outcome outcome)
            throws IOException {
        if (outcome instanceof Outcome.Accepted accepted) {
            if (!accepted.approved()) {
                request.setAttribute(OriginCache.PUBLIC_UNCHANGED, Boolean.TRUE); // pending: nobody sees it yet
            }
            // spam is answered like any pending comment: the sender learns nothing
            Responses.sendUncached(
                    response, 202, Map.of("id", accepted.id(), "status", accepted.approved() ? "approved" : "pending"));
        } else if (outcome instanceof Outcome.Invalid invalid) {
            Responses.badRequest(request, response, invalid.detail(), invalid.errors());
        } else if (outcome instanceof Outcome.RateLimited limited) {
            response.setHeader("Retry-After", Long.toString(limited.seconds()));
            Responses.problem(
                    request,
                    response,
                    429,
                    "too-many-requests",
                    "Too Many Requests",
                    "Too many comments; try again in " + limited.seconds() + " s.");
        } else if (outcome instanceof Outcome.Duplicate) {
            Responses.problem(
                    request,
                    response,
                    409,
                    "duplicate",
                    "Conflict",
                    "The same comment was already submitted on this article.");
        } else {
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "The comment could not be stored; try again.");
        }
    }
}
