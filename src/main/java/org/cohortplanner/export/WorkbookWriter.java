package org.cohortplanner.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.files.AtomicFiles;

/**
 * Writes table sheets to .xlsx workbooks with POI's streaming SXSSF, so that a schedule of a million rows is
 * written with a small heap. Every workbook is first written to a hidden temporary file next to its target and
 * moved into place only when all of them are complete: a failed or cancelled export leaves neither a half-written
 * file nor POI's temporary sheet files, and an existing file is replaced only when the options say the user
 * confirmed it. The parts have classes of their own: {@link WorkbookTarget} checks and moves the files,
 * {@link SheetWriter} writes a table as a sheet with {@link SheetStyles} and {@link SheetCharts}, and
 * {@link ExportProgress} and {@link CancellableOutputStream} report progress and notice a cancel.
 */
public final class WorkbookWriter {

    /** Which POI model writes the cells; the in-memory one exists only to be compared with in the benchmark. */
    enum Engine { STREAMING, IN_MEMORY }

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    static final int ROWS_KEPT_IN_MEMORY = 200;

    private final Engine engine;

    public WorkbookWriter() {
        this(Engine.STREAMING);
    }

    WorkbookWriter(Engine engine) {
        this.engine = engine;
    }

    /** Writes one workbook and returns its path. */
    public Path write(Path target, List<SheetTable<?>> sheets, WorkbookWriteOptions options)
            throws WorkbookExportException {
        return writeAll(List.of(new WorkbookFile(target, sheets)), options).get(0);
    }

    /**
     * Writes several workbooks (one per region) as one export: none of them is moved into place until all are
     * complete, so a failure or a cancel leaves the folder as it was.
     */
    public List<Path> writeAll(List<WorkbookFile> files, WorkbookWriteOptions options)
            throws WorkbookExportException {
        Set<Path> targets = new HashSet<>();
        for (WorkbookFile file : files) {
            if (!targets.add(file.target().toAbsolutePath().normalize())) {
                throw new WorkbookTargetException("two workbooks of one export would both be written to "
                        + file.target());
            }
            WorkbookTarget.check(file.target(), options.replaceExisting());
        }
        ExportProgress progress = new ExportProgress(options, files.size(),
                files.stream().mapToLong(WorkbookFile::expectedRows).sum());
        List<AtomicFiles.Temporary> temporaries = new ArrayList<>();
        try {
            for (WorkbookFile file : files) {
                AtomicFiles.removeStaleParts(file.target());
            }
            for (int i = 0; i < files.size(); i++) {
                WorkbookFile file = files.get(i);
                temporaries.add(WorkbookTarget.createTemporary(file.target(), options.replaceExisting()));
                progress.startWorkbook(file.target(), i);
                writeWorkbook(temporaries.get(i).path(), file, options, progress);
            }
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                written.add(WorkbookTarget.moveIntoPlace(temporaries.get(i), files.get(i).target(),
                        options.replaceExisting()));
            }
            progress.finished();
            return written;
        } finally {
            temporaries.forEach(AtomicFiles.Temporary::close);
        }
    }

    private Workbook newWorkbook() {
        return engine == Engine.STREAMING ? new SXSSFWorkbook(null, ROWS_KEPT_IN_MEMORY, false, false)
                : new XSSFWorkbook();
    }

    private void writeWorkbook(Path temporary, WorkbookFile file, WorkbookWriteOptions options,
                               ExportProgress progress) throws WorkbookExportException {
        Workbook workbook = newWorkbook();
        try {
            SheetStyles styles = new SheetStyles(workbook);
            for (SheetTable<?> table : file.sheets()) {
                SheetWriter.write(workbook, table, styles, options.zone(), progress);
            }
            try (OutputStream out = new CancellableOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16), progress)) {
                workbook.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // POI may wrap the stream's cancel in its own exception; the signal is what counts.
            if (progress.isCancelled()) {
                throw progress.cancelledException();
            }
            if (e instanceof IOException io) {
                throw new WorkbookTargetException(WorkbookTarget.cannotWrite(file.target(), io), e);
            }
            throw new WorkbookExportException("cannot write " + file.target() + ": " + e.getMessage(), e);
        } finally {
            close(workbook);
        }
    }

    private static void close(Workbook workbook) {
        if (workbook instanceof SXSSFWorkbook streaming) {
            streaming.dispose();
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // Closing a workbook that was never read from a file releases memory only; nothing to report.
        }
    }
}
