package dev.newsfeed.impl.comments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import dev.newsfeed.api.Verdict;
import org.junit.jupiter.api.Test;

/** Where a new comment goes: bots to spam, many links to a moderator, then the checkers, then the site's policy. */
class SpamPolicyTest {

    private static final Instant ISSUED = Instant.parse("2022-01-10T10:00:00Z");

    @Test
    void storesAFilledHoneypotAsSpamWithoutAskingTheCheckers() {
        SpamPolicy policy = new SpamPolicy(3, 2, s -> {
            throw new AssertionError("not asked");
        });
        assertEquals(
                Verdict.spam("honeypot field filled in"),
                policy.verdict(input("hello", true), submission(ISSUED.plusSeconds(60)), ISSUED));
    }

    @Test
    void storesASubmissionFasterThanTheMinimumFillTimeAsSpam() {
        SpamPolicy policy = new SpamPolicy(3, 2, s -> Verdict.accept());
        assertEquals(
                Verdict.spam("sent 2500 ms after the form was handed out"),
                policy.verdict(input("hello", false), submission(ISSUED.plusMillis(2_500)), ISSUED));
        assertEquals(
                Verdict.accept(), policy.verdict(input("hello", false), submission(ISSUED.plusSeconds(3)), ISSUED));
    }

    @Test
    void holdsMoreLinksThanAllowedUnlessACheckerIsStricter() {
        String text = "see https://a.example https://b.example https://c.example";
        assertEquals(
                Verdict.hold("more than 2 links"),
                new SpamPolicy(0, 2, s -> Verdict.accept()).verdict(input(text, false), submission(ISSUED), ISSUED));
        assertEquals(
                Verdict.spam("listed"),
                new SpamPolicy(0, 2, s -> Verdict.spam("listed"))
                        .verdict(input(text, false), submission(ISSUED), ISSUED));
        assertEquals(
                Verdict.accept(),
                new SpamPolicy(0, 3, s -> Verdict.accept()).verdict(input(text, false), submission(ISSUED), ISSUED));
    }

    @Test
    void approvesAnAcceptedCommentOnlyWhereTheSiteApprovesAutomatically() {
        assertEquals(CommentStatus.APPROVED, SpamPolicy.status(Verdict.accept(), "auto"));
        assertEquals(CommentStatus.PENDING, SpamPolicy.status(Verdict.accept(), "manual"));
        assertEquals(CommentStatus.PENDING, SpamPolicy.status(Verdict.hold("links"), "auto"));
        assertEquals(CommentStatus.SPAM, SpamPolicy.status(Verdict.spam("bot"), "auto"));
    }

    private static CommentInput input(String text, boolean honeypot) {
        return new CommentInput("Anna", "anna@example.am", null, text, null, "token", honeypot);
    }

    private static Submission submission(Instant at) {
        return new Submission(
                "/content/newsfeed/day/a", "A", "Anna", "anna@example.am", null, "hello", null, "hash", "curl", at);
    }
}
