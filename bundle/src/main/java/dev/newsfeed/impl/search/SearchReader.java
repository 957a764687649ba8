package dev.newsfeed.impl.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;
import javax.jcr.query.Row;
import javax.jcr.query.RowIterator;

import dev.newsfeed.impl.content.Article;
import dev.newsfeed.impl.content.ContentModel;
import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;

/**
 * Runs the search query with the reader's session. Oak's Lucene index ranks by score; it cannot break ties by date
 * (an {@code ORDER BY [jcr:score], [published]} would sort by date alone), so the reader reads the hits in Oak's
 * order up to the page's end and on through the hits that tie with the last one, then orders them by score, newer
 * first, greater id first: every page is a slice of one total order.
 */
public final class SearchReader {

    /** The index that answers the search, and the tag that selects it. */
    public static final String INDEX = "newsfeedSearch-custom-1";

    public static final String INDEX_TAG = "newsfeedSearch";

    /** Hits read beyond the page's end while they tie with its last one, at most. */
    private static final int TIE_SLACK = 200;

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A published article that matched, with its score. */
    public record Hit(Article article, double score) {}

    private static final Comparator<Hit> ORDER = Comparator.comparingDouble(Hit::score)
            .reversed()
            .thenComparing(h -> h.article().published(), Comparator.reverseOrder())
            .thenComparing(h -> h.article().id(), Comparator.reverseOrder());

    private SearchReader() {}

    /**
     * The site's published articles (at {@code now}) that contain every term, best first. A statement of values that
     * are escaped (the path and the terms as SQL literals) and a tag that lets only the search index answer it.
     */
    public static String statement(String sitePath, SearchTerms terms, Instant now) {
        return "SELECT [jcr:path], [jcr:score] FROM [nt:unstructured] AS a WHERE ISDESCENDANTNODE(a, "
                + literal(sitePath + "/" + ContentModel.NN_ARTICLES) + ")"
                + " AND a.[sling:resourceType] = " + literal(ContentModel.RT_ARTICLE)
                + " AND a.[published] <= CAST('" + ISO_MILLIS.format(now) + "' AS DATE)"
                + " AND CONTAINS(a.*, " + literal(terms.fulltext()) + ")"
                + " ORDER BY [jcr:score] DESC OPTION(INDEX TAG " + INDEX_TAG + ")";
    }

    /**
     * The first {@code need} hits of the total order (fewer when there are fewer), ordered.
     */
    public static List<Hit> read(ResourceResolver resolver, String statement, int need, Instant now)
            throws RepositoryException {
        Query query = queries(resolver).createQuery(statement, Query.JCR_SQL2);
        query.setLimit((long) need + TIE_SLACK);
        List<Hit> hits = new ArrayList<>(need);
        double boundary = Double.NaN;
        for (RowIterator rows = query.execute().getRows(); rows.hasNext(); ) {
            Row row = rows.nextRow();
            double score = score(row);
            if (hits.size() >= need && !(score >= boundary)) {
                break;
            }
            Resource resource = resolver.getResource(row.getPath());
            if (resource == null || !resource.isResourceType(ContentModel.RT_ARTICLE)) {
                continue;
            }
            Article article = Article.summary(resource);
            if (article.published() == null || article.published().isAfter(now)) {
                continue;
            }
            hits.add(new Hit(article, score));
            if (hits.size() == need) {
                boundary = score;
            }
        }
        hits.sort(ORDER);
        return hits.size() > need ? new ArrayList<>(hits.subList(0, need)) : hits;
    }

    /** The row's {@code jcr:score} column (Oak's {@code Row.getScore()} answers a constant). */
    private static double score(Row row) throws RepositoryException {
        Value value = row.getValue("jcr:score");
        return value == null ? 0 : value.getDouble();
    }

    /** Oak's plan for the statement: which index answers it. */
    public static String explain(ResourceResolver resolver, String statement) throws RepositoryException {
        RowIterator rows = queries(resolver)
                .createQuery("EXPLAIN " + statement, Query.JCR_SQL2)
                .execute()
                .getRows();
        return rows.hasNext() ? rows.nextRow().getValue("plan").getString() : "";
    }

    /** Whether an Oak plan answers from the search index (not by traversing). */
    public static boolean usesIndex(String plan) {
        return plan.contains("lucene:" + INDEX.substring(0, INDEX.lastIndexOf('-') + 1)) && !plan.contains("traverse");
    }

    private static QueryManager queries(ResourceResolver resolver) throws RepositoryException {
        return resolver.adaptTo(Session.class).getWorkspace().getQueryManager();
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
