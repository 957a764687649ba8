package dev.newsfeed.impl.comments;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of reader comments (PID {@value #PID}): limits, anti-abuse settings and the count checks. Every
 * comment component that reads it names this PID as its {@code configurationPid}, so one configuration drives them
 * all, as it did when they were one service.
 */
@ObjectClassDefinition(name = "Newsfeed comments", description = "Limits and anti-abuse settings for reader comments.")
public @interface CommentConfig {

    /** The PID every comment component reads (the name of the one service they were split from). */
    String PID = "dev.newsfeed.impl.comments.CommentService";

    @AttributeDefinition(name = "Maximum body", description = "Largest accepted submission in bytes (413 beyond).")
    int max_body_bytes() default 65_536;

    @AttributeDefinition(name = "Client burst", description = "Submissions one client may send at once.")
    int client_burst() default 5;

    @AttributeDefinition(name = "Client rate", description = "Submissions one client gains per minute.")
    double client_per_minute() default 3;

    @AttributeDefinition(name = "Article burst", description = "Submissions one article takes at once.")
    int article_burst() default 30;

    @AttributeDefinition(name = "Article rate", description = "Submissions one article gains per minute.")
    double article_per_minute() default 30;

    @AttributeDefinition(
            name = "Maximum links",
            description = "A comment with more links is held for a moderator even where comments are approved"
                    + " automatically.")
    int max_links() default 2;

    @AttributeDefinition(
            name = "Minimum fill time",
            description = "Seconds between handing out the form token and a submission; faster ones are stored"
                    + " as spam (bots), answered like any other.")
    int min_fill_seconds() default 3;

    @AttributeDefinition(name = "Token lifetime", description = "Seconds a form token stays valid.")
    long token_max_age_seconds() default 604_800;

    @AttributeDefinition(name = "Reply depth", description = "Deepest reply level (1 = no replies to replies).")
    int max_depth() default 3;

    @AttributeDefinition(
            name = "Trusted proxies",
            description = "Addresses or CIDR ranges of reverse proxies whose forwarded header is believed."
                    + " Empty (default): the connection's address is the client, whatever headers say.")
    String[] trusted_proxies() default {};

    @AttributeDefinition(name = "Forwarded header", description = "Header naming the client behind a trusted proxy.")
    String forwarded_header() default "X-Forwarded-For";

    @AttributeDefinition(
            name = "Count check",
            description = "Seconds between comparisons of the comment counts with the stored comments (5 while"
                    + " a count differs). The first runs right after the journal replay at start.")
    int counts_check_seconds() default 60;

    @AttributeDefinition(
            name = "Count settle",
            description = "Seconds a count must differ, unchanged, after it was refolded before the difference"
                    + " is added to it (longer than Oak's counter consolidation retries, 32 s).")
    int counts_settle_seconds() default 40;
}
