package dev.newsfeed.impl.models;

import java.time.Instant;
import java.util.List;

import javax.annotation.PostConstruct;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsfeed.api.CommentListModel;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.comments.Threads;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.PublicationStatus;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.CommentDocument;
import dev.newsfeed.impl.dto.CommentsPage;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.models.annotations.Model;
import org.apache.sling.models.annotations.injectorspecific.SlingObject;
import org.jetbrains.annotations.Nullable;

/**
 * The first page of an article's approved comments as a Sling Model, built by {@link Threads#page} from the article's
 * public thread, as {@code {article}.comments.json} is (without its paging link and form).
 */
@Model(
        adaptables = {SlingHttpServletRequest.class, Resource.class},
        adapters = CommentListModel.class)
public final class CommentListModelImpl implements CommentListModel {

    /** Threads on the first page, as the listing's default {@code limit}. */
    static final int FIRST_PAGE = 20;

    @SlingObject
    private Resource resource;

    private CommentsPage page;

    @PostConstruct
    void init() {
        SiteSettings site = ModelContext.site(resource);
        Article article = Article.from(resource);
        Instant now = Instant.now();
        var resolver = resource.getResourceResolver();
        if (article.state(now) != PublicationStatus.PUBLISHED) {
            page = new CommentsPage(0, false, List.of(), null, null);
            return;
        }
        Threads.Page threads =
                Threads.page(CommentStore.thread(resolver, site, article.id()), null, FIRST_PAGE, site.zone());
        page = new CommentsPage(
                CommentStore.threadState(resolver, site, article.id()).approved(),
                Documents.commentsOpen(article, site, now),
                threads.items(),
                null,
                null);
    }

    /** The listing's count, open flag and first page of threads. */
    @JsonValue
    public CommentsPage document() {
        return page;
    }

    @Override
    public long getCount() {
        return page.count();
    }

    @Override
    public boolean isOpen() {
        return page.open();
    }

    @Override
    public List<Comment> getComments() {
        return page.items().stream().map(c -> (Comment) new Approved(c)).toList();
    }

    private record Approved(CommentDocument c) implements Comment {
        @Override
        public String getId() {
            return c.id();
        }

        @Override
        public String getAuthor() {
            return c.author();
        }

        @Override
        public @Nullable String getUrl() {
            return c.url();
        }

        @Override
        public String getPublished() {
            return c.published();
        }

        @Override
        public String getText() {
            return c.text();
        }

        @Override
        public List<Comment> getReplies() {
            return c.replies() == null
                    ? List.of()
                    : c.replies().stream().map(r -> (Comment) new Approved(r)).toList();
        }
    }
}
