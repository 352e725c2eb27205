package org.cohortplanner.ui.shell;

import org.cohortplanner.ui.common.TaskRunner;

/**
 * Writes the briefing report (PDF) asked for; the composition root supplies it (the report's content is the
 * {@code brief} command's). Called away from the FX thread; reports its progress and stops when cancelled.
 */
@FunctionalInterface
public interface BriefingWriter {
    void write(BriefingRequest request, TaskRunner.Job progress) throws Exception;
}
