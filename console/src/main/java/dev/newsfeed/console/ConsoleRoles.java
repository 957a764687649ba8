package dev.newsfeed.console;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.sling.api.SlingHttpServletRequest;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * What the signed-in user may do on a site, as the repository's permissions say (the same probes as the core
 * bundle's endpoints): write articles (members of newsfeed-authors), moderate comments (newsfeed-moderators: they read
 * the private comment store), change the site's settings (whoever may change the site node: administrators).
 */
record ConsoleRoles(String user, boolean author, boolean moderator, boolean siteAdmin) {

    /** The private comment store, which moderators may read. */
    static final String COMMENT_STORE = "/var/newsfeed/comments";

    /** The user's roles on the site, or null for an anonymous user. */
    static @Nullable ConsoleRoles of(SlingHttpServletRequest request, ConsoleSite site) {
        ResourceResolver resolver = request.getResourceResolver();
        String user = resolver.getUserID();
        if (user == null || "anonymous".equals(user)) {
            return null;
        }
        Session session = resolver.adaptTo(Session.class);
        return new ConsoleRoles(
                user,
                may(session, site.archivePath() + "/new-article", "add_node,set_property"),
                may(session, COMMENT_STORE, "read"),
                may(session, site.path(), "set_property"));
    }

    /** Whether the session may perform the JCR actions on the path (which need not exist). */
    static boolean may(@Nullable Session session, String path, String actions) {
        try {
            return session != null && session.hasPermission(path, actions);
        } catch (RepositoryException e) {
            return false; // treated as no permission
        }
    }

    /** Whether the console has anything for the user. */
    boolean any() {
        return author || moderator || siteAdmin;
    }
}
