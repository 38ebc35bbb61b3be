package ru.spb.feedback.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's packages depend one way: no package cycle, so each can be read (and changed)
 * knowing only the packages below it. Production classes only; tests may reach anywhere.
 */
class PackageCyclesTest {

    @Test
    void packagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.spb.feedback.routing");
        slices().matching("ru.spb.feedback.routing.(*)..").should().beFreeOfCycles().check(classes);
    }
}
