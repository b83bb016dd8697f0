package org.officebridge.standin.storage;

import java.nio.file.Path;
import org.officebridge.standin.faults.Faults;

/**
 * A file the stand-in holds (a downloaded original, an assembled save, a change archive, a
 * conversion result) and can serve at an expiring link.
 *
 * @param id an unguessable id
 * @param path where it lives in the stand-in's temporary directory
 * @param fileName the name it is served under
 * @param contentType its MIME type
 * @param kind what kind of file it is, for download faults
 */
public record StoredFile(
    String id, Path path, String fileName, String contentType, Faults.FileKind kind) {

  /**
   * @return its size in bytes
   */
  public long size() {
    try {
      return java.nio.file.Files.size(path);
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  /**
   * @return the file type (extension) of its name
   */
  public String fileType() {
    return org.officebridge.standin.formats.FormatTable.extensionOf(fileName);
  }
}
