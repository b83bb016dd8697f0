package org.officebridge.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo store's small properties files, kept in memory and checked against the file on every
 * read: one {@code stat} instead of opening, reading and parsing the file. Every write replaces a
 * file by renaming a new one over it ({@link DemoFolder}), so a changed file has a new identity
 * (inode) and modification time; a write by this process, by another node sharing the folder, or by
 * hand is seen on the next read; this process's own writes through {@link #write} also drop the
 * entry. At most {@link #MAX_ENTRIES} files are kept. Thread-safe; callers get their own copy to
 * change.
 */
final class DemoPropertiesCache {

  private record Entry(Object fileKey, FileTime modified, long size, Properties properties) {

    boolean matches(BasicFileAttributes a) {
      return Objects.equals(fileKey, a.fileKey())
          && modified.equals(a.lastModifiedTime())
          && size == a.size();
    }
  }

  /** Past this many files kept, the cache starts again empty: every version adds files. */
  static final int MAX_ENTRIES = 4096;

  private final Map<Path, Entry> entries = new ConcurrentHashMap<>();

  /**
   * @param file a properties file
   * @return a copy of its properties, empty when the file does not exist
   * @throws IOException when it cannot be read
   */
  Properties read(Path file) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      entries.remove(file);
      return new Properties();
    }
    Entry entry = entries.get(file);
    if (entry == null || !entry.matches(attributes)) {
      // read after the stat: if the file is replaced in between, the entry holds the newer
      // content under the older identity, and the next read loads it again
      entry =
          new Entry(
              attributes.fileKey(),
              attributes.lastModifiedTime(),
              attributes.size(),
              DemoFolder.readProperties(file));
      if (entries.size() >= MAX_ENTRIES) {
        entries.clear();
      }
      entries.put(file, entry);
    }
    Properties copy = new Properties();
    copy.putAll(entry.properties());
    return copy;
  }

  /**
   * Writes a properties file atomically ({@link DemoFolder#writeProperties}) and forgets what was
   * kept of it, so this process never depends on the file's identity for its own writes.
   *
   * @param file the file
   * @param properties its new content
   * @throws IOException when it cannot be written
   */
  void write(Path file, Properties properties) throws IOException {
    try {
      DemoFolder.writeProperties(file, properties);
    } finally {
      entries.remove(file);
    }
  }

  /**
   * Forgets every file under a folder.
   *
   * @param dir the folder
   */
  void forgetUnder(Path dir) {
    entries.keySet().removeIf(p -> p.startsWith(dir));
  }

  /**
   * @return how many files are kept now
   */
  int size() {
    return entries.size();
  }
}
