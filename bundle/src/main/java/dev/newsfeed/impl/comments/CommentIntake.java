package dev.newsfeed.impl.comments;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.jcr.RepositoryException;

import dev.newsfeed.api.Verdict;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.Problem;
import dev.newsfeed.impl.logging.LogText;
import dev.newsfeed.impl.repository.GroupCommit;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in reader comments: validates a submission, applies the rate limits, checks its form token and reply
 * target, lets the {@link SpamPolicy} decide its status, stores it and journals it on disk. An accepted outcome
 * means the comment is committed and its journal entry forced to disk. Also hands out the form tokens.
 */
@Component(service = CommentIntake.class, configurationPid = CommentConfig.PID)
@Designate(ocd = CommentConfig.class)
public final class CommentIntake {

    private static final Logger log = LoggerFactory.getLogger(CommentIntake.class);

    /** A reader's submission on a published article whose comments are open, as the request carried it. */
    public record Submitted(
            Article article,
            SiteSettings site,
            Map<String, Object> fields,
            String remoteAddress,
            Function<String, String> headers,
            Instant now) {}

    /** What became of a submission. */
    public sealed interface Outcome {
        /** Stored (and journaled); {@code approved} when it is public right away. Spam says pending too. */
        record Accepted(String id, boolean approved) implements Outcome {}

        /** A field is wrong: the detail and the fields. */
        record Invalid(String detail, List<Problem.FieldError> errors) implements Outcome {}

        /** The client or the article sent too many: seconds to wait. */
        record RateLimited(long seconds) implements Outcome {}

        /** The same comment was already submitted on this article. */
        record Duplicate() implements Outcome {}

        /** The repository could not store it; the reader may try again. */
        record Unavailable() implements Outcome {}
    }

    @Reference
    private CommentServiceUser serviceUser;

    @Reference
    private CommentSecret secret;

    @Reference
    private CommentCheckers checkers;

    @Reference
    private JournalKeeper journal;

    private volatile CommentConfig config;
    private volatile RateLimits limits;
    private volatile SpamPolicy policy;

    private final GroupCommit<Write, Outcome> writes = new GroupCommit<>("newsfeed-comment-writes", 64, this::write);

    @Activate
    @Modified
    void configure(CommentConfig config) {
        this.config = config;
        this.limits = new RateLimits(config);
        this.policy = new SpamPolicy(config.min_fill_seconds(), config.max_links(), checkers::check);
    }

    @Deactivate
    void deactivate() {
        writes.close();
    }

    /** Largest accepted submission in bytes. */
    public int maxBodyBytes() {
        return config.max_body_bytes();
    }

    /** Seconds a reader must take between getting the form and sending it. */
    public int minFillSeconds() {
        return config.min_fill_seconds();
    }

    /** A token saying the form for this article was handed out now. */
    public String formToken(String articleId, Instant now)
            throws LoginException, PersistenceException, RepositoryException {
        return secret.secrets().formToken(articleId, now);
    }

    /**
     * Takes a submission in. Accepted only once the comment is committed and journaled.
     *
     * @throws IOException when the journal cannot be written (the comment is stored, but not answered as accepted)
     */
    public Outcome submit(Submitted submitted) throws IOException {
        CommentInput.Parsed parsed = CommentInput.parse(submitted.fields());
        if (parsed.input() == null) {
            return new Outcome.Invalid("The comment has invalid fields.", parsed.errors());
        }
        CommentConfig c = config;
        String client = ClientAddress.resolve(
                submitted.remoteAddress(),
                submitted.headers().apply(c.forwarded_header()),
                List.of(c.trusted_proxies()));
        long wait = limits.take(client, submitted.article().id(), System.nanoTime());
        if (wait > 0) {
            return new Outcome.RateLimited(wait);
        }
        try {
            return store(submitted, parsed.input(), client, c);
        } catch (LoginException | PersistenceException | RepositoryException e) {
            log.warn("Storing a comment on {} failed: {}", submitted.article().path(), LogText.causes(e));
            return new Outcome.Unavailable();
        }
    }

