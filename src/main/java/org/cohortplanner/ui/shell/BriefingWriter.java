package org.cohortplanner.ui.shell;

import java.nio.file.Path;
import java.util.Locale;
import org.cohortplanner.domain.Plan;

/**
 * Writes the briefing report (PDF) of a plan in a language; the composition root supplies it (the report's content
 * is the {@code brief} command's). Called away from the FX thread.
 */
@FunctionalInterface
public interface BriefingWriter {
    void write(Plan plan, Path target, Locale locale) throws Exception;
}
