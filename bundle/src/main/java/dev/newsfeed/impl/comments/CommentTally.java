package dev.newsfeed.impl.comments;

import static dev.newsfeed.impl.content.ContentModel.PN_RESOURCE_TYPE;
import static dev.newsfeed.impl.content.ContentModel.RT_COMMENT;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import org.apache.sling.api.resource.Resource;
import org.apache.sling.api.resource.ResourceResolver;
import org.jetbrains.annotations.Nullable;

/**
 * What is stored, as the {@link CountKeeper} remembers it: the number of comments of every day folder of every
 * status folder and of every public thread. A folder is walked whole the first time (or when a change covers all of
 * it) and afterwards only the parts that change events name are counted again. Not thread-safe.
 */
final class CommentTally {

    /** Status folder ({@code /var/newsfeed/comments{site}/{status}}) to its day folders and their comments. */
    private final Map<String, Map<String, Long>> days = new HashMap<>();
    /** Threads folder ({@code {site}/comments}) to its threads and their approved comments. */
    private final Map<String, Map<String, Long>> threads = new HashMap<>();

    private int walks;

    /**
     * The comments of a status folder, after counting again what {@code changed} names (or all of it when
     * {@code all}, when it was never walked or when a change covers it whole).
     */
    long days(ResourceResolver resolver, String folder, boolean all, List<String> changed) {
        Map<String, Long> tally = days.get(folder);
        Set<String> dirty = new HashSet<>();
        if (all || tally == null || dirtyParts(changed, folder, 3, dirty)) {
            return recountDays(resolver, folder);
        }
        widen(resolver, folder, 3, tally, dirty);
        for (String day : dirty) {
            put(tally, day, children(resolver.getResource(day), false));
        }
        return sum(tally);
    }

    /** Walks a status folder whole and returns its comments. */
    long recountDays(ResourceResolver resolver, String folder) {
        Map<String, Long> exact = walkDays(resolver, folder);
        days.put(folder, exact);
        walks++;
        return sum(exact);
    }

    /**
     * Counts again the threads of a site's public folder that {@code changed} names (every one when {@code all},
     * when it was never walked or when a change covers it whole) and returns those it counted.
     */
    Set<String> threads(ResourceResolver resolver, String folder, boolean all, List<String> changed) {
        Map<String, Long> tally = threads.get(folder);
        Set<String> dirty = new HashSet<>();
        if (all || tally == null || dirtyParts(changed, folder, 1, dirty)) {
            tally = walkThreads(resolver, folder);
            threads.put(folder, tally);
            walks++;
            dirty.addAll(tally.keySet());
        } else {
            for (String thread : dirty) {
                put(tally, thread, children(resolver.getResource(thread), true));
            }
        }
        return dirty;
    }

    /** The approved comments of a thread of a public folder, as last counted. */
    long thread(String folder, String thread) {
        return threads.getOrDefault(folder, Map.of()).getOrDefault(thread, 0L);
    }

    /** Counts a thread again and returns its approved comments. */
    long recountThread(ResourceResolver resolver, String folder, String thread) {
        long exact = children(resolver.getResource(thread), true);
        put(threads.computeIfAbsent(folder, f -> new HashMap<>()), thread, exact);
        return exact;
    }

    /** How many folders were walked whole since the last call. */
    int takeWalks() {
        int n = walks;
        walks = 0;
        return n;
    }

    /**
     * Whether a changed path covers all of {@code folder} (the folder itself or an ancestor); otherwise collects the
     * changed folders {@code depth} levels below it (or the shallower folder a change names: see {@link #widen}).
     */
    static boolean dirtyParts(List<String> paths, String folder, int depth, Set<String> dirty) {
        String prefix = folder + "/";
        for (String path : paths) {
            if (path.equals(folder) || prefix.startsWith(path + "/") || "/".equals(path)) {
                return true;
            }
            if (!path.startsWith(prefix)) {
                continue;
            }
            String[] segments = path.substring(prefix.length()).split("/", depth + 1);
            dirty.add(prefix + String.join("/", List.of(segments).subList(0, Math.min(depth, segments.length))));
        }
        return false;
    }

    /**
     * Replaces each changed folder shallower than {@code depth} (a year or month folder added or removed) by the
     * folders of that depth below it: those remembered (they may be gone) and those now there.
     */
    static void widen(ResourceResolver resolver, String folder, int depth, Map<String, Long> tally, Set<String> dirty) {
        for (String path : new ArrayList<>(dirty)) {
            int level = path.substring(folder.length() + 1).split("/").length;
            if (level >= depth) {
                continue;
            }
            dirty.remove(path);
            for (String known : tally.keySet()) {
                if (known.startsWith(path + "/")) {
                    dirty.add(known);
                }
            }
            descend(resolver.getResource(path), depth - level, dirty);
        }
    }

    private static void descend(@Nullable Resource resource, int levels, Set<String> out) {
        if (resource == null) {
            return;
        }
        if (levels == 0) {
            out.add(resource.getPath());
            return;
        }
        for (Resource child : resource.getChildren()) {
            descend(child, levels - 1, out);
        }
    }

    /** Comments of every day folder of a status folder ({@code yyyy/MM/dd/{id}}). */
    static Map<String, Long> walkDays(ResourceResolver resolver, String folder) {
        Map<String, Long> tally = new HashMap<>();
        Resource root = resolver.getResource(folder);
        if (root == null) {
            return tally;
        }
        for (Resource year : root.getChildren()) {
            for (Resource month : year.getChildren()) {
                for (Resource day : month.getChildren()) {
                    put(tally, day.getPath(), children(day, false));
                }
            }
        }
        return tally;
    }

    /** Approved comments of every thread of a site's public comments folder. */
    static Map<String, Long> walkThreads(ResourceResolver resolver, String folder) {
        Map<String, Long> tally = new HashMap<>();
        Resource root = resolver.getResource(folder);
        if (root != null) {
            for (Resource thread : root.getChildren()) {
                tally.put(thread.getPath(), children(thread, true));
            }
        }
        return tally;
    }

    private static long children(@Nullable Resource folder, boolean comments) {
        if (folder == null) {
            return 0;
        }
        long size = comments ? -1 : nodeCount(folder);
        if (size >= 0) {
            return size;
        }
        long n = 0;
        for (Iterator<Resource> it = folder.listChildren(); it.hasNext(); ) {
            Resource child = it.next();
            if (!comments || RT_COMMENT.equals(child.getValueMap().get(PN_RESOURCE_TYPE, String.class))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The number of child nodes as the repository gives it ({@code NodeIterator.getSize()}): a day folder of a busy
     * site holds tens of thousands of comments, and walking them as resources every pass while comments arrive cost
     * 5% of the instance's CPU under a flood of submissions. -1 when the repository does not know it.
     */
    private static long nodeCount(Resource folder) {
        Node node = folder.adaptTo(Node.class);
        if (node == null) {
            return -1;
        }
        try {
            return node.getNodes().getSize();
        } catch (RepositoryException e) {
            return -1;
        }
    }

    private static void put(Map<String, Long> tally, String path, long n) {
        if (n == 0) {
            tally.remove(path);
        } else {
            tally.put(path, n);
        }
    }

    private static long sum(Map<String, Long> tally) {
        long n = 0;
        for (long v : tally.values()) {
            n += v;
        }
        return n;
    }
}
