package io.github.reservekit.reservation.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.github.reservekit.reservation.testing.HexagonRules;
import org.junit.jupiter.api.Test;

@AnalyzeClasses(packages = HexagonRules.CORE, importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchTests hexagon_rules = ArchTests.in(HexagonRules.class);

    private static final JavaClasses CORE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(HexagonRules.CORE);

    @Test
    void a_rule_naming_a_package_without_classes_fails_instead_of_passing() {
        var misspelled = HexagonRules.adapter_uses_only_the_ports_of_the_core("io.github.reservekit.reservaton..");

        assertThatThrownBy(() -> misspelled.check(CORE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    @Test
    void the_core_rule_catches_a_framework_dependency() {
        var withForeignDependency = new ClassFileImporter().importClasses(FrameworkUser.class, HexagonRules.class);

        assertThatThrownBy(() -> HexagonRules.core_depends_only_on_the_jdk.check(withForeignDependency))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.tngtech.archunit");
    }

    /** Stands in for core code that slipped a non-JDK import in (here: ArchUnit itself). */
    static final class FrameworkUser {
        Object load() {
            return new ClassFileImporter();
        }
    }
}
