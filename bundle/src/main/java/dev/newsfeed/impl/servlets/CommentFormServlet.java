package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.impl.comments.CommentInput;
import dev.newsfeed.impl.comments.CommentIntake;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.dto.CommentsPage;
import dev.newsfeed.impl.http.PublicApiSettings;
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
 * {@code GET {article}.comment-form.json}: what a client needs to show "Leave a Reply": where to post, a fresh form
 * token (its issue time starts the minimum fill time), the honeypot field to leave empty. Never cached.
 */
@Component(service = Servlet.class)
@SlingServletResourceTypes(
        resourceTypes = ContentModel.RT_ARTICLE,
        methods = {HttpConstants.METHOD_GET, HttpConstants.METHOD_HEAD},
        selectors = "comment-form",
        extensions = "json")
public final class CommentFormServlet extends SlingSafeMethodsServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    private transient PublicApiSettings settings;

    @Reference
    private transient CommentIntake intake;

    @Override
    protected void doGet(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Instant now = Instant.now();
        Optional<VisibleArticle> found = VisibleArticle.visible(request.getResource(), now);
        if (request.getRequestPathInfo().getSelectors().length != 1 || found.isEmpty()) {
            Responses.notFound(request, response, "No published article at this address.");
            return;
        }
        VisibleArticle a = found.get();
        if (!Documents.commentsOpen(a.article(), a.site(), now)) {
            Responses.problem(
                    request, response, 403, "comments-closed", "Forbidden", "Comments on this article are closed.");
            return;
        }
        try {
            String token = intake.formToken(a.article().id(), now);
            Responses.sendUncached(
                    response,
                    200,
                    new CommentsPage.Form(
                            settings.baseUrl(request) + a.article().path() + ".comments.json",
                            token,
                            CommentInput.HONEYPOT,
                            intake.minFillSeconds(),
                            5000));
        } catch (LoginException | PersistenceException | RepositoryException e) {
            Responses.problem(
                    request,
                    response,
                    503,
                    "unavailable",
                    "Service Unavailable",
                    "Comments are unavailable right now; try again.");
        }
    }
}
