package org.officebridge.spi;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host knows about a document's current version.
 *
 * @param id the document's stable id
 * @param title file name with extension, for example {@code Report.docx} (1-255 characters, no
 *     {@code / \}, no control characters)
 * @param size size of the current content in bytes
 * @param version the current content version: opaque, changes on every content change and never
 *     repeats for this document (it drives document keys and WOPI {@code Version})
 * @param lastModified when the current content was stored
 * @param ownerId id of the owning user
 * @param folder where the document lives in the DMS, for "go back" links and breadcrumbs
 */
public record DocumentInfo(
    DocumentId id,
    String title,
    long size,
    String version,
    Instant lastModified,
    String ownerId,
    Optional<Folder> folder) {

  /**
   * @throws IllegalArgumentException when the title is not a valid file name, the size is negative
   *     or the version is blank
   * @param id the document's stable id
   * @param title file name with extension, for example {@code Report.docx} (1-255 characters, no
   *     {@code / \}, no control characters)
   * @param size size of the current content in bytes
   * @param version the current content version: opaque, changes on every content change and never
   *     repeats for this document (it drives document keys and WOPI {@code Version})
   * @param lastModified when the current content was stored
   * @param ownerId id of the owning user
   * @param folder where the document lives in the DMS, for "go back" links and breadcrumbs
   */
  public DocumentInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(folder, "folder");
    if (!FileNames.isValid(title)) {
      throw new IllegalArgumentException("not a valid file name");
    }
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative");
    }
    if (version == null || version.isBlank() || version.length() > 64) {
      throw new IllegalArgumentException("version must be 1-64 characters");
    }
  }

  /**
   * @return the lower-case extension of the title without the dot, or an empty string
   */
  public String fileType() {
    return FileNames.extension(title);
  }

  /**
   * @return the title without its extension
   */
  public String baseName() {
    return FileNames.baseName(title);
  }

  /**
   * A DMS folder.
   *
   * @param name display name
   * @param url the folder's page in the DMS, opened by "go back" and "open file location";
   *     absolute, or relative to the connector's pages (resolved against the editor page's URL)
   */
  public record Folder(String name, URI url) {
    /**
     * Checks that both parts are present.
     *
     * @param name display name
     * @param url the folder's page in the DMS, opened by "go back" and "open file location";
     *     absolute, or relative to the connector's pages (resolved against the editor page's URL)
     */
    public Folder {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(url, "url");
    }
  }
}
