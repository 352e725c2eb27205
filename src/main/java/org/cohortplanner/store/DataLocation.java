package org.cohortplanner.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.files.PlatformFolders;

/**
 * The folder where the console keeps its local data (the embedded H2 model): the user's data folder as each
 * operating system defines it ({@link PlatformFolders#data()}), unless the user points elsewhere with
 * {@code --data-dir}.
 */
public final class DataLocation {
    private final Path directory;

    private DataLocation(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The folder the user chose, or the user's data folder when {@code chosenDirectory} is null. */
    public static DataLocation resolve(Path chosenDirectory) {
        return chosenDirectory == null ? userDefault() : new DataLocation(chosenDirectory);
    }

    /** The user's data folder on this machine. */
    public static DataLocation userDefault() {
        return new DataLocation(PlatformFolders.ofThisUser().data());
    }

    /** The user's data folder for the given operating system, environment and home folder. */
    static Path defaultDirectory(String osName, Map<String, String> environment, Path home) {
        return PlatformFolders.of(osName, environment, home).data();
    }

    public Path directory() {
        return directory;
    }

    /**
     * Creates the folder (and its parents) when it does not exist yet.
     *
     * @return the folder
     * @throws StoreException when it cannot be created or is not a writable folder
     */
    public Path create() {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException notAFolder) {
            throw new StoreException("the data folder " + directory + " cannot be used: a file of that name exists");
        } catch (AccessDeniedException denied) {
            throw new StoreException("the data folder " + directory + " cannot be created: permission denied on "
                    + denied.getFile());
        } catch (IOException | SecurityException failure) {
            throw new StoreException("the data folder " + directory + " cannot be created: " + failure.getMessage(),
                    failure);
        }
        if (!Files.isWritable(directory)) {
            throw new StoreException(Phrase.of("store.folderNotWritable", directory.toString()), null);
        }
        return directory;
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
