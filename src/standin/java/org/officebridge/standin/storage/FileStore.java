package org.officebridge.standin.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.officebridge.standin.faults.Faults;

/**
 * The stand-in's files, in one temporary directory that {@link #close()} deletes. Content is always
 * streamed to and from disk, never held whole in memory.
 */
public final class FileStore implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Map<String, StoredFile> files = new ConcurrentHashMap<>();

  /**
   * @throws UncheckedIOException when the temporary directory cannot be made
   */
  public FileStore() {
    try {
      root = Files.createTempDirectory("officebridge-standin-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @return a fresh unguessable id
   */
  public static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * @return a new empty scratch file, owned by the caller until passed to {@link #adopt}
   * @throws IOException when it cannot be made
   */
  public Path scratch() throws IOException {
    return Files.createTempFile(root, "scratch-", ".bin");
  }

  /**
   * Takes over a scratch file as a stored file.
   *
   * @param scratch a file from {@link #scratch()}; moved
   * @param fileName the name to serve it under
   * @param contentType its MIME type
   * @param kind its kind
   * @return the stored file
   * @throws IOException when it cannot be moved
   */
  public StoredFile adopt(Path scratch, String fileName, String contentType, Faults.FileKind kind)
      throws IOException {
    String id = newId();
    Path target = root.resolve(id);
    Files.move(scratch, target, StandardCopyOption.REPLACE_EXISTING);
    StoredFile f = new StoredFile(id, target, fileName, contentType, kind);
    files.put(id, f);
    return f;
  }

  /**
   * @param in content; read to the end, not closed
   * @param fileName the name to serve it under
   * @param contentType its MIME type
   * @param kind its kind
   * @return the stored file
   * @throws IOException when writing fails
   */
  public StoredFile store(InputStream in, String fileName, String contentType, Faults.FileKind kind)
      throws IOException {
    Path scratch = scratch();
    Files.copy(in, scratch, StandardCopyOption.REPLACE_EXISTING);
    return adopt(scratch, fileName, contentType, kind);
  }

  /**
   * @param source a stored file
   * @param fileName the copy's name
   * @param kind the copy's kind
   * @return an independent copy
   * @throws IOException when copying fails
   */
  public StoredFile copy(StoredFile source, String fileName, Faults.FileKind kind)
      throws IOException {
    Path scratch = scratch();
    Files.copy(source.path(), scratch, StandardCopyOption.REPLACE_EXISTING);
    return adopt(scratch, fileName, source.contentType(), kind);
  }

  /**
   * @param id a stored file's id
   * @return the file
   */
  public Optional<StoredFile> find(String id) {
    return Optional.ofNullable(files.get(id));
  }

  /** Deletes every file and the directory. */
  @Override
  public void close() {
    files.clear();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: the directory is in the system's temporary area
    }
  }
}
