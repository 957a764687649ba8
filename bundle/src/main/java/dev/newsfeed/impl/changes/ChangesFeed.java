package dev.newsfeed.impl.changes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ChangesPage;
import dev.newsfeed.impl.dto.Problem;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads the changes feed: what changed for readers after a token, oldest first, and the token to continue from.
 * Without a token: no changes and a token for "now". A token older than the kept history is expired. Entries of the
 * last few seconds before the token are repeated (instances' clocks and commits are not in lock-step); their entry
 * ids let a client skip what it has seen.
 */
@Component(service = ChangesFeed.class)
public final class ChangesFeed {

    static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    /** What a request for changes gets. */
    public sealed interface Outcome permits Invalid, Expired, Page {}

    /** The parameters are not valid. */
    public record Invalid(List<Problem.FieldError> errors) implements Outcome {}

    /** The token is older than the kept history, which starts at {@code oldestKept}. */
    public record Expired(LocalDate oldestKept) implements Outcome {}

    /** A page of changes. */
    public record Page(ChangesPage page) implements Outcome {}

    @Reference
    private ChangeHistory history;

    /** The changes after {@code since} (a token this feed gave out, or null for "now"), at most {@code limit}. */
    public Outcome read(
            ResourceResolver resolver,
            SiteSettings site,
            @Nullable String since,
            @Nullable String limit,
            String baseUrl,
            Instant now) {
        return read(resolver, site, since, limit, baseUrl, now, history.retentionDays());
    }

    static Outcome read(
            ResourceResolver resolver,
            SiteSettings site,
            @Nullable String since,
            @Nullable String limit,
            String baseUrl,
            Instant now,
            int retentionDays) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int max = parseLimit(limit, errors);
        ChangesToken token = since == null ? null : ChangesToken.decode(since);
        if (since != null && token == null) {
            errors.add(new Problem.FieldError("since", "is not a token this API gave out"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        if (token == null) {
            return new Page(new ChangesPage(
                    List.of(), new ChangesToken(ChangeLog.entryAt(now.minus(OVERLAP))).encode(), false));
        }
        LocalDate oldestKept = now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(retentionDays);
        if (token.time().isBefore(oldestKept.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return new Expired(oldestKept);
        }
        String from = ChangeLog.entryAt(token.time().minus(OVERLAP));
        return new Page(page(ChangeLog.read(resolver, site, from, max + 1), max, token.entry(), site, baseUrl));
    }

    /** The limit parameter, or the default; -1 (and an error) when it is not a number in range. */
    private static int parseLimit(@Nullable String param, List<Problem.FieldError> errors) {
        if (param == null) {
            return DEFAULT_LIMIT;
        }
        int limit;
        try {
            limit = Integer.parseInt(param.trim());
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        return limit;
    }

    private static ChangesPage page(
            List<Map<String, Object>> entries, int limit, String after, SiteSettings site, String baseUrl) {
        boolean more = entries.size() > limit;
        List<ChangesPage.Item> items = new ArrayList<>();
        String last = after;
        for (Map<String, Object> e : more ? entries.subList(0, limit) : entries) {
            String path = (String) e.get("path");
            Object comments = e.get("comments");
            items.add(new ChangesPage.Item(
                    (String) e.get("entry"),
                    (String) e.get("type"),
                    (String) e.get("id"),
                    path,
                    path == null ? null : baseUrl + path,
                    comments instanceof Number n ? n.longValue() : null,
                    Dates.format(Instant.ofEpochMilli(((Number) e.get("at")).longValue()), site.zone())));
            last = ((String) e.get("entry")).compareTo(last) > 0 ? (String) e.get("entry") : last;
        }
        return new ChangesPage(items, new ChangesToken(last).encode(), more);
    }
}
