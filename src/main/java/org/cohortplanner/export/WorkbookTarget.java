package org.cohortplanner.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.files.AtomicFiles;

/**
 * Where an export's file goes: checked before anything is written (the folder exists and is writable, an existing
 * file is replaced only when the user confirmed it), written through {@link AtomicFiles} into a hidden .part file
 * beside it and moved into place in one step, with every failure said as a message that names the file.
 */
final class WorkbookTarget {

    private WorkbookTarget() {
    }

    /**
     * Writes a file that is not a workbook (the dose-2 change list as CSV) the way workbooks are written: into a
     * hidden .part file beside the target, moved into place only when complete, an existing file replaced only when
     * the options say so.
     */
    static Path writeFile(Path target, WorkbookWriteOptions options, AtomicFiles.Content content)
            throws WorkbookExportException {
        check(target, options.replaceExisting());
        try {
            return AtomicFiles.write(target, options.replaceExisting(), content);
        } catch (FileAlreadyExistsException e) {
            throw new WorkbookTargetExistsException(target);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    static void check(Path target, boolean replaceExisting) throws WorkbookExportException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.exists(folder)) {
            throw new WorkbookTargetException(Phrase.of("export.folderMissing", target.toString(), folder.toString()),
                    null);
        }
        if (!Files.isDirectory(folder)) {
            throw new WorkbookTargetException(Phrase.of("export.notAFolder", target.toString(), folder.toString()),
                    null);
        }
        if (Files.isDirectory(absolute)) {
            throw new WorkbookTargetException(Phrase.of("export.isFolder", target.toString()), null);
        }
        if (Files.exists(absolute)) {
            if (!replaceExisting) {
                throw new WorkbookTargetExistsException(target);
            }
            if (!Files.isRegularFile(absolute)) {
                throw new WorkbookTargetException(Phrase.of("export.notRegular", target.toString()), null);
            }
        }
        if (!Files.isWritable(folder)) {
            throw new WorkbookTargetException(Phrase.of("export.readOnly", target.toString(), folder.toString()),
                    null);
        }
    }

    static AtomicFiles.Temporary createTemporary(Path target, boolean replaceExisting)
            throws WorkbookExportException {
        try {
            return AtomicFiles.Temporary.beside(target, replaceExisting);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    static Path moveIntoPlace(AtomicFiles.Temporary temporary, Path target, boolean replaceExisting)
            throws WorkbookExportException {
        try {
            return temporary.moveIntoPlace(replaceExisting);
        } catch (FileAlreadyExistsException e) {
            throw new WorkbookTargetExistsException(target);
        } catch (IOException e) {
            throw new WorkbookTargetException(cannotWrite(target, e), e);
        }
    }

    static Phrase cannotWrite(Path target, IOException e) {
        if (e instanceof AccessDeniedException) {
            return Phrase.of("export.denied", target.toString());
        }
        if (e instanceof NoSuchFileException) {
            return Phrase.of("export.noFolder", target.toString());
        }
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
            return Phrase.of("export.failed", target.toString(), fileSystem.getReason());
        }
        return Phrase.of("export.failed", target.toString(), String.valueOf(e.getMessage()));
    }
}
