package dev.newsfeed.impl.models;

import java.time.Instant;
import java.util.List;

import javax.annotation.PostConstruct;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsfeed.api.ArticleModel;
import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import dev.newsfeed.impl.content.Documents;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.dto.ArticleDocument;
import dev.newsfeed.impl.http.PublicApiSettings;
import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.models.annotations.Exporter;
import org.apache.sling.models.annotations.Model;
import org.apache.sling.models.annotations.injectorspecific.InjectionStrategy;
import org.apache.sling.models.annotations.injectorspecific.OSGiService;
import org.apache.sling.models.annotations.injectorspecific.SlingObject;
import org.jetbrains.annotations.Nullable;

/**
 * The article document of {@code {article}.json} as a Sling Model: built by {@link Documents#article} from the same
 * {@link Article} and comment count as {@code ArticleView}, and exported as exactly that document.
 */
@Model(
        adaptables = {SlingHttpServletRequest.class, Resource.class},
        adapters = ArticleModel.class,
        resourceType = ContentModel.RT_ARTICLE)
@Exporter(name = "jackson", extensions = "json")
public final class ArticleModelImpl implements ArticleModel {

    @SlingObject
    private Resource resource;

    @SlingObject(injectionStrategy = InjectionStrategy.OPTIONAL)
    private @Nullable SlingHttpServletRequest request;

    @OSGiService
    private PublicApiSettings settings;

    private ArticleDocument document;

    @PostConstruct
    void init() {
        SiteSettings site = ModelContext.site(resource);
        Article article = Article.from(resource);
        long approved = CommentStore.threadState(resource.getResourceResolver(), site, article.id())
                .approved();
        document = Documents.article(article, site, ModelContext.base(settings, request), approved, Instant.now());
    }

    /** What the Jackson exporter writes: the document itself, not this model's getters. */
    @JsonValue
    public ArticleDocument document() {
        return document;
    }

    @Override
    public String getId() {
        return document.id();
    }

    @Override
    public String getPath() {
        return document.path();
    }

    @Override
    public String getUrl() {
        return document.url();
    }

    @Override
    public String getTitle() {
        return document.title();
    }

    @Override
    public @Nullable String getLead() {
        return document.lead();
    }

    @Override
    public String getBody() {
        return document.body();
    }

    @Override
    public @Nullable String getAuthor() {
        return document.author();
    }

    @Override
    public @Nullable String getPublished() {
        return document.published();
    }

    @Override
    public @Nullable String getModified() {
        return document.modified();
    }

    @Override
    public List<String> getTags() {
        return document.tags();
    }

    @Override
    public @Nullable String getReusePolicy() {
        return document.reuse().policy();
    }

    @Override
    public long getCommentCount() {
        return document.comments().count();
    }

    @Override
    public boolean isCommentsOpen() {
        return document.comments().open();
    }

    @Override
    public String getCommentsUrl() {
        return document.comments().href();
    }
}
