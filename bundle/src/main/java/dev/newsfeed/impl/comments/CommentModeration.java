package dev.newsfeed.impl.comments;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.RepositoryException;

import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Moves comments to another status for a moderator, as the comments service user, and journals each change on disk
 * before the moderator is told (as submissions are): TarMK keeps its head revision in memory for a few seconds, and
 * an approval answered 200 must survive a JVM killed meanwhile.
 */
@Component(service = CommentModeration.class)
public final class CommentModeration {

    @Reference
    private CommentServiceUser serviceUser;

    @Reference
    private JournalKeeper journal;

    /**
     * What a moderation did: per id its status after the change ({@code not-found} when there is no such comment),
     * whether any was found, and the counts of every status afterwards.
     */
    public record Result(List<Map<String, String>> results, boolean anyFound, Map<String, Long> counts) {}

    /** Moves every comment of {@code ids} to {@code target}. */
    public Result moderate(SiteSettings site, List<String> ids, CommentStatus target, String moderator, Instant now)
            throws LoginException, RepositoryException, IOException {
        List<Map<String, String>> results = new ArrayList<>();
        boolean anyFound = false;
        try (ResourceResolver resolver = serviceUser.open()) {
            for (String id : ids) {
                CommentRecord after = moderate(resolver, site, id, target, moderator, now);
                Map<String, String> result = new LinkedHashMap<>();
                result.put("id", id);
                result.put(
                        "status", after == null ? "not-found" : after.status().key());
                results.add(result);
                anyFound |= after != null;
            }
            return new Result(results, anyFound, anyFound ? CommentStore.counts(resolver, site) : Map.of());
        }
    }

    /** Moves one comment and journals the change; the comment after it, or null when there is none. */
    private @Nullable CommentRecord moderate(
            ResourceResolver resolver,
            SiteSettings site,
            String id,
            CommentStatus target,
            String moderator,
            Instant now)
            throws PersistenceException, RepositoryException, IOException {
        CommentStore.Moderated moderated =
                Retry.commit(resolver, r -> CommentStore.moderate(r, site, id, target, moderator, now));
        if (moderated == null) {
            return null;
        }
        if (moderated.from() != moderated.after().status()) {
            journal.moderation(site, moderated.from(), moderated.after(), moderator, now);
        }
        return moderated.after();
    }
}
