package org.flashpoint.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Domain code stays free of Kafka and Micronaut, so it is unit-tested directly and reused offline (backtest). */
class ArchitectureTest {

    private static final String[] DOMAIN = {
            "org.flashpoint.analysis..", "..incidents..", "..indicators..", "..rules..", "..lifecycle.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.flashpoint");
    }

    @Test
    void domain_packages_do_not_use_kafka() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .because("domain code takes plain values and event time; Kafka belongs in the topology and runner classes");
        rule.check(classes);
    }

    @Test
    void domain_packages_do_not_use_micronaut() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..")
                .because("HTTP and configuration are edges; move the Micronaut code to an http/delivery package");
        rule.check(classes);
    }

    @Test
    void contracts_do_not_depend_on_any_module() {
        ArchRule rule = noClasses().that().resideInAPackage("org.flashpoint.contracts..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.flashpoint.ingest..", "org.flashpoint.streams..", "org.flashpoint.alerts..",
                        "org.flashpoint.analysis..", "org.flashpoint.app..", "io.micronaut..")
                .because("every module reads the contracts; they must not pull a module or a framework in");
        rule.check(classes);
    }
}
