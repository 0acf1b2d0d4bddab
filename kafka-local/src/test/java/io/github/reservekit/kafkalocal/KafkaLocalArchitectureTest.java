package io.github.reservekit.kafkalocal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * kafka-local runs Kafka for tests and developers, in its own package: never inside the adapter's
 * ({@code io.github.reservekit.kafka}), whose rules must judge only the product. Its two ideas stay apart: a
 * broker in this JVM ({@code injvm}) and brokers as processes ({@code process}).
 */
@AnalyzeClasses(packages = "io.github.reservekit", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaLocalArchitectureTest {

    private static final String KAFKA_LOCAL = "io.github.reservekit.kafkalocal..";

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
}
