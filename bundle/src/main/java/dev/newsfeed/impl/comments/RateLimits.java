package dev.newsfeed.impl.comments;

/**
 * How many comments a client and an article may take: one {@link TokenBuckets} per client and one per article, both
 * asked for every submission.
 */
final class RateLimits {

    private final TokenBuckets clients;
    private final TokenBuckets articles;

    RateLimits(CommentConfig config) {
        this.clients = new TokenBuckets(config.client_burst(), config.client_per_minute());
        this.articles = new TokenBuckets(config.article_burst(), config.article_per_minute());
    }

    /** 0 when the client and the article may send another comment, else seconds to wait. */
    long take(String client, String articleId, long nanoTime) {
        long wait = clients.take(client, nanoTime);
        return wait > 0 ? wait : articles.take(articleId, nanoTime);
    }
}
