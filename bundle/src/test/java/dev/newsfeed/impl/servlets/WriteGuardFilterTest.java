package dev.newsfeed.impl.servlets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.junit.jupiter.api.Test;

class WriteGuardFilterTest {

    @Test
    void refusesAnonymousWritesWhereTheRepositoryAllowsNone() throws Exception {
        assertEquals(401, WriteGuardFilter.status(session("anonymous", false), "/content/x.json"));
    }

    @Test
    void refusesOtherUsersWithoutAnyWritePrivilegeWith403() throws Exception {
        assertEquals(403, WriteGuardFilter.status(session("it-reader", false), "/content/x.json"));
    }

    @Test
    void passesUsersWithAWritePrivilegeOn() throws Exception {
        Session session = session("it-author", false);
        when(session.hasPermission(eq("/content/x"), eq(Session.ACTION_SET_PROPERTY)))
                .thenReturn(true);
        assertEquals(0, WriteGuardFilter.status(session, "/content/x"));
        assertEquals(0, WriteGuardFilter.status(null, "/content/x"));
        Session broken = session("x", false);
        when(broken.hasPermission(anyString(), anyString())).thenThrow(new RepositoryException("bad path"));
        assertEquals(0, WriteGuardFilter.status(broken, "/content/x"));
    }

    @Test
    void looksOnlyAtRequestsForSlingsPostServlet() {
        assertFalse(WriteGuardFilter.isPostServlet(null));
        assertFalse(WriteGuardFilter.isPostServlet(new CommentSubmitServlet()));
    }

    @Test
    void leavesNewsfeedEndpointsToNewsfeed() {
        assertTrue(WriteGuardFilter.isNewsfeedEndpoint(new String[] {"comments"}));
        assertTrue(WriteGuardFilter.isNewsfeedEndpoint(new String[] {"delete"}));
        assertFalse(WriteGuardFilter.isNewsfeedEndpoint(new String[] {"infinity"}));
        assertFalse(WriteGuardFilter.isNewsfeedEndpoint(new String[0]));
    }

    private static Session session(String user, boolean allowed) throws Exception {
        Session session = mock(Session.class);
        when(session.getUserID()).thenReturn(user);
        when(session.hasPermission(anyString(), anyString())).thenReturn(allowed);
        return session;
    }
}
