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
