package dev.newsfeed.impl.archive;

import static dev.newsfeed.impl.content.ContentModel.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentNodes;
import dev.newsfeed.impl.content.Dates;
import dev.newsfeed.impl.content.SiteSettings;
import dev.newsfeed.impl.repository.Retry;
import org.apache.sling.api.resource.ModifiableValueMap;
import org.apache.sling.api.resource.PersistenceException;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceUtil;
import org.jetbrains.annotations.Nullable;

/**
 * Files articles by publish date: the archive's dated folders (year, month, day) and the drafts folder, where an
 * article belongs and moving it there. The index over these folders is {@link ArchiveIndexer}'s. Nothing here
 * commits except {@link #fileAll}: callers commit, and on a conflict revert and run the same step again (see
 * {@link Retry}).
 */
public final class ArchiveClerk {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    private static final Map<String, Object> FOLDER =
            Map.of("jcr:primaryType", "nt:unstructured", PN_RESOURCE_TYPE, RT_ARCHIVE);

    private ArchiveClerk() {}

    /** Where an article belongs: the day folder of its publish date in the site's zone, or the drafts folder. */
    public static String parentFor(SiteSettings site, @Nullable Instant published) {
        if (published == null) {
            return site.path() + "/" + NN_DRAFTS;
        }
        return site.archivePath() + "/" + Dates.dayPath(Dates.localDate(published, site.zone()));
    }

    /** The day an article path is filed under, or null when it is not in a day folder of the site. */
    public static @Nullable LocalDate dayOf(SiteSettings site, String path) {
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length < 3
                || !YEAR.matcher(parts[0]).matches()
                || !TWO_DIGITS.matcher(parts[1]).matches()
                || !TWO_DIGITS.matcher(parts[2]).matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The days a changed path concerns: its own day for a day folder or anything in one; every day of a changed
     * month or year folder; none for anything else.
     */
    public static Set<LocalDate> daysOf(SiteSettings site, String path) {
        Set<LocalDate> days = new LinkedHashSet<>();
        LocalDate day = dayOf(site, path);
        if (day != null) {
            days.add(day);
            return days;
        }
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return days;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        try {
            int year = Integer.parseInt(parts[0]);
            int firstMonth = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            int lastMonth = parts.length > 1 ? firstMonth : 12;
            for (int m = firstMonth; m <= lastMonth; m++) {
                YearMonth ym = YearMonth.of(year, m);
                for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                    days.add(ym.atDay(d));
                }
            }
        } catch (RuntimeException e) {
            // not an archive folder name: nothing of the index lives there
        }
        return days;
    }

    /** The folder for a parent path, created (with missing archive folders) when needed. */
    public static Resource folder(ResourceResolver resolver, SiteSettings site, String parentPath)
            throws PersistenceException {
        boolean pages = ContentNodes.pageMode(resolver, site);
        if (parentPath.equals(site.path() + "/" + NN_DRAFTS)) {
            if (pages) {
                return ArchivePages.folder(resolver, site.path(), NN_DRAFTS, "Drafts");
            }
            return ResourceUtil.getOrCreateResource(
                    resolver, parentPath, Map.of("jcr:primaryType", "sling:Folder"), null, false);
        }
        Resource current = pages
                ? ArchivePages.folder(resolver, site.path(), NN_ARTICLES, "Articles")
                : typed(ResourceUtil.getOrCreateResource(resolver, site.archivePath(), FOLDER, null, false));
        String rest = parentPath.substring(site.archivePath().length());
        StringBuilder title = new StringBuilder();
        for (String segment : rest.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            title.append(title.length() == 0 ? "" : "-").append(segment);
            if (pages) {
                current = ArchivePages.folder(resolver, current.getPath(), segment, title.toString());
                continue;
            }
            Resource child = current.getChild(segment);
            current = typed(child != null ? child : resolver.create(current, segment, FOLDER));
        }
        return current;
    }

    /** An archive folder made by someone else (POST servlet, WebDAV) gets our type, so the API serves it. */
    private static Resource typed(Resource folder) {
        if (!folder.isResourceType(RT_ARCHIVE)) {
            ModifiableValueMap props = ContentNodes.content(folder).adaptTo(ModifiableValueMap.class);
            if (props != null) {
                props.put(PN_RESOURCE_TYPE, RT_ARCHIVE);
            }
        }
        return folder;
    }

    /** Creates the archive root and the drafts folder of a site when they are missing (authors write below them). */
    public static void ensureFolders(ResourceResolver resolver, SiteSettings site) throws PersistenceException {
        folder(resolver, site, site.archivePath());
        folder(resolver, site, site.path() + "/" + NN_DRAFTS);
    }

