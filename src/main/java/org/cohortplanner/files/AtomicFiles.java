package org.cohortplanner.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * The one way files are written (plan files, workbooks, the dose-2 change list, the settings): into a hidden
 * {@code .<name>.<random>.part} file beside the target, flushed to the disk, moved over the target in one step and the
 * folder flushed too, so that a reader sees the old file or the new one, never a part, and a crash right after the
 * write does not lose it. A write that fails or is cancelled leaves the folder as it was; {@code .part} files that a
 * killed writer left behind are removed by the next write of the same target.
 */
public final class AtomicFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PART = ".part";

    /** What goes into the file, written to the stream it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to {@code target} in one step.
     *
     * @param replaceExisting whether an existing target is replaced (keeping its permissions)
     * @return the written file
     * @throws FileAlreadyExistsException when the target exists (or appeared while writing) and is not to be replaced
     * @throws IOException                when the file cannot be written; the target is then as it was
     */
    public static Path write(Path target, boolean replaceExisting, Content content) throws IOException {
        removeStaleParts(target);
        try (Temporary temporary = Temporary.beside(target, replaceExisting)) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary.path()))) {
                content.writeTo(out);
            }
            return temporary.moveIntoPlace(replaceExisting);
        }
    }

    /**
     * Removes the hidden .part files that earlier writes of {@code target} left behind when they were killed. A write
     * that is still running holds a lock on its .part file, so only abandoned ones are removed. Cleaning up is a
     * courtesy: nothing here fails.
     */
    public static void removeStaleParts(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || absolute.getFileName() == null || !Files.isDirectory(folder)) {
            return;
        }
        String prefix = "." + absolute.getFileName() + ".";
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, path -> {
            String name = path.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(PART);
        })) {
            for (Path part : parts) {
                try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
                    FileLock lock = channel.tryLock();
                    if (lock != null) {
                        Files.deleteIfExists(part);
                        lock.release();
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // In use by a running write, or not ours to remove: leave it.
                }
            }
        } catch (IOException e) {
            // Not listable: the write itself does not depend on it.
        }
    }

    /**
     * A hidden .part file beside a target, locked for as long as it is open so that another writer does not take it
     * for stale, and deleted on {@link #close()} unless it was moved into place. For writers that fill the file
     * themselves (the workbooks, several moved into place together).
     */
    public static final class Temporary implements Closeable {
        private final Path path;
        private final Path target;
        private final FileChannel channel;
        private boolean moved;

        private Temporary(Path path, Path target, FileChannel channel) {
            this.path = path;
            this.target = target;
            this.channel = channel;
        }

        /**
         * Creates the file, with the user's usual permissions (not those of a private temp file), or the replaced
         * file's own when {@code keepPermissionsOfExisting} and the target exists.
         */
        public static Temporary beside(Path target, boolean keepPermissionsOfExisting) throws IOException {
            Path absolute = target.toAbsolutePath();
            for (int attempt = 0; ; attempt++) {
                Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "."
                        + Long.toUnsignedString(RANDOM.nextLong(), 36) + PART);
                try {
                    Files.createFile(temporary);
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 10) {
                        throw e;
                    }
                    continue;
                }
                try {
                    if (keepPermissionsOfExisting && Files.exists(absolute)) {
                        copyPermissions(absolute, temporary);
                    }
                    FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    try {
                        channel.tryLock();
                    } catch (IOException | OverlappingFileLockException e) {
                        // A file system without locks: the file is still ours, only less guarded.
                    }
                    return new Temporary(temporary, absolute, channel);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(temporary);
                    throw e;
                }
            }
        }

        public Path path() {
            return path;
        }

        /**
         * Flushes the file to the disk, moves it over the target in one step and flushes the folder (where the
         * system allows a folder to be flushed).
         *
         * @throws FileAlreadyExistsException when the target exists and is not to be replaced
         */
        public Path moveIntoPlace(boolean replaceExisting) throws IOException {
            channel.force(true);
            Path written;
            if (replaceExisting) {
                try {
                    written = Files.move(path, target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    written = Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                // Without REPLACE_EXISTING the move refuses a file that appeared while it was being written.
                written = Files.move(path, target);
            }
            moved = true;
            forceFolder(target.getParent());
            return written;
        }

        /** Releases the lock, and deletes the file unless it was moved into place. */
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // The lock goes with the channel; nothing else to undo.
            }
            if (!moved) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A leftover hidden .part file is harmless, and the next write of the target removes it.
                    path.toFile().deleteOnExit();
                }
            }
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system, or not ours to change: the new file keeps the folder's defaults.
        }
    }

    /** Makes the rename durable; some systems (Windows) refuse to open a folder for this, which is then skipped. */
    private static void forceFolder(Path folder) {
        if (folder == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file is in place; only its survival of a power cut right now is less certain.
        }
    }
}
