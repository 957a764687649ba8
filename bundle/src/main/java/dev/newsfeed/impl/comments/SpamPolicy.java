package dev.newsfeed.impl.comments;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import dev.newsfeed.api.CommentSubmission;
import dev.newsfeed.api.Verdict;

/**
 * Decides where a new comment goes: a filled honeypot or a submission faster than the minimum fill time is spam
 * (bots), more links than allowed is held for a moderator, then the plug-in checkers have their say (the strictest
 * verdict wins); what is accepted is approved only where the site approves comments automatically.
 */
final class SpamPolicy {

    private final int minFillSeconds;
    private final int maxLinks;
    private final Function<CommentSubmission, Verdict> checkers;

    SpamPolicy(int minFillSeconds, int maxLinks, Function<CommentSubmission, Verdict> checkers) {
        this.minFillSeconds = minFillSeconds;
        this.maxLinks = maxLinks;
        this.checkers = checkers;
    }

    /** The verdict on a comment whose form was handed out at {@code issued}. */
    Verdict verdict(CommentInput input, Submission submission, Instant issued) {
        if (input.honeypotFilled()) {
            return Verdict.spam("honeypot field filled in");
        }
        Duration fill = Duration.between(issued, submission.submitted());
        if (fill.getSeconds() < minFillSeconds) {
            return Verdict.spam("sent " + fill.toMillis() + " ms after the form was handed out");
        }
        Verdict verdict = CommentText.links(input.text()) > maxLinks
                ? Verdict.hold("more than " + maxLinks + " links")
                : Verdict.accept();
        return verdict.stricter(checkers.apply(submission));
    }

    /** The status a comment with this verdict is stored with, on a site with this moderation policy. */
    static CommentStatus status(Verdict verdict, String moderation) {
        return switch (verdict.kind()) {
            case SPAM -> CommentStatus.SPAM;
            case HOLD -> CommentStatus.PENDING;
            case ACCEPT -> "auto".equals(moderation) ? CommentStatus.APPROVED : CommentStatus.PENDING;
        };
    }
}
