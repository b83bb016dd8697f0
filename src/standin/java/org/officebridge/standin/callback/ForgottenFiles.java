package org.officebridge.standin.callback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.officebridge.standin.storage.StoredFile;

/**
 * Final saves nobody acknowledged, kept per key as the DS keeps them (command service {@code
 * getForgotten}, {@code getForgottenList}, {@code deleteForgotten}).
 */
public final class ForgottenFiles {

  /**
   * One forgotten file.
   *
   * @param key the document key
   * @param file the assembled document
   * @param since when it became forgotten
   */
  public record Forgotten(String key, StoredFile file, Instant since) {}

  private final Map<String, Forgotten> files = new ConcurrentHashMap<>();

  /**
   * @param forgotten a final save that was not accepted
   */
  public void put(Forgotten forgotten) {
    files.put(forgotten.key(), forgotten);
  }

  /**
   * @param key a document key
   * @return its forgotten file
   */
  public Optional<Forgotten> get(String key) {
    return Optional.ofNullable(files.get(key));
  }

  /**
   * @return the keys with a forgotten file
   */
  public List<String> keys() {
    return files.keySet().stream().sorted().toList();
  }

  /**
   * @param key a document key
   * @return whether a file was deleted
   */
  public boolean delete(String key) {
    return files.remove(key) != null;
  }
}
