package org.officebridge.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The file operations of the demo store, each write atomic: data goes to a temporary file in the
 * same directory, is forced to disk, then renamed over the target in one step, so a reader sees the
 * old file or the new one, never a part.
 */
final class DemoFolder {

  private static final int BUFFER = 64 * 1024;

  private DemoFolder() {}

  /**
   * Streams {@code in} to a new temporary file beside {@code dir}'s files, forced to disk.
   *
   * @return the temporary file; the caller moves it into place or deletes it
   */
  static Path stage(Path dir, InputStream in) throws IOException {
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, ".incoming-", ".tmp");
    try (FileChannel channel =
            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
      byte[] buffer = new byte[BUFFER];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
      }
      out.flush();
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /** Moves a staged file over {@code target} atomically. */
  static void commit(Path staged, Path target) throws IOException {
    try {
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Writes properties atomically. */
  static void writeProperties(Path file, Properties properties) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".props-", ".tmp");
    try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      properties.store(w, null);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    commit(temp, file);
  }

  /** Reads properties, empty when the file does not exist. */
  static Properties readProperties(Path file) throws IOException {
    Properties properties = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(r);
      }
    }
    return properties;
  }
}
