package org.quotelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "org.quotelab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * The diagram of docs/architecture.md: ui and cli reach store and ml only through service. The
     * bench commands are the one exception and sit in their own package, cli.bench, so the
     * exception is visible in the tree (they time the engine and the importer themselves).
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.quotelab..")
            // a new package must be placed in a layer (and in the docs), not slip past the rules
            .ensureAllClassesAreContainedInArchitecture()
            .layer("App").definedBy("org.quotelab")
            .layer("Domain").definedBy("org.quotelab.domain..")
            .layer("Store").definedBy("org.quotelab.store..")
            .layer("Ml").definedBy("org.quotelab.ml..")
            .layer("Service").definedBy("org.quotelab.service..")
            .layer("Ui").definedBy("org.quotelab.ui..")
            .layer("Cli").definedBy("org.quotelab.cli")
            .layer("Bench").definedBy("org.quotelab.cli.bench..")
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App", "Bench")
            .whereLayer("Bench").mayOnlyBeAccessedByLayers("Cli")
            .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Bench")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Service", "Bench")
            .whereLayer("Ml").mayOnlyBeAccessedByLayers("App", "Service", "Bench")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("App", "Store", "Ml", "Service", "Ui", "Cli", "Bench");

    /** Said once more on its own, so a failure names the rule the issue was about. */
    @ArchTest
    static final ArchRule uiAndCliOnlyThroughService = noClasses()
            .that().resideInAnyPackage("org.quotelab.ui..", "org.quotelab.cli..")
            .and().resideOutsideOfPackage("org.quotelab.cli.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quotelab.store..", "org.quotelab.ml..");

    /** The UI reaches the store and the models only through services (ADR 0007: Workbench builds them). */
    @ArchTest
    static final ArchRule uiUsesOnlyServices = noClasses()
            .that().resideInAPackage("org.quotelab.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.quotelab.store..", "org.quotelab.ml..");

    /** The bench commands are the exception, and only the command root refers to them. */
    @ArchTest
    static final ArchRule onlyTheCliRootReachesBench = noClasses()
            .that().resideInAPackage("org.quotelab.cli")
            .and().doNotHaveFullyQualifiedName("org.quotelab.cli.QuoteLabCli")
            .should().dependOnClassesThat().resideInAPackage("org.quotelab.cli.bench..");

    /** Each layer's one configured mapper ({@code store.Json}, {@code ml.Json}, {@code service.Json}, {@code cli.Json}). */
    @ArchTest
    static final ArchRule oneJsonMapperPerLayer = noClasses()
            .that().doNotHaveFullyQualifiedName("org.quotelab.store.Json")
            .and().doNotHaveFullyQualifiedName("org.quotelab.ml.Json")
            .and().doNotHaveFullyQualifiedName("org.quotelab.service.Json")
            .and().doNotHaveFullyQualifiedName("org.quotelab.cli.Json")
            .should().callConstructor(com.fasterxml.jackson.databind.ObjectMapper.class);

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

    /** Activation checks weights and runs in one transaction only there. */
    @ArchTest
    static final ArchRule oneActivationPath = noClasses()
            .that().resideOutsideOfPackages("org.quotelab.store..")
            .and().doNotHaveFullyQualifiedName("org.quotelab.service.cascade.CascadeActivation")
            .should().callMethod("org.quotelab.store.ModelVersionRepository", "activate", "long", "java.lang.String");

    /**
     * Loaded models belong to the workbench or store session that created them and are closed with
     * it (ADR 0001: no singletons; ADR 0014): no process-wide holder.
     */
    @ArchTest
    static final ArchRule noStaticModelHolder = noFields().that().areStatic()
            .should().haveRawType("org.quotelab.ml.infer.LoadedModels");

    /** Inside a layer the packages by job form no cycle either: each can be read from the bottom up. */
    @ArchTest
    static final ArchRule mlPackagesFreeOfCycles = slices().matching("org.quotelab.ml.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule servicePackagesFreeOfCycles = slices().matching("org.quotelab.service.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainPackagesFreeOfCycles = slices().matching("org.quotelab.domain.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule uiPackagesFreeOfCycles = slices().matching("org.quotelab.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noJavaUtilLogging = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
}
