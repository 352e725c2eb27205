package org.cohortplanner.ui.export;

import java.nio.file.Path;
import java.util.Optional;

/** Where the Export screen asks the user to write: a workbook file, or a folder for the regional workbooks. */
public interface ExportChoosers {

    /** A workbook file to write, or empty when the user cancelled. */
    Optional<Path> chooseWorkbook(String title, Path startingFolder, String suggestedName);

    /** A folder for one workbook per region, or empty when the user cancelled. */
    Optional<Path> chooseFolder(String title, Path startingFolder);
}
