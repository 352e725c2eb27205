package org.cohortplanner.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path folder;

    @Test
    void writesTheContentAndLeavesNoPartFileBehind() throws IOException {
        Path target = folder.resolve("plan.json");
        Path written = AtomicFiles.write(target, false, out -> out.write("{}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(target, written);
        assertEquals("{}\n", Files.readString(target));
        assertEquals(List.of(target), contents());
    }

    @Test
    void replacesAnExistingFileOnlyWhenAskedAndKeepsItsPermissions() throws IOException {
        Path target = folder.resolve("settings.properties");
        Files.writeString(target, "old");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.write(target, false,
                out -> out.write('x')));
        assertEquals("old", Files.readString(target));

        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        if (posix) {
            Files.setPosixFilePermissions(target, chosen);
        }
        AtomicFiles.write(target, true, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        if (posix) {
            assertEquals(chosen, Files.getPosixFilePermissions(target));
        }
        assertEquals(List.of(target), contents());
    }

    @Test
    void aFailedWriteLeavesTheFolderAsItWas() throws IOException {
        Path target = folder.resolve("list.csv");
        Files.writeString(target, "before");
        IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(target, true, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failure.getMessage());
        assertEquals("before", Files.readString(target));
        assertEquals(List.of(target), contents());
    }

    @Test
    void removesThePartFilesOfAKilledWriteOfTheSameTargetOnly() throws IOException {
        Path target = folder.resolve("plan.xlsx");
        Path stale = Files.createFile(folder.resolve(".plan.xlsx.k1ll3d.part"));
        Path other = Files.createFile(folder.resolve(".other.xlsx.k1ll3d.part"));
        AtomicFiles.write(target, false, out -> out.write(1));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
    }

    @Test
    void aRunningWritesPartFileIsNotTakenForStale() throws IOException {
        Path target = folder.resolve("plan.xlsx");
        try (AtomicFiles.Temporary running = AtomicFiles.Temporary.beside(target, false)) {
            Assumptions.assumeTrue(Files.exists(running.path()));
            AtomicFiles.write(target, false, out -> out.write(2));
            assertTrue(Files.exists(running.path()), "the other write still holds its part file");
            assertThrows(FileAlreadyExistsException.class, () -> running.moveIntoPlace(false));
        }
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(target));
        assertEquals(List.of(target), contents(), "a part file that is closed unmoved is deleted");
    }

    private List<Path> contents() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
