package dev.newsfeed.impl.authoring;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.archive.ArchiveClerk;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.html.HtmlSanitizer;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/** Writes an author's input into an article node and files it by its publish date. Does not commit. */
public final class ArticleWriter {

    private ArticleWriter() {}

    /** Creates the article where its publish date files it; its path. */
    public static String create(
            ResourceResolver resolver, SiteSettings site, ArticleInput input, String user, Instant now)
            throws PersistenceException, RepositoryException {
        Resource parent = ArchiveClerk.folder(resolver, site, ArchiveClerk.parentFor(site, input.published()));
        String wanted = input.slug() != null ? input.slug() : ArticleInput.slugify(input.title());
        String name = ArchiveClerk.freeName(parent, wanted);
        if (ContentNodes.pageMode(resolver, site)) {
            // a site of AEM pages gets page articles (docs/aem.md): the fields and the id on jcr:content
            Resource page = resolver.create(parent, name, Map.of(ContentNodes.PN_PRIMARY_TYPE, ContentNodes.NT_PAGE));
            Map<String, Object> content = new HashMap<>();
            content.put(ContentNodes.PN_PRIMARY_TYPE, ContentNodes.NT_PAGE_CONTENT);
            content.put("jcr:mixinTypes", new String[] {"mix:referenceable"});
            content.put(PN_RESOURCE_TYPE, RT_ARTICLE);
            resolver.create(page, ContentNodes.NN_CONTENT, content);
            apply(ContentNodes.content(page), input, user, now);
            return page.getPath();
        }
        Map<String, Object> props = new HashMap<>();
        props.put("jcr:primaryType", "nt:unstructured");
        props.put("jcr:mixinTypes", new String[] {"mix:referenceable"});
        props.put(PN_RESOURCE_TYPE, RT_ARTICLE);
        props.put(PN_CREATED, Dates.calendar(now));
        props.put("jcr:createdBy", user);
        Resource article = resolver.create(parent, name, props);
        apply(article, input, user, now);
        return article.getPath();
    }

    /** Applies the fields present in the input; moves the article when its publish date files it elsewhere. */
    public static String update(
            ResourceResolver resolver,
            SiteSettings site,
            Resource article,
            ArticleInput input,
            String user,
            Instant now)
            throws PersistenceException, RepositoryException {
        apply(ContentNodes.content(article), input, user, now);
        String wantedParent = ArchiveClerk.parentFor(
                site, input.has(ArticleInput.PUBLISHED) ? input.published() : published(article));
        Resource parent = article.getParent();
        if (parent == null || parent.getPath().equals(wantedParent)) {
            return article.getPath();
        }
        Resource target = ArchiveClerk.folder(resolver, site, wantedParent);
        String destination = target.getPath() + "/" + ArchiveClerk.freeName(target, article.getName());
        Objects.requireNonNull(resolver.adaptTo(Session.class)).move(article.getPath(), destination);
        ArchiveClerk.removeEmptyFolders(resolver, site, parent.getPath());
        return destination;
    }

    public static void delete(ResourceResolver resolver, SiteSettings site, Resource article)
            throws PersistenceException {
        Resource parent = article.getParent();
        resolver.delete(article);
        if (parent != null) {
            ArchiveClerk.removeEmptyFolders(resolver, site, parent.getPath());
        }
    }

    /** Writes the input to the node that holds the article's fields (a page's jcr:content). */
    private static void apply(Resource article, ArticleInput input, String user, Instant now) {
        ModifiableValueMap props =
                Objects.requireNonNull(article.adaptTo(ModifiableValueMap.class), "a modifiable article");
        setText(props, input, ArticleInput.TITLE, PN_TITLE, input.title());
        setText(props, input, ArticleInput.LEAD, PN_LEAD, input.lead());
        setText(
                props,
                input,
                ArticleInput.BODY,
                PN_BODY,
                input.body() == null ? null : HtmlSanitizer.article(input.body()));
        setText(props, input, ArticleInput.AUTHOR, PN_AUTHOR, input.author());
        if (input.has(ArticleInput.TAGS)) {
            props.put(PN_TAGS, input.tags().toArray(new String[0]));
        }
        if (input.has(ArticleInput.COMMENTS_OPEN) && input.commentsOpen() != null) {
            props.put(PN_COMMENTS_OPEN, input.commentsOpen());
        }
        if (input.has(ArticleInput.PUBLISHED)) {
            if (input.published() == null) {
                props.remove(PN_PUBLISHED);
            } else {
                props.put(PN_PUBLISHED, Dates.calendar(input.published()));
            }
        }
        props.put(PN_LAST_MODIFIED, Dates.calendar(now));
        props.put("jcr:lastModifiedBy", user);
        if (ContentNodes.NN_CONTENT.equals(article.getName())) {
            // what AEM's Sites console shows as "Modified"
            props.put(ContentNodes.PN_PAGE_LAST_MODIFIED, Dates.calendar(now));
            props.put("cq:lastModifiedBy", user);
        }
    }

    private static void setText(
            ModifiableValueMap props, ArticleInput input, String field, String property, @Nullable String value) {
        if (!input.has(field)) {
            return;
        }
        if (value == null || value.isEmpty()) {
            props.remove(property);
        } else {
            props.put(property, value);
        }
    }

    private static @Nullable Instant published(Resource article) {
        Calendar value = ContentNodes.properties(article).get(PN_PUBLISHED, Calendar.class);
        return value == null ? null : value.toInstant();
    }
}
