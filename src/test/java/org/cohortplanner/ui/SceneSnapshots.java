package org.cohortplanner.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Pictures of the console as the tests see it, for the screenshots of the docs: a scene written to a PNG file when
 * the run asks for them with {@code -Dcohortplanner.screenshots=FOLDER}, else nothing. Call on the FX thread.
 */
public final class SceneSnapshots {
    /** The system property naming the folder the pictures go to. */
    public static final String FOLDER_PROPERTY = "cohortplanner.screenshots";

    private SceneSnapshots() {
    }

    /** The folder asked for, if any. */
    public static Optional<Path> folder() {
        String folder = System.getProperty(FOLDER_PROPERTY);
        return folder == null || folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    /** Writes {@code scene} as {@code name}.png into the folder asked for; does nothing when none was. */
    public static void write(Scene scene, String name) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return;
        }
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        picture.setRGB(0, 0, width, height, pixels, 0, width);
        try {
            Files.createDirectories(folder.get());
            ImageIO.write(picture, "png", folder.get().resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
