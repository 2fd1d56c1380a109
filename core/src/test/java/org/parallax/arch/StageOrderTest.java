package org.parallax.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The data flow runs one way: a stage package may import the model and the stages upstream
 * of it, never a stage downstream, and no stage imports the pipeline that orders them.
 */
class StageOrderTest {
    /** Data-flow order; the report presents everything and comes last. */
    static final List<String> ORDER = List.of("model", "ingest", "extract", "text", "reuse", "quotes",
            "stories", "compare", "report", "store", "pipeline");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.parallax");

    @Test
    void noStageImportsADownstreamStage() {
        for (int i = 0; i < ORDER.size(); i++) {
            for (int j = i + 1; j < ORDER.size(); j++) {
                noClasses().that().resideInAPackage("org.parallax." + ORDER.get(i) + "..")
                        .should().dependOnClassesThat().resideInAPackage("org.parallax." + ORDER.get(j) + "..")
                        .because(ORDER.get(i) + " is upstream of " + ORDER.get(j))
                        .check(CLASSES);
            }
        }
    }

    @Test
    void everyMainClassLivesInAKnownStagePackage() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .should().resideInAnyPackage(ORDER.stream().map(p -> "org.parallax." + p + "..").toArray(String[]::new))
                .check(CLASSES);
    }
}
