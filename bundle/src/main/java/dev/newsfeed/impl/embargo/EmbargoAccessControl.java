package dev.newsfeed.impl.embargo;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.security.AccessControlEntry;
import javax.jcr.security.AccessControlManager;
import javax.jcr.security.Privilege;

import dev.newsfeed.impl.cluster.LeaderJob;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlEntry;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.sling.api.resource.LoginException;
import org.apache.sling.api.resource.ResourceResolver;
import org.apache.sling.api.resource.ResourceResolverFactory;
import org.apache.sling.serviceusermapping.ServiceUserMapped;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embargo entry in the access control list of the content roots: {@code everyone} is denied
 * {@code jcr:read} with the restriction {@value EmbargoRestrictionProvider#NAME} (drafts and scheduled articles). The
 * entry stands after every other entry of {@code everyone} on that node (so no allow of {@code everyone} there
 * overrides it) and before the entries of other groups (so the authors' allows still win for them). Installing it is
 * the upgrade step of existing content: idempotent (a no-op when the list is as it should be), checked by every
 * instance when it starts, on its own thread, so an instance never waits for the cluster's topology to have its
 * fence checked, and then every {@code check.seconds} by the cluster's leader only ({@link LeaderJob}): the list is
 * shared. Two instances fixing it at once conflict and the next check converges.
 */
@Component(service = EmbargoAccessControl.class, immediate = true)
@Designate(ocd = EmbargoAccessControl.Config.class)
public final class EmbargoAccessControl {

    static final String SUBSERVICE = "embargo";
    private static final Logger log = LoggerFactory.getLogger(EmbargoAccessControl.class);

    @ObjectClassDefinition(
            name = "Newsfeed embargo",
            description = "Denies everyone read access to drafts and scheduled articles in the repository itself.")
    public @interface Config {
        @AttributeDefinition(
                name = "Content roots",
                description = "Nodes whose access control list gets the embargo entry; every article below them is"
                        + " unreadable for everyone (but users allowed by later entries, such as newsfeed-authors)"
                        + " until its publish date.")
        String[] embargo_paths() default {"/content/newsfeed"};

        @AttributeDefinition(
                name = "Check period",
                description = "Seconds between checks that the embargo entry is in place and in order.")
        long check_seconds() default 60;
    }

    @Reference
    private ResourceResolverFactory resolverFactory;

    @Reference(target = "(" + ServiceUserMapped.SUBSERVICENAME + "=" + SUBSERVICE + ")")
    private ServiceUserMapped serviceUserMapped;

    /** Oak knows the restriction once this provider is registered; the entry cannot be written before. */
    @Reference
    private EmbargoRestrictionProvider restrictionProvider;

    static final String JOB = "newsfeed-embargo-check";

    private ExecutorService worker;
    private ServiceRegistration<Runnable> job;
    private volatile String[] paths = {};

    @Activate
    void activate(BundleContext context, Config config) {
        paths = config.embargo_paths() == null ? new String[0] : config.embargo_paths();
        worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "newsfeed-embargo");
            t.setDaemon(true);
            return t;
        });
        worker.execute(this::check);
        job = LeaderJob.schedule(context, JOB, Math.max(5, config.check_seconds()), this::check);
    }

    @Deactivate
    void deactivate() {
        LeaderJob.cancel(job);
        worker.shutdownNow();
    }

    /** Puts the entry in place on every configured root that exists; failures are logged and retried next time. */
    void check() {
        try (ResourceResolver resolver =
                resolverFactory.getServiceResourceResolver(Map.of(ResourceResolverFactory.SUBSERVICE, SUBSERVICE))) {
            Session session = resolver.adaptTo(Session.class);
            if (session == null) {
                return;
            }
            for (String path : paths) {
                try {
                    if (session.nodeExists(path) && ensure(session, path)) {
                        log.info("Embargo entry put in place on {}", path);
                    }
                } catch (RepositoryException | RuntimeException e) {
                    discard(session);
                    log.warn("Could not check the embargo entry on {}: {}", path, e.toString());
                }
            }
        } catch (LoginException e) {
            log.warn("No service session for the embargo: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.error("Embargo check failed", e);
        }
    }

    private static void discard(Session session) {
        try {
            session.refresh(false);
        } catch (RepositoryException e) {
            log.debug("Could not discard pending changes", e);
        }
    }

    /** Adds or reorders the entry on {@code path}; true when the list changed. */
    static boolean ensure(Session session, String path) throws RepositoryException {
        AccessControlManager acm = session.getAccessControlManager();
        JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(session, path);
        if (acl == null) {
            throw new RepositoryException("no access control list for " + path);
        }
        // While Oak has not bound the restriction provider (a bundle update, a start), the list reads the entry
        // without its restriction, and writing the list back would deny everyone every read below path: wait.
        if (!Arrays.asList(acl.getRestrictionNames()).contains(EmbargoRestrictionProvider.NAME)) {
            throw new RepositoryException("Oak does not know the restriction " + EmbargoRestrictionProvider.NAME
                    + " yet; the entry on " + path + " is left as it is");
        }
        refuseIfReadWithoutRestriction(session, path, acl);
        Principal everyone = AccessControlUtils.getEveryonePrincipal(session);
        Privilege read = acm.privilegeFromName(Privilege.JCR_READ);
        boolean changed = removeStripped(path, acl, everyone);
        List<AccessControlEntry> ours = embargoEntries(acl, everyone);
        for (int i = 1; i < ours.size(); i++) {
            acl.removeAccessControlEntry(ours.get(i));
            changed = true;
        }
        if (ours.isEmpty()) {
            Value type = session.getValueFactory().createValue(Embargo.ARTICLE_TYPE);
            acl.addEntry(everyone, new Privilege[] {read}, false, Map.of(EmbargoRestrictionProvider.NAME, type));
            changed = true;
        }
        AccessControlEntry entry = embargoEntries(acl, everyone).get(0);
        List<AccessControlEntry> current = Arrays.asList(acl.getAccessControlEntries());
        List<AccessControlEntry> desired = order(current, entry, everyone);
        if (!desired.equals(current)) {
            for (AccessControlEntry e : desired) {
                acl.orderBefore(e, null);
            }
            changed = true;
        }
        if (changed) {
            acm.setPolicy(path, acl);
            session.save();
        }
        return changed;
    }

    /**
     * Removes from a list read whole (the caller refused one Oak parsed without the restriction of its stored embargo
     * entry, seen after a restart with the provider registered: writing it back would store a deny of every read)
     * every deny of every read for everyone, which is never Newsfeed's: an embargo entry an earlier version stored
     * without its restriction (every site dark). Whether it removed one.
     */
    private static boolean removeStripped(String path, JackrabbitAccessControlList acl, Principal everyone)
            throws RepositoryException {
        boolean removed = false;
        for (AccessControlEntry e : acl.getAccessControlEntries()) {
            if (strippedEmbargo(e, everyone)) {
                acl.removeAccessControlEntry(e);
                log.warn(
                        "Removed a deny of every read for everyone from {} (an embargo entry without its restriction)",
                        path);
                removed = true;
            }
        }
        return removed;
    }

    /** {@code jcr:read} as Oak names it, and expanded. */
    private static final List<String> READ_NAMES = List.of("jcr:read", Privilege.JCR_READ);

    /** A deny of exactly {@code jcr:read} for everyone without any restriction. */
    static boolean strippedEmbargo(AccessControlEntry e, Principal everyone) throws RepositoryException {
        return e instanceof JackrabbitAccessControlEntry je
                && !je.isAllow()
                && everyone.getName().equals(je.getPrincipal().getName())
                && je.getRestrictionNames().length == 0
                && je.getPrivileges().length == 1
                && READ_NAMES.contains(je.getPrivileges()[0].getName());
    }

    /** Oak may parse the list without the restriction of its stored entry (after a restart): never write that back. */
    private static void refuseIfReadWithoutRestriction(Session session, String path, JackrabbitAccessControlList acl)
            throws RepositoryException {
        if (parsedEmbargoEntries(acl) == 0 && storedEmbargoEntries(session, path) > 0) {
            throw new RepositoryException("The embargo entry on " + path + " was read without its restriction; the"
                    + " list is left as it is");
        }
    }

    private static int parsedEmbargoEntries(JackrabbitAccessControlList acl) throws RepositoryException {
        int found = 0;
        for (AccessControlEntry e : acl.getAccessControlEntries()) {
            if (e instanceof JackrabbitAccessControlEntry je
                    && Arrays.asList(je.getRestrictionNames()).contains(EmbargoRestrictionProvider.NAME)) {
                found++;
            }
        }
        return found;
    }

    /** How many entries of the stored list carry the embargo restriction, read from the nodes themselves. */
    static int storedEmbargoEntries(Session session, String path) throws RepositoryException {
        String policy = path + "/rep:policy";
        if (!session.nodeExists(policy)) {
            return 0;
        }
        int found = 0;
        for (javax.jcr.NodeIterator it = session.getNode(policy).getNodes(); it.hasNext(); ) {
            javax.jcr.Node ace = it.nextNode();
            if (ace.hasNode("rep:restrictions")
                    && ace.getNode("rep:restrictions").hasProperty(EmbargoRestrictionProvider.NAME)) {
                found++;
            }
        }
        return found;
    }

    /** {@code everyone}'s other entries, then the embargo entry, then every other principal's, each in list order. */
    static List<AccessControlEntry> order(
            List<AccessControlEntry> entries, AccessControlEntry embargo, Principal everyone) {
        List<AccessControlEntry> desired = new ArrayList<>(entries.size());
        List<AccessControlEntry> others = new ArrayList<>();
        for (AccessControlEntry e : entries) {
            if (e.equals(embargo)) {
                continue;
            }
            if (everyone.getName().equals(e.getPrincipal().getName())) {
                desired.add(e);
            } else {
                others.add(e);
            }
        }
        desired.add(embargo);
        desired.addAll(others);
        return desired;
    }

    private static List<AccessControlEntry> embargoEntries(JackrabbitAccessControlList acl, Principal everyone)
            throws RepositoryException {
        List<AccessControlEntry> found = new ArrayList<>();
        for (AccessControlEntry e : acl.getAccessControlEntries()) {
            if (e instanceof JackrabbitAccessControlEntry je
                    && !je.isAllow()
                    && everyone.getName().equals(je.getPrincipal().getName())
                    && Arrays.asList(je.getRestrictionNames()).contains(EmbargoRestrictionProvider.NAME)) {
                found.add(e);
            }
        }
        return found;
    }
}
