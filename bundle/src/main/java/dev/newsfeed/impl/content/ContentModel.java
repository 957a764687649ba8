package dev.newsfeed.impl.content;

/** Resource types, node names and property names of the Newsfeed content model (API.md). */
public final class ContentModel {

    /** Where the sites live: every site is a child of this node. */
    public static final String CONTENT_ROOT = "/content/newsfeed";

    public static final String RT_SITE = "newsfeed/site";
    public static final String RT_ARCHIVE = "newsfeed/archive";
    public static final String RT_ARTICLE = "newsfeed/article";
    public static final String RT_COMMENT = "newsfeed/comment";

    /** The archive root below a site. */
    public static final String NN_ARTICLES = "articles";

    /** The folder of a site's articles without a publish date. */
    public static final String NN_DRAFTS = "drafts";

    public static final String PN_RESOURCE_TYPE = "sling:resourceType";
    public static final String PN_TITLE = "jcr:title";
    public static final String PN_UUID = "jcr:uuid";
    public static final String PN_CREATED = "jcr:created";
    public static final String PN_LAST_MODIFIED = "jcr:lastModified";

    // site
    public static final String PN_TIME_ZONE = "timeZone";
    public static final String PN_LOCALE = "locale";
    public static final String PN_FIRST_DAY_OF_WEEK = "firstDayOfWeek";
    public static final String PN_REUSE_POLICY = "reusePolicy";
    public static final String PN_COMMENTS_OPEN_DAYS = "commentsOpenDays";
    public static final String PN_MODERATION = "moderation";

    // article
    public static final String PN_LEAD = "lead";
    public static final String PN_BODY = "body";
    public static final String PN_AUTHOR = "author";
    public static final String PN_PUBLISHED = "published";
    public static final String PN_TAGS = "tags";
    public static final String PN_COMMENTS_OPEN = "commentsOpen";

    private ContentModel() {}
}