    private Outcome store(Submitted s, CommentInput input, String client, CommentConfig c)
            throws LoginException, PersistenceException, RepositoryException, IOException {
        Article article = s.article();
        Secrets secrets = secret.secrets();
        Instant issued = secrets.tokenIssued(
                input.token(), article.id(), s.now(), Duration.ofSeconds(c.token_max_age_seconds()));
        if (issued == null) {
            return new Outcome.Invalid(
                    "Get a fresh form token from " + article.path() + ".comment-form.json.",
                    List.of(new Problem.FieldError(
                            CommentInput.TOKEN, input.token() == null ? "is required" : "is not valid any more")));
        }
        long depth = 0;
        if (input.parent() != null) {
            try (ResourceResolver resolver = serviceUser.open()) {
                Resource parent = CommentStore.published(resolver, s.site(), article.id(), input.parent());
                depth = parent == null ? 0 : parent.getValueMap().get("depth", 0L) + 1;
                Problem.FieldError misplaced = replyError(input, parent, depth, c.max_depth());
                if (misplaced != null) {
                    return new Outcome.Invalid("The comment cannot reply there.", List.of(misplaced));
                }
            }
        }
        CommentRecord record = record(s, input, secrets.clientHash(client), issued, depth);
        String duplicate = secrets.hash(input.duplicateKey(article.id()));
        try {
            return writes.submit(new Write(s.site(), record, duplicate, s.now()));
        } catch (LoginException | RepositoryException | IOException | RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the comment was being stored", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One comment to store: the record, its duplicate hash, when it came. */
    private record Write(SiteSettings site, CommentRecord record, String duplicate, Instant now) {}

    /**
     * Stores the comments that arrived together in one commit and journals them with one disk flush (group commit):
     * a flood of comments shares the repository's and the disk's cost per write, and each is still answered only once
     * it is committed and on disk. A comment whose duplicate is stored, or comes earlier in the same batch, is not
     * stored again.
     */
    private List<Outcome> write(List<Write> writes)
            throws LoginException, PersistenceException, RepositoryException, IOException {
        try (ResourceResolver resolver = serviceUser.open()) {
            List<Outcome> outcomes = Retry.commit(resolver, r -> {
                CommentBatch batch = new CommentBatch(r);
                List<Outcome> out = new ArrayList<>(writes.size());
                Set<String> seen = new HashSet<>();
                for (Write w : writes) {
                    if (!seen.add(w.site().path() + '\n' + w.duplicate())
                            || CommentStore.isDuplicate(r, w.site(), w.duplicate())) {
                        out.add(new Outcome.Duplicate());
                        continue;
                    }
                    batch.add(w.site(), w.record(), w.duplicate(), w.now());
                    out.add(new Outcome.Accepted(w.record().id(), w.record().status() == CommentStatus.APPROVED));
                }
                batch.finish();
                return out;
            });
            List<CommentJournal.Entry> entries = new ArrayList<>(writes.size());
            for (int i = 0; i < writes.size(); i++) {
                if (outcomes.get(i) instanceof Outcome.Accepted) {
                    Write w = writes.get(i);
                    entries.add(CommentJournal.Entry.of(w.site().path(), w.duplicate(), w.record()));
                }
            }
            journal.comments(entries); // on disk before any of them is answered
            return outcomes;
        }
    }

    /** Why a reply cannot go under {@code parent} (null: it can, or it is no reply). */
    private static Problem.@Nullable FieldError replyError(
            CommentInput input, @Nullable Resource parent, long depth, int maxDepth) {
        if (input.parent() == null) {
            return null;
        }
        if (parent == null) {
            return new Problem.FieldError(CommentInput.PARENT, "is not an approved comment of this article");
        }
        return depth >= maxDepth
                ? new Problem.FieldError(CommentInput.PARENT, "replies may not go deeper than " + maxDepth + " levels")
                : null;
    }

    /** The new comment, with the status the spam policy gives it. */
    private CommentRecord record(Submitted s, CommentInput input, String clientHash, Instant issued, long depth) {
        Article article = s.article();
        Submission submission = new Submission(
                article.path(),
                article.title(),
                input.author(),
                input.email(),
                input.url(),
                input.text(),
                input.parent(),
                clientHash,
                s.headers().apply("User-Agent"),
                s.now());
        Verdict verdict = policy.verdict(input, submission, issued);
        return new CommentRecord(
                CommentIds.next(s.now()),
                SpamPolicy.status(verdict, s.site().moderation()),
                article.id(),
                article.path(),
                article.title(),
                input.author(),
                input.email(),
                input.url(),
                input.text(),
                CommentText.toHtml(input.text()),
                input.parent(),
                depth,
                s.now(),
                clientHash,
                verdict.reason());
    }
}