    /** A child name of {@code parent} based on {@code wanted} that is not taken yet. */
    public static String freeName(Resource parent, String wanted) {
        if (parent.getChild(wanted) == null) {
            return wanted;
        }
        for (int i = 2; ; i++) {
            String candidate = wanted + "-" + i;
            if (parent.getChild(candidate) == null) {
                return candidate;
            }
        }
    }

    /**
     * Moves an article where its publish date files it, giving it (a page article: its content) {@code
     * mix:referenceable} if it lacks a stable id. Returns its path afterwards (unchanged when it was filed right).
     */
    public static String file(ResourceResolver resolver, SiteSettings site, Resource article)
            throws PersistenceException, RepositoryException {
        // a page article's stable id is on its jcr:content, which carries its fields (docs/aem.md)
        Node node = ContentNodes.content(article).adaptTo(Node.class);
        if (node != null && !node.isNodeType("mix:referenceable") && node.canAddMixin("mix:referenceable")) {
            node.addMixin("mix:referenceable");
        }
        Instant published = Article.from(article).published();
        String wantedParent = parentFor(site, published);
        Resource currentParent = article.getParent();
        Resource target = folder(resolver, site, wantedParent);
        if (currentParent != null && currentParent.getPath().equals(wantedParent)) {
            return article.getPath();
        }
        String name = freeName(target, article.getName());
        String destination = target.getPath() + "/" + name;
        Session session = Objects.requireNonNull(resolver.adaptTo(Session.class), "a JCR-backed resolver");
        session.move(article.getPath(), destination);
        if (currentParent != null) {
            removeEmptyFolders(resolver, site, currentParent.getPath());
        }
        return destination;
    }

    /** Removes the archive folders (day, month, year) at and above {@code path} that have no children left. */
    public static void removeEmptyFolders(ResourceResolver resolver, SiteSettings site, String path)
            throws PersistenceException {
        Resource folder = resolver.getResource(path);
        while (folder != null && isDatedFolder(site, folder.getPath()) && !ArchivePages.hasEntries(folder)) {
            Resource parent = folder.getParent();
            resolver.delete(folder);
            folder = parent;
        }
    }

    /** Whether a path is a year, month or day folder of the site's archive. */
    static boolean isDatedFolder(SiteSettings site, String path) {
        String prefix = site.archivePath() + "/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length > 3 || !YEAR.matcher(parts[0]).matches()) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!TWO_DIGITS.matcher(parts[i]).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Files misfiled articles and drafts with a publish date, committing once per month so a large archive never
     * builds one huge transaction.
     */
    static void fileAll(ResourceResolver resolver, SiteSettings site) throws PersistenceException, RepositoryException {
        ensureFolders(resolver, site);
        resolver.commit();
        Resource drafts = resolver.getResource(site.path() + "/" + NN_DRAFTS);
        if (drafts != null) {
            for (Resource draft : children(drafts)) {
                if (draft.isResourceType(RT_ARTICLE) && Article.from(draft).published() != null) {
                    file(resolver, site, draft);
                }
            }
            resolver.commit();
        }
        Resource archive = resolver.getResource(site.archivePath());
        if (archive == null) {
            return;
        }
        for (Resource year : datedChildren(site, archive)) {
            for (Resource month : datedChildren(site, year)) {
                for (Resource day : datedChildren(site, month)) {
                    for (Resource article : children(day)) {
                        if (article.isResourceType(RT_ARTICLE)) {
                            file(resolver, site, article);
                        }
                    }
                }
                resolver.commit();
            }
        }
    }

    /** The year, month or day folders below a folder (valid month numbers only). */
    static List<Resource> datedChildren(SiteSettings site, Resource parent) {
        List<Resource> list = new ArrayList<>();
        for (Resource child : parent.getChildren()) {
            if (isDatedFolder(site, child.getPath()) && validMonth(site, child)) {
                list.add(child);
            }
        }
        return list;
    }

    private static boolean validMonth(SiteSettings site, Resource folder) {
        String[] parts =
                folder.getPath().substring(site.archivePath().length() + 1).split("/");
        return parts.length != 2 || (Integer.parseInt(parts[1]) >= 1 && Integer.parseInt(parts[1]) <= 12);
    }

    /** A snapshot of the children, so the caller may move or delete them while iterating. */
    static List<Resource> children(Resource parent) {
        List<Resource> list = new ArrayList<>();
        parent.getChildren().forEach(list::add);
        return list;
    }
}
