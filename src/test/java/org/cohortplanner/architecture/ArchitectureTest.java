package org.cohortplanner.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of docs/architecture.md true: domain ← planning, simulation ← store, export, sheetimport,
 * backend ← cli, ui ← app; screens independent of each other; the toolkit only in ui and app; Jackson, JDBC and POI
 * only where they belong.
 */
class ArchitectureTest {
    private static final String ROOT = "org.cohortplanner";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String PLANNING = ROOT + ".planning..";
    private static final String SIMULATION = ROOT + ".simulation..";
    private static final String STORE = ROOT + ".store..";
    private static final String EXPORT = ROOT + ".export..";
    /** How files are written (one step, flushed) and where the per-user folders are: used by store, export, cli. */
    private static final String FILES = ROOT + ".files..";
    /** One cancellation and one progress type for long work: below simulation, export and the console's tasks. */
    private static final String WORK = ROOT + ".work..";
    /** The migration that turns the old plan tables into one document: JDBC and Jackson, and nothing else. */
    private static final String MIGRATION = ROOT + ".store.migration..";
    private static final String SHEET_IMPORT = ROOT + ".sheetimport..";
    private static final String BACKEND = ROOT + ".backend..";
    private static final String CLI = ROOT + ".cli..";
    private static final String TEXTS = ROOT + ".texts..";
    private static final String UI = ROOT + ".ui..";
    private static final String APP = ROOT + ".app..";

    /** The screens of the console (ui.common is shared by all of them, ui.shell holds the window around them). */
    private static final List<String> SCREENS = List.of("audit", "cohorts", "dashboard", "export", "provinces",
            "remote", "scenarios", "shell", "simulation", "supply", "timeline");

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void onlyTheConsoleUsesJavaFxOrControlsFx() {
        check(noClasses().that().resideOutsideOfPackages(UI, APP)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "com.sun.javafx.."));
    }

    @Test
    void theFileHelpersDependOnNothingElseOfOurs() {
        check(noClasses().that().resideInAPackage(FILES)
                .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, PLANNING, SIMULATION, STORE, EXPORT,
                        SHEET_IMPORT, BACKEND, CLI, TEXTS, UI, APP));
    }

    @Test
    void theCancellationAndProgressTypesDependOnNothingElseOfOurs() {
        check(noClasses().that().resideInAPackage(WORK)
                .should().dependOnClassesThat().resideInAnyPackage(DOMAIN, PLANNING, SIMULATION, STORE, EXPORT,
                        SHEET_IMPORT, BACKEND, CLI, TEXTS, UI, APP, FILES));
    }

    @Test
    void theDomainDependsOnNothingElseOfOurs() {
        check(noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(PLANNING, SIMULATION, STORE, EXPORT, BACKEND,
                        CLI, TEXTS, UI, APP, FILES));
    }

    @Test
    void planningAndSimulationDependOnlyOnTheDomainAndEachOther() {
        check(noClasses().that().resideInAnyPackage(PLANNING, SIMULATION)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, EXPORT, BACKEND, CLI, TEXTS, UI, APP,
                        FILES));
    }

    @Test
    void storeExportAndBackendDoNotReachUpToCommandsOrConsole() {
        check(noClasses().that().resideInAnyPackage(STORE, EXPORT, SHEET_IMPORT, BACKEND)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, TEXTS, UI, APP));
    }

    @Test
    void theSharedTextsStandBetweenTheFiguresAndTheTwoFrontEnds() {
        check(noClasses().that().resideInAPackage(TEXTS)
                .should().dependOnClassesThat().resideInAnyPackage(STORE, EXPORT, SHEET_IMPORT, BACKEND, CLI, UI,
                        APP));
    }

    @Test
    void theStoreNeverReachesTheBackendTheWorkbooksOrTheCommands() {
        check(noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideInAnyPackage(BACKEND, EXPORT, SHEET_IMPORT, CLI));
    }

    @Test
    void screensAreIndependentOfEachOtherAndShareOnlyTheCommonParts() {
        for (String screen : SCREENS) {
            String[] others = SCREENS.stream().filter(other -> !other.equals(screen))
                    .map(other -> ROOT + ".ui." + other + "..").toArray(String[]::new);
            check(noClasses().that().resideInAPackage(ROOT + ".ui." + screen + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others));
        }
    }

    @Test
    void everyScreenPackageIsCoveredByTheScreenRule() {
        List<String> found = product.stream()
                .map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + ".ui."))
                .map(name -> name.substring((ROOT + ".ui.").length()).split("\\.")[0])
                .filter(name -> !name.equals("common"))
                .distinct().sorted().toList();
        assertEquals(SCREENS.stream().sorted().toList(), found,
                "a new screen package goes into SCREENS (docs/architecture.md)");
    }

    @Test
    void commandsAndConsoleAreIndependentAndKnowNothingOfTheLauncher() {
        check(noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(UI, APP));
        check(noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage(CLI, APP));
    }

    @Test
    void jacksonStaysInThePlanFormatTheRemoteStoreTheBackendAndTheCommandsOutput() {
        check(noClasses().that().resideOutsideOfPackages(ROOT + ".store.json..", ROOT + ".store.remote..", BACKEND,
                        MIGRATION, CLI)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.."));
    }

    @Test
    void jdbcStaysInTheH2StoreAndTheBackend() {
        check(noClasses().that().resideOutsideOfPackages(ROOT + ".store.h2..", BACKEND, MIGRATION)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.flywaydb.."));
    }

    @Test
    void poiStaysInExport() {
        check(noClasses().that().resideOutsideOfPackages(EXPORT, SHEET_IMPORT)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.poi.."));
    }

    @Test
    void pdfBoxStaysInExport() {
        check(noClasses().that().resideOutsideOfPackages(EXPORT)
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox.."));
    }

    @Test
    void theRulesSeeTheWholeProductSoTheyCanFail() {
        assertTrue(product.contain(ROOT + ".domain.Plan"));
        assertTrue(product.contain(ROOT + ".ui.shell.ShellView"));
        assertTrue(product.contain(ROOT + ".work.Cancellation"));
        assertThrows(AssertionError.class, () -> check(noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(product);
    }
}
