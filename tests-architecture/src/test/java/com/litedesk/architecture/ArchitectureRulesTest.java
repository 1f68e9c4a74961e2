package com.litedesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of ARCHITECTURE.md and STYLE.md over the production classes of every module. Each rule is one
 * named {@code @ArchTest}; {@link #everyModuleContributedClasses} makes sure none of them passes on nothing.
 */
@AnalyzeClasses(packages = "com.litedesk", importOptions = {ImportOption.DoNotIncludeTests.class})
class ArchitectureRulesTest {

    private static final String[] JDK = {"java..", "javax.."};

    @ArchTest
    static final ArchRule portsDependOnTheJdkOnly = classes()
            .that().resideInAPackage("com.litedesk.ports..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.litedesk.ports..")
            .because("ports is the SPI: records and interfaces, JDK only (ARCHITECTURE.md rule 1)");

    @ArchTest
    static final ArchRule coreDependsOnPortsAndTheJdkOnly = classes()
            .that().resideInAPackage("com.litedesk.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.litedesk.ports..", "com.litedesk.core..")
            .because("core is framework-free: no Helidon, Jackson, Dagger, Mongo, fabric8, AWS or docker-java (rule 1)");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnCore = noClasses()
            .that().resideInAPackage("com.litedesk.adapters..")
            .should().dependOnClassesThat().resideInAPackage("com.litedesk.core..")
            .because("an adapter implements ports and knows nothing of the use cases (rule 2)");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("com.litedesk.adapters.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter module stands alone on ports (rule 2)");

    @ArchTest
    static final ArchRule theMongoAdapterUsesOnlyPortsAndItsDriver = classes()
            .that().resideInAPackage("com.litedesk.adapters.mongo..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.mongo..",
                    "com.mongodb..", "org.bson..", "org.reactivestreams.."))
            .because("adapters-mongo depends on ports and its driver; the fake MongoDB server is for its tests only (rule 2)");

    @ArchTest
    static final ArchRule theSqliteAdapterUsesOnlyPortsItsDriverAndJacksonCore = classes()
            .that().resideInAPackage("com.litedesk.adapters.sqlite..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.sqlite..", "org.sqlite..", "com.fasterxml.jackson.core.."))
            .because("adapters-sqlite depends on ports, the SQLite driver and Jackson's streaming JSON for its documents (rule 2)");

    @ArchTest
    static final ArchRule nothingShippedUsesTheFakeMongoDbServer = noClasses()
            .that().resideInAPackage("com.litedesk..")
            .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..", "org.h2..")
            .because("mongo-java-server is a fake MongoDB for tests: what ships keeps its data in SQLite or a real MongoDB");

    @ArchTest
    static final ArchRule theDockerAdapterUsesOnlyPortsAndDockerJava = classes()
            .that().resideInAPackage("com.litedesk.adapters.docker..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.docker..", "com.github.dockerjava.."))
            .because("adapters-docker depends on ports and docker-java (rule 2)");

    @ArchTest
    static final ArchRule theKubernetesAdapterUsesOnlyPortsAndFabric8 = classes()
            .that().resideInAPackage("com.litedesk.adapters.k8s..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.k8s..", "io.fabric8.."))
            .because("adapters-k8s depends on ports and the fabric8 client (rule 2)");

    @ArchTest
    static final ArchRule theAwsAdapterUsesOnlyPortsAndTheAwsSdk = classes()
            .that().resideInAPackage("com.litedesk.adapters.aws..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.aws..", "software.amazon.."))
            .because("adapters-aws depends on ports and AWS SDK v2 (rule 2)");

    @ArchTest
    static final ArchRule smtpAdapterDependsOnPortsAndJakartaMail = classes()
            .that().resideInAPackage("com.litedesk.adapters.smtp..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(with(
                    "com.litedesk.ports..", "com.litedesk.adapters.smtp..", "jakarta.mail.."))
            .because("adapters-smtp depends on ports and the Jakarta Mail API, implemented by Eclipse Angus Mail (rule 2)");

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses()
            .that().resideOutsideOfPackage("com.litedesk.app..")
            .should().dependOnClassesThat().resideInAPackage("com.litedesk.app..")
            .because("app-helidon is the composition root (rule 3)");

    @ArchTest
    static final ArchRule packagesFormNoCycles = slices()
            .matching("com.litedesk.(**)")
            .should().beFreeOfCycles()
            .because("packages form no cycles (rule 4)");

    @ArchTest
    static final ArchRule daggerIsUsedInTheAppOnly = noClasses()
            .that().resideOutsideOfPackage("com.litedesk.app..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("Dagger wiring is written as @Provides methods in app-helidon (rule 1)");

    @ArchTest
    static final ArchRule namesSayWhatNotManagerHelperUtilOrImpl = noClasses()
            .that().resideInAPackage("com.litedesk..")
            .and().haveNameNotMatching(".*\\.Dagger[^.]*") // code Dagger generates names its own classes
            .should().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Impl")
            .because("names say what (STYLE.md rule 1)");

    @ArchTest
    static final ArchRule adaptersOfAPortAreNamedByTheirTechnology = classes()
            .that().resideInAPackage("com.litedesk.adapters..")
            .and().arePublic()
            .and(implementAPort())
            .should(beNamedByTheirTechnology())
            .because("adapters are named by technology + port, e.g. MongoContactRepository (STYLE.md rule 1)");

    @ArchTest
    static final ArchRule portsAndCoreHoldNoMutableStaticState = fields()
            .that().areDeclaredInClassesThat().resideInAnyPackage("com.litedesk.ports..", "com.litedesk.core..")
            .and().areStatic()
            .should().beFinal()
            .because("no static state: everything arrives through constructors (STYLE.md rule 6)");

    @ArchTest
    static final ArchRule coreReadsTimeFromTheInjectedClockOnly = noClasses()
            .that().resideInAnyPackage("com.litedesk.ports..", "com.litedesk.core..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .because("one clock, injected, so that time-dependent rules are testable (STYLE.md rule 9)");

    /** The rules above would pass on an empty class set; this fails unless every module was imported. */
    @ArchTest
    static void everyModuleContributedClasses(JavaClasses classes) {
        for (var module : new String[] {
                "com.litedesk.ports", "com.litedesk.core", "com.litedesk.adapters.sqlite", "com.litedesk.adapters.mongo", "com.litedesk.adapters.docker",
                "com.litedesk.adapters.k8s", "com.litedesk.adapters.aws", "com.litedesk.adapters.smtp", "com.litedesk.app"}) {
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(module) || c.getPackageName().startsWith(module + ".")))
                    .as("production classes imported from %s", module)
                    .isNotEmpty();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("com.litedesk.")))
                .as("no test classes among the analysed ones")
                .noneMatch(c -> c.getSimpleName().endsWith("Test"));
    }

    private static String[] with(String... packages) {
        var all = new String[JDK.length + packages.length];
        System.arraycopy(JDK, 0, all, 0, JDK.length);
        System.arraycopy(packages, 0, all, JDK.length, packages.length);
        return all;
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> implementAPort() {
        return com.tngtech.archunit.base.DescribedPredicate.describe("implement a port of com.litedesk.ports",
                c -> !c.getModifiers().contains(JavaModifier.ABSTRACT)
                        && c.getAllRawInterfaces().stream().anyMatch(i -> i.getPackageName().startsWith("com.litedesk.ports")));
    }

    private static ArchCondition<JavaClass> beNamedByTheirTechnology() {
        return new ArchCondition<>("be named by their technology") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                var prefixes = switch (c.getPackageName().replace("com.litedesk.adapters.", "").split("\\.")[0]) {
                    case "mongo" -> new String[] {"Mongo"};
                    case "docker" -> new String[] {"Docker"};
                    case "k8s" -> new String[] {"Kubernetes"};
                    case "aws" -> new String[] {"Route53", "S3", "Ses", "Kms"};
                    case "smtp" -> new String[] {"Smtp"};
                    case "sqlite" -> new String[] {"Sqlite"};
                    default -> new String[] {};
                };
                boolean named = java.util.Arrays.stream(prefixes).anyMatch(c.getSimpleName()::startsWith);
                events.add(new SimpleConditionEvent(c, named,
                        c.getName() + (named ? " is" : " is not") + " named by its technology " + String.join("/", prefixes)));
            }
        };
    }
}
