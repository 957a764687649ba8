package dev.newsfeed.impl.servlets;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.servlet.Servlet;

import dev.newsfeed.api.Verdict;
import dev.newsfeed.impl.repository.Retry;
import dev.newsfeed.impl.comments.CommentIds;
import dev.newsfeed.impl.comments.CommentInput;
import dev.newsfeed.impl.comments.CommentService;
import dev.newsfeed.impl.comments.CommentStatus;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.comments.CommentText;
import dev.newsfeed.impl.comments.Secrets;
import dev.newsfeed.impl.comments.Submission;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.http.RequestFields;
import dev.newsfeed.impl.http.Responses;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.SlingHttpServletResponse;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.servlets.HttpConstants;
import org.apache.sling.api.servlets.SlingAllMethodsServlet;
import org.apache.sling.servlets.annotations.SlingServletResourceTypes;
import org.jetbrains.annotations.NotNull;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger log = LoggerFactory.getLogger(CommentSubmitServlet.class);

    @Reference
    private transient CommentService comments;

    /** Thrown inside a commit when the same comment turned up meanwhile. */
    private static final class Duplicate extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    protected void doPost(@NotNull SlingHttpServletRequest request, @NotNull SlingHttpServletResponse response)
            throws IOException {
        Instant now = Instant.now();
        Optional<Articles> found = Articles.visible(request.getResource(), now);
        if (request.getRequestPathInfo().getSelectors().length != 1 || Requests.hasSuffix(request)
                || found.isEmpty()) {
            Responses.notFound(request, response, "No published article at this address.");
            return;
        }
        Articles a = found.get();
        SiteSettings site = a.site();
        if (!Documents.commentsOpen(a.article(), site, now)) {
            Responses.problem(request, response, 403, "comments-closed", "Forbidden",
                    "Comments on this article are closed.");
            return;
        }
        CommentService.Config config = comments.config();
        Map<String, Object> fields;
        try {
            fields = RequestFields.read(request, config.max_body_bytes());
        } catch (RequestFields.Refused e) {
            Responses.problem(request, response, e.status(), e.status() == 413 ? "too-large" : "invalid-request",
                    e.status() == 413 ? "Payload Too Large" : "Bad Request", e.getMessage());
            return;
        }
        CommentInput.Parsed parsed = CommentInput.parse(fields);
        if (parsed.input() == null) {
            Responses.badRequest(request, response, "The comment has invalid fields.", parsed.errors());
            return;
        }
        CommentInput input = parsed.input();
        String articleId = a.article().id();
        String client = comments.clientAddress(request.getRemoteAddr(), request::getHeader);
        long wait = comments.rateLimit(client, articleId);
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            Responses.problem(request, response, 429, "too-many-requests", "Too Many Requests",
                    "Too many comments; try again in " + wait + " s.");
            return;
        }
        try (ResourceResolver resolver = comments.serviceResolver()) {
            Secrets secrets = comments.secrets();
            Instant issued = secrets.tokenIssued(input.token(), articleId, now, comments.tokenMaxAge());
            if (issued == null) {
                Responses.badRequest(request, response, "Get a fresh form token from "
                        + a.article().path() + ".comment-form.json.", List.of(new Problem.FieldError(
                                CommentInput.TOKEN, input.token() == null ? "is required" : "is not valid any more")));
                return;
            }
            long depth = 0;
            if (input.parent() != null) {
                Resource parent = CommentStore.published(resolver, site, articleId, input.parent());
                depth = parent == null ? -1 : parent.getValueMap().get("depth", 0L) + 1;
                if (parent == null || depth >= config.max_depth()) {
                    Responses.badRequest(request, response, "The comment cannot reply there.",
                            List.of(new Problem.FieldError(CommentInput.PARENT, parent == null
                                    ? "is not an approved comment of this article"
                                    : "replies may not go deeper than " + config.max_depth() + " levels")));
                    return;
                }
            }
            String clientHash = secrets.clientHash(client);
            Verdict verdict = verdict(input, a, clientHash, request.getHeader("User-Agent"), issued, now, config);
            CommentStatus status = switch (verdict.kind()) {
                case SPAM -> CommentStatus.SPAM;
                case HOLD -> CommentStatus.PENDING;
                case ACCEPT -> "auto".equals(site.moderation()) ? CommentStatus.APPROVED : CommentStatus.PENDING;
            };
            String id = CommentIds.next(now);
            CommentStore.Record record = new CommentStore.Record(id, status, articleId, a.article().path(),
                    a.article().title(), input.author(), input.email(), input.url(), input.text(),
                    CommentText.toHtml(input.text()), input.parent(), depth, now, clientHash, verdict.reason());
            String duplicate = secrets.hash(input.duplicateKey(articleId));
            Retry.commit(resolver, r -> {
                if (CommentStore.isDuplicate(r, site, duplicate)) {
                    throw new Duplicate();
                }
                CommentStore.add(r, site, record, duplicate, now);
                return null;
            });
            comments.journal(site.path(), duplicate, record); // on disk before the 202
            // spam is answered like any pending comment: the sender learns nothing
            Responses.sendUncached(response, 202, Map.of("id", id,
                    "status", status == CommentStatus.APPROVED ? "approved" : "pending"));
        } catch (Duplicate e) {
            Responses.problem(request, response, 409, "duplicate", "Conflict",
                    "The same comment was already submitted on this article.");
        } catch (LoginException | PersistenceException | RepositoryException e) {
            log.warn("Storing a comment on {} failed: {}", a.article().path(), e.toString());
            Responses.problem(request, response, 503, "unavailable", "Service Unavailable",
                    "The comment could not be stored; try again.");
        }
    }

    private Verdict verdict(CommentInput input, Articles a, String clientHash, String userAgent, Instant issued,
            Instant now, CommentService.Config config) {
        if (input.honeypotFilled()) {
            return Verdict.spam("honeypot field filled in");
        }
        if (Duration.between(issued, now).getSeconds() < config.min_fill_seconds()) {
            return Verdict.spam("sent " + Duration.between(issued, now).toMillis() + " ms after the form was handed out");
        }
        Verdict verdict = CommentText.links(input.text()) > config.max_links()
                ? Verdict.hold("more than " + config.max_links() + " links") : Verdict.accept();
        return verdict.stricter(comments.check(new Submission(a.article().path(), a.article().title(), input.author(),
                input.email(), input.url(), input.text(), input.parent(), clientHash, userAgent, now)));
    }
}
