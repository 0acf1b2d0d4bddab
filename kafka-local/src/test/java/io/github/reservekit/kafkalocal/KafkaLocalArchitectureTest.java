package io.github.reservekit.kafkalocal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;

/**
 * kafka-local runs Kafka for tests and developers, in its own package: never inside the adapter's
 * ({@code io.github.reservekit.kafka}), whose rules must judge only the product. Its two ideas stay apart: a
 * broker in this JVM ({@code injvm}) and brokers as processes ({@code process}); what both need of a Kafka node
 * ({@code node}) depends on neither. No package and no class of them depends on itself through others.
 */
@AnalyzeClasses(packages = "io.github.reservekit", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaLocalArchitectureTest {

    private static final String KAFKA_LOCAL = "io.github.reservekit.kafkalocal..";
    private static final String NODE = "io.github.reservekit.kafkalocal.node..";

    @ArchTest
    static final ArchRule kafka_local_lives_in_its_own_package = classes()
            .that()
            .resideInAPackage("io.github.reservekit..")
            .should()
            .resideInAPackage(KAFKA_LOCAL)
            .because("the module's classes must not sit in a product module's package (the adapter's is"
                    + " io.github.reservekit.kafka)");

    @ArchTest
    static final ArchRule kafka_local_does_not_depend_on_the_product = noClasses()
            .that()
            .resideInAPackage(KAFKA_LOCAL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.github.reservekit.kafka..", "io.github.reservekit.reservation..", "io.github.reservekit.http..")
            .because("it runs Kafka for anyone; the product's modules use it in tests, never the other way round");

    @ArchTest
    static final ArchRule brokers_in_this_jvm_and_broker_processes_stay_apart = noClasses()
            .that()
            .resideInAPackage("io.github.reservekit.kafkalocal.injvm..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.github.reservekit.kafkalocal.process..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("io.github.reservekit.kafkalocal.testing..")
            .because("the in-JVM cluster is one idea on its own; tests choose it through testing.TestKafka");

    @ArchTest
    static final ArchRule broker_processes_do_not_depend_on_the_in_jvm_cluster = noClasses()
            .that()
            .resideInAPackage("io.github.reservekit.kafkalocal.process..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.github.reservekit.kafkalocal.injvm..", "io.github.reservekit.kafkalocal.testing..")
            .because("bin/kafka-local runs brokers as processes and needs nothing of the in-JVM test kit");

    @ArchTest
    static final ArchRule what_every_node_needs_depends_on_no_other_kafka_local_package = noClasses()
            .that()
            .resideInAPackage(NODE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.github.reservekit.kafkalocal.injvm..",
                    "io.github.reservekit.kafkalocal.process..",
                    "io.github.reservekit.kafkalocal.devrun..",
                    "io.github.reservekit.kafkalocal.testing..")
            .because("the dev broker in this JVM and the broker processes share it; it must serve both");

    @ArchTest
    static final ArchRule kafka_local_packages_are_free_of_cycles =
            slices().matching("io.github.reservekit.kafkalocal.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule brokers_are_built_from_classes_free_of_cycles = slices().assignedFrom(
                    topLevelClassesIn(List.of(
                            "io.github.reservekit.kafkalocal.node",
                            "io.github.reservekit.kafkalocal.injvm",
                            "io.github.reservekit.kafkalocal.process",
                            "io.github.reservekit.kafkalocal.devrun")))
            .should()
            .beFreeOfCycles()
            .because("each class does one thing and uses the ones below it (testing is left out: its TestKafka"
                    + " interface starts the implementations it chooses between)");

    /** One slice per top-level class of the packages (a nested class belongs to its top-level class). */
    private static SliceAssignment topLevelClassesIn(List<String> packages) {
        return new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                if (!packages.contains(javaClass.getPackageName())) {
                    return SliceIdentifier.ignore();
                }
                JavaClass topLevel = javaClass;
                while (topLevel.getEnclosingClass().isPresent()) {
                    topLevel = topLevel.getEnclosingClass().get();
                }
                return SliceIdentifier.of(topLevel.getSimpleName());
            }

            @Override
            public String getDescription() {
                return "top-level classes of " + packages;
            }
        };
    }
}
