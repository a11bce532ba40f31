package org.quotelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "org.quotelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.quotelab..")
            .layer("App").definedBy("org.quotelab")
            .layer("Domain").definedBy("org.quotelab.domain..")
            .layer("Store").definedBy("org.quotelab.store..")
            .layer("Ml").definedBy("org.quotelab.ml..")
            .layer("Service").definedBy("org.quotelab.service..")
            .layer("Ui").definedBy("org.quotelab.ui..")
            .layer("Cli").definedBy("org.quotelab.cli..")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Service", "Ui", "Cli")
            .whereLayer("Ml").mayOnlyBeAccessedByLayers("Service", "Ui", "Cli")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Store", "Ml", "Service", "Ui", "Cli");

    /** The UI reaches the store and the models only through services (ADR 0007: Workbench builds them). */
    @ArchTest
    static final ArchRule uiUsesOnlyServices = noClasses()
            .that().resideInAPackage("org.quotelab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quotelab.store..", "org.quotelab.ml..");

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.jfree..");

    @ArchTest
    static final ArchRule onlyMlUsesDjl = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.ml..")
            .should().dependOnClassesThat().resideInAnyPackage("ai.djl..");

    @ArchTest
    static final ArchRule onlyStoreUsesJdbc = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb..");

    @ArchTest
    static final ArchRule domainIsPureJava = noClasses()
            .that().resideInAPackage("org.quotelab.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "java.nio.file..", "com.fasterxml..", "org.slf4j..");

    @ArchTest
    static final ArchRule printingOnlyInCli = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.cli..")
            .should(ACCESS_STANDARD_STREAMS);

    /** Activation checks weights and runs in one transaction only there (issues 13 and 14). */
    @ArchTest
    static final ArchRule oneActivationPath = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.store..")
            .and().doNotHaveFullyQualifiedName("org.quotelab.service.cascade.CascadeActivation")
            .should().callMethod("org.quotelab.store.ModelVersionRepository", "activate", "long", "java.lang.String");

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
