package dev.newsfeed.impl.servlets;

import dev.newsfeed.impl.comments.CommentStore;
import dev.newsfeed.impl.content.SiteSettings;
import org.apache.sling.api.SlingHttpServletRequest;

/**
 * What the signed-in user may do on a site, as the repository's permissions say: write articles (members of
 * newsfeed-authors), moderate comments (newsfeed-moderators: they read the private comment store), change the site's
 * settings (whoever may change the site node: administrators).
 */
record Roles(String user, boolean author, boolean moderator, boolean siteAdmin) {

    static final String CONSOLE_USERS =
            "a member of newsfeed-authors or newsfeed-moderators, or an administrator of" + " the site";
    static final String SITE_ADMINS = "an administrator of the site";

    static Roles of(SlingHttpServletRequest request, SiteSettings site) {
        return new Roles(
                request.getResourceResolver().getUserID(),
                WriteAccess.may(request, authorProbe(site), "add_node,set_property"),
                WriteAccess.may(request, CommentStore.ROOT, "read"),
                WriteAccess.may(request, site.path(), "set_property"));
    }

    /** The path whose permissions say whether the user may write articles of the site. */
    static String authorProbe(SiteSettings site) {
        return site.archivePath() + "/new-article";
    }

    /** Whether the console has anything for the user. */
    boolean any() {
        return author || moderator || siteAdmin;
    }
}
