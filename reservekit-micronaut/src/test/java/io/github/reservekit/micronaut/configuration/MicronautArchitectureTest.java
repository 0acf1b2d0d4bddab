package io.github.reservekit.micronaut.configuration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.github.reservekit.reservation.testing.HexagonRules;
import java.io.File;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The module is wiring only: web on the ports, Kafka kept out of the web layer, no Spring anywhere. */
@AnalyzeClasses(
        packages = "io.github.reservekit.micronaut.configuration",
        importOptions = ImportOption.DoNotIncludeTests.class)
class MicronautArchitectureTest {

    private static final String SHELL = "io.github.reservekit.micronaut.configuration..";
    private static final String WEB = "io.github.reservekit.micronaut.configuration.web..";

    @ArchTest
    static final ArchRule the_web_layer_uses_only_the_ports_of_the_core =
            HexagonRules.adapter_uses_only_the_ports_of_the_core(WEB);

    @ArchTest
    static final ArchRule the_web_layer_knows_nothing_of_kafka = noClasses()
            .that()
            .resideInAPackage(WEB)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.apache.kafka..", "io.github.reservekit.kafka..", "io.micronaut.configuration.kafka..")
            .because("publishing is the adapter's business; controllers see only the use-case ports");

    @ArchTest
    static final ArchRule no_spring_type_is_used = noClasses()
            .that()
            .resideInAPackage(SHELL)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("the Micronaut module proves the core runs without Spring");

    @ArchTest
    static final ArchRule the_shell_packages_are_free_of_cycles =
            HexagonRules.packages_are_free_of_cycles("io.github.reservekit.micronaut.configuration");

    @Test
    void no_spring_jar_is_on_the_classpath() {
        var springJars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains(File.separator + "springframework" + File.separator))
                .toList();

        assertThat(springJars).isEmpty();
        assertThat(getClass().getClassLoader().getResource("org/springframework/core/SpringVersion.class"))
                .isNull();
    }
}
