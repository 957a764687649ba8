package dev.newsfeed.impl.comments;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.newsfeed.api.CommentChecker;
import dev.newsfeed.api.CommentSubmission;
import dev.newsfeed.api.Verdict;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plug-in {@link CommentChecker} services registered on the instance, asked together. */
@Component(service = CommentCheckers.class)
public final class CommentCheckers {

    private static final Logger log = LoggerFactory.getLogger(CommentCheckers.class);

    private final List<CommentChecker> checkers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindChecker(CommentChecker checker) {
        checkers.add(checker);
    }

    void unbindChecker(CommentChecker checker) {
        checkers.remove(checker);
    }

    /** Asks every registered checker; the strictest verdict wins, a failing checker accepts. */
    public Verdict check(CommentSubmission submission) {
        Verdict verdict = Verdict.accept();
        for (CommentChecker checker : new ArrayList<>(checkers)) {
            try {
                verdict = verdict.stricter(Objects.requireNonNullElse(checker.check(submission), Verdict.accept()));
            } catch (RuntimeException e) {
                log.warn("Comment checker {} failed: {}", checker.getClass().getName(), e.toString());
            }
        }
        return verdict;
    }
}
