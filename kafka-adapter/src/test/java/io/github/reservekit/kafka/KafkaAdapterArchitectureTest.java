package io.github.reservekit.kafka;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.reservekit.reservation.testing.HexagonRules;

/**
 * The adapter in packages by direction: {@code write} (publisher and its producer), {@code read} (the follower and
 * its consumer), {@code topic} (provisioning and health), {@code internal} (the wire format, shared by write and
 * read), {@code settings} ({@code reservekit.*}), {@code metrics} (optional Micrometer), {@code tracing} (optional OpenTelemetry), and the root package, the one
 * assembly of the core on Kafka.
 */
@AnalyzeClasses(packages = "io.github.reservekit", importOptions = ImportOption.DoNotIncludeTests.class)
class KafkaAdapterArchitectureTest {

    private static final String ADAPTER = "io.github.reservekit.kafka";
    private static final String WRITE = ADAPTER + ".write..";
    private static final String READ = ADAPTER + ".read..";
    private static final String TOPIC = ADAPTER + ".topic..";
    private static final String INTERNAL = ADAPTER + ".internal..";
    private static final String SETTINGS = ADAPTER + ".settings..";

    @ArchTest
    static final ArchRule the_directions_use_only_the_ports_of_the_core = noClasses()
            .that()
            .resideInAnyPackage(WRITE, READ, TOPIC, INTERNAL, SETTINGS, ADAPTER + ".metrics..", ADAPTER + ".tracing..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(HexagonRules.SERVICES, HexagonRules.CORE_ADAPTERS, HexagonRules.BOOTSTRAP)
            .because("a writer or a reader implements a port; only the adapter's assembly knows how the core is built");

    @ArchTest
    static final ArchRule adapter_does_not_depend_on_any_framework =
            HexagonRules.does_not_depend_on_any_framework(ADAPTER + "..");

    @ArchTest
    static final ArchRule adapter_packages_are_free_of_cycles = HexagonRules.packages_are_free_of_cycles(ADAPTER);

    @ArchTest
    static final ArchRule a_writer_never_depends_on_the_reader = noClasses()
            .that()
            .resideInAPackage(WRITE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(READ, TOPIC)
            .because("what writes and what reads are separate directions of the adapter");

    @ArchTest
    static final ArchRule the_reader_never_depends_on_the_writer = noClasses()
            .that()
            .resideInAPackage(READ)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WRITE, TOPIC)
            .because("what reads and what writes are separate directions of the adapter");

    @ArchTest
    static final ArchRule provisioning_depends_on_neither_direction = noClasses()
            .that()
            .resideInAPackage(TOPIC)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(WRITE, READ, INTERNAL)
            .because("creating and checking the topic needs no client of the events");

    @ArchTest
    static final ArchRule internal_is_used_only_by_the_writer_and_the_reader = classes()
            .that()
            .resideInAPackage(INTERNAL)
            .should()
            .onlyHaveDependentClassesThat()
            .resideInAnyPackage(WRITE, READ, INTERNAL)
            .because("the wire model and codec are implementation details behind the writer and the reader");
}
