package dev.newsfeed.impl.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import dev.newsfeed.impl.content.Article;
import org.jetbrains.annotations.Nullable;

/**
 * What readers can see of an article, as the change registry remembers it: where it is, when it is published, and a
 * hash of its content (so an edit through any route, with or without jcr:lastModified, is noticed).
 */
public record RegisteredArticle(String id, String path, @Nullable Long published, String hash) {

    public static RegisteredArticle of(Article article) {
        return new RegisteredArticle(
                article.id(),
                article.path(),
                article.published() == null ? null : article.published().toEpochMilli(),
                hash(article));
    }

    public boolean visibleAt(Instant now) {
        return published != null && published <= now.toEpochMilli();
    }

    static String hash(Article a) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Object part :
                    new Object[] {a.title(), a.lead(), a.body(), a.author(), a.tags(), a.published(), a.commentsOpen()
                    }) {
                sha.update(Objects.toString(part, "\u0000").getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0x1f);
            }
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(sha.digest())
                    .substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
