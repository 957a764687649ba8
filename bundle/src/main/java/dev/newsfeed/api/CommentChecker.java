package dev.newsfeed.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A check every submitted reader comment passes before it is stored, such as Akismet or a site's own word list.
 * Register implementations as OSGi services; Newsfeed asks all of them and keeps the strictest verdict: {@link Verdict.Kind#SPAM} over {@link Verdict.Kind#HOLD} over
 * {@link Verdict.Kind#ACCEPT}. A checker that throws or takes too long counts as {@link Verdict#accept()}; it must
 * not block for long, since the reader waits for the answer.
 *
 * @since dev.newsfeed.api 1.0.0
 */
@ConsumerType
public interface CommentChecker {

    /** The verdict on one submission. */
    Verdict check(CommentSubmission submission);
}
