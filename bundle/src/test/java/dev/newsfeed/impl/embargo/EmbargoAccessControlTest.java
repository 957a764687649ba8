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

    private static org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry ace(
            boolean allow, String privilege, String... restrictions) throws Exception {
        var e = org.mockito.Mockito.mock(org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry.class);
        Privilege p = org.mockito.Mockito.mock(Privilege.class);
        org.mockito.Mockito.when(p.getName()).thenReturn(privilege);
        org.mockito.Mockito.when(e.isAllow()).thenReturn(allow);
        org.mockito.Mockito.when(e.getPrincipal()).thenReturn(EVERYONE);
        org.mockito.Mockito.when(e.getPrivileges()).thenReturn(new Privilege[] {p});
        org.mockito.Mockito.when(e.getRestrictionNames()).thenReturn(restrictions);
        return e;
    }

    /** A session whose list on /content/newsfeed holds {@code entries} (and Oak knows the restriction). */
    private static javax.jcr.Session sessionWith(
            org.apache.jackrabbit.api.security.JackrabbitAccessControlList acl, AccessControlEntry... entries)
            throws Exception {
        javax.jcr.Session session = org.mockito.Mockito.mock(javax.jcr.Session.class);
        javax.jcr.security.AccessControlManager acm =
                org.mockito.Mockito.mock(javax.jcr.security.AccessControlManager.class);
        javax.jcr.security.AccessControlPolicyIterator none =
                org.mockito.Mockito.mock(javax.jcr.security.AccessControlPolicyIterator.class);
        org.mockito.Mockito.when(session.getAccessControlManager()).thenReturn(acm);
        org.mockito.Mockito.when(acm.getApplicablePolicies("/content/newsfeed")).thenReturn(none);
        org.mockito.Mockito.when(acm.getPolicies("/content/newsfeed"))
                .thenReturn(new javax.jcr.security.AccessControlPolicy[] {acl});
        org.mockito.Mockito.when(acl.getRestrictionNames())
                .thenReturn(new String[] {"rep:glob", EmbargoRestrictionProvider.NAME});
        org.mockito.Mockito.when(acl.getAccessControlEntries()).thenReturn(entries);
        Privilege read = org.mockito.Mockito.mock(Privilege.class);
        org.mockito.Mockito.when(read.getName()).thenReturn(Privilege.JCR_READ);
        org.mockito.Mockito.when(acm.privilegeFromName(Privilege.JCR_READ)).thenReturn(read);
        org.apache.jackrabbit.api.security.principal.PrincipalManager principals =
                org.mockito.Mockito.mock(org.apache.jackrabbit.api.security.principal.PrincipalManager.class);
        return session;
    }

    @Test
    void removesADenyOfEveryReadThatLostItsRestriction() throws Exception {
        var allow = ace(true, Privilege.JCR_READ);
        var stripped = ace(false, "jcr:read"); // as Oak names it
        var embargo = ace(false, Privilege.JCR_READ, EmbargoRestrictionProvider.NAME);
        var acl = org.mockito.Mockito.mock(org.apache.jackrabbit.api.security.JackrabbitAccessControlList.class);
        assertEquals(true, EmbargoAccessControl.strippedEmbargo(stripped, EVERYONE));
        assertEquals(false, EmbargoAccessControl.strippedEmbargo(embargo, EVERYONE));
        assertEquals(false, EmbargoAccessControl.strippedEmbargo(allow, EVERYONE));
        assertEquals(false, EmbargoAccessControl.strippedEmbargo(ace(false, "jcr:write"), EVERYONE));
    }

    @Test
    void leavesTheListAloneWhenTheStoredEntryWasReadWithoutItsRestriction() throws Exception {
        var acl = org.mockito.Mockito.mock(org.apache.jackrabbit.api.security.JackrabbitAccessControlList.class);
        javax.jcr.Session session = sessionWith(acl, ace(true, Privilege.JCR_READ), ace(false, Privilege.JCR_READ));
        javax.jcr.Node policy = org.mockito.Mockito.mock(javax.jcr.Node.class);
        javax.jcr.Node deny = org.mockito.Mockito.mock(javax.jcr.Node.class);
        javax.jcr.Node restrictions = org.mockito.Mockito.mock(javax.jcr.Node.class);
        javax.jcr.NodeIterator nodes = org.mockito.Mockito.mock(javax.jcr.NodeIterator.class);
        org.mockito.Mockito.when(session.nodeExists("/content/newsfeed/rep:policy"))
                .thenReturn(true);
        org.mockito.Mockito.when(session.getNode("/content/newsfeed/rep:policy"))
                .thenReturn(policy);
        org.mockito.Mockito.when(policy.getNodes()).thenReturn(nodes);
        org.mockito.Mockito.when(nodes.hasNext()).thenReturn(true, false);
        org.mockito.Mockito.when(nodes.nextNode()).thenReturn(deny);
        org.mockito.Mockito.when(deny.hasNode("rep:restrictions")).thenReturn(true);
        org.mockito.Mockito.when(deny.getNode("rep:restrictions")).thenReturn(restrictions);
        org.mockito.Mockito.when(restrictions.hasProperty(EmbargoRestrictionProvider.NAME))
                .thenReturn(true);
        org.junit.jupiter.api.Assertions.assertThrows(
                javax.jcr.RepositoryException.class, () -> EmbargoAccessControl.ensure(session, "/content/newsfeed"));
        org.mockito.Mockito.verify(acl, org.mockito.Mockito.never())
                .removeAccessControlEntry(org.mockito.ArgumentMatchers.any());
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
