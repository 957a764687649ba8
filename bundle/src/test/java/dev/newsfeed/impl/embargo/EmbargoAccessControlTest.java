package dev.newsfeed.impl.embargo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.Principal;
import java.util.List;

import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.Privilege;

import org.junit.jupiter.api.Test;

class EmbargoAccessControlTest {

    private static final Principal EVERYONE = () -> "everyone";

    @Test
    void putsTheEmbargoAfterEveryoneAndBeforeEveryOtherPrincipal() {
        AccessControlEntry everyoneAllow = entry("everyone", "allow read");
        AccessControlEntry authors = entry("newsfeed-authors", "allow read,write");
        AccessControlEntry lateEveryoneAllow = entry("everyone", "allow read (added later by a repoinit)");
        AccessControlEntry service = entry("newsfeed-service", "allow read");
        AccessControlEntry embargo = entry("everyone", "deny read newsfeedEmbargo");
        List<AccessControlEntry> current = List.of(everyoneAllow, authors, embargo, lateEveryoneAllow, service);
        assertEquals(
                List.of(everyoneAllow, lateEveryoneAllow, embargo, authors, service),
                EmbargoAccessControl.order(current, embargo, EVERYONE));
    }

    @Test
    void leavesAListInOrderAsItIs() {
        AccessControlEntry everyoneAllow = entry("everyone", "allow read");
        AccessControlEntry embargo = entry("everyone", "deny read newsfeedEmbargo");
        AccessControlEntry authors = entry("newsfeed-authors", "allow read,write");
        List<AccessControlEntry> current = List.of(everyoneAllow, embargo, authors);
        assertEquals(current, EmbargoAccessControl.order(current, embargo, EVERYONE));
    }

    @Test
    void leavesTheListAloneWhileOakDoesNotKnowTheRestriction() throws Exception {
        javax.jcr.Session session = org.mockito.Mockito.mock(javax.jcr.Session.class);
        javax.jcr.security.AccessControlManager acm =
                org.mockito.Mockito.mock(javax.jcr.security.AccessControlManager.class);
        org.apache.jackrabbit.api.security.JackrabbitAccessControlList acl =
                org.mockito.Mockito.mock(org.apache.jackrabbit.api.security.JackrabbitAccessControlList.class);
        javax.jcr.security.AccessControlPolicyIterator none =
                org.mockito.Mockito.mock(javax.jcr.security.AccessControlPolicyIterator.class);
        org.mockito.Mockito.when(session.getAccessControlManager()).thenReturn(acm);
        org.mockito.Mockito.when(acm.getApplicablePolicies("/content/newsfeed")).thenReturn(none);
        org.mockito.Mockito.when(acm.getPolicies("/content/newsfeed"))
                .thenReturn(new javax.jcr.security.AccessControlPolicy[] {acl});
        // a bundle update: Oak reads the list before the restriction provider is bound again
        org.mockito.Mockito.when(acl.getRestrictionNames()).thenReturn(new String[] {"rep:glob"});
        org.junit.jupiter.api.Assertions.assertThrows(
                javax.jcr.RepositoryException.class, () -> EmbargoAccessControl.ensure(session, "/content/newsfeed"));
        org.mockito.Mockito.verify(acm, org.mockito.Mockito.never())
                .setPolicy(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.verify(session, org.mockito.Mockito.never()).save();
    }

    private static AccessControlEntry entry(String principal, String label) {
        return new AccessControlEntry() {
            @Override
            public Principal getPrincipal() {
                return () -> principal;
            }

            @Override
            public Privilege[] getPrivileges() {
                return new Privilege[0];
            }

            @Override
            public String toString() {
                return principal + ": " + label;
            }
        };
    }
}
