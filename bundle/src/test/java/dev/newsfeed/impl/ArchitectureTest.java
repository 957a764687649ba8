package dev.newsfeed.impl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the bundle that docs/architecture.md draws: servlets on top, feature packages below them, shared
 * building blocks at the bottom, and no package cycle anywhere. A change that makes an arrow point up fails here.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.newsfeed");

    private static final String SERVLETS = "dev.newsfeed.impl.servlets..";
    /** Sling Models: like servlets, an entry point (HTL, the exporter) on top of the features. */
    private static final String MODELS = "dev.newsfeed.impl.models..";

    private static final String[] FEATURES = {
        "dev.newsfeed.impl.reading..",
        "dev.newsfeed.impl.authoring..",
        "dev.newsfeed.impl.feed..",
        "dev.newsfeed.impl.search..",
        "dev.newsfeed.impl.comments..",
        "dev.newsfeed.impl.maintenance..",
        "dev.newsfeed.impl.changes..",
        "dev.newsfeed.impl.archive..",
        "dev.newsfeed.impl.syndication..",
        "dev.newsfeed.impl.embargo.."
    };
    private static final String[] BUILDING_BLOCKS = {
        "dev.newsfeed.impl.content..",
        "dev.newsfeed.impl.dto..",
        "dev.newsfeed.impl.http..",
        "dev.newsfeed.impl.paging..",
        "dev.newsfeed.impl.html..",
        "dev.newsfeed.impl.repository..",
        "dev.newsfeed.impl.cluster..",
        "dev.newsfeed.impl.logging.."
    };

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("dev.newsfeed.(*)..").should().beFreeOfCycles().check(CLASSES);
        slices().matching("dev.newsfeed.impl.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void servletsAreOnTopFeaturesInTheMiddleBuildingBlocksBelow() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Servlets")
                .definedBy(SERVLETS)
                .layer("Models")
                .definedBy(MODELS)
                .layer("Features")
                .definedBy(FEATURES)
                .layer("Building blocks")
                .definedBy(BUILDING_BLOCKS)
                .whereLayer("Servlets")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Models")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Features")
                .mayOnlyBeAccessedByLayers("Servlets", "Models")
                .check(CLASSES);
    }

    @Test
    void theFilingAndIndexOfTheArchiveKnowNothingAboveThem() {
        noClasses()
                .that()
                .resideInAPackage("dev.newsfeed.impl.archive..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.newsfeed.impl.changes..",
                        "dev.newsfeed.impl.maintenance..",
                        "dev.newsfeed.impl.comments..",
                        "dev.newsfeed.impl.feed..",
                        "dev.newsfeed.impl.search..",
                        "dev.newsfeed.impl.authoring..",
                        "dev.newsfeed.impl.reading..")
                .check(CLASSES);
    }

    @Test
    void thePublicApiDependsOnNoImplementation() {
        noClasses()
                .that()
                .resideInAPackage("dev.newsfeed.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.newsfeed.impl..")
                .check(CLASSES);
    }
}
