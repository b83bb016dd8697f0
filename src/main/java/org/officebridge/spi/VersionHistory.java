package org.officebridge.spi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Optional capability: the versions of a document and the Document Server's history data for each,
 * behind the editor's Version History and Restore. Without it the editor shows no history.
 *
 * <p>Restoring needs nothing more: the connector opens the old version with {@link #openVersion}
 * and stores it as a new current version through {@link DocumentStore#storeVersion} with {@link
 * VersionKind#RESTORE}.
 */
public interface VersionHistory {

  /**
   * @param id a document
   * @return every stored version, oldest first (numbers 1, 2, ...); the last one is current
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  List<VersionInfo> listVersions(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * Opens one version's bytes (history view, compare, restore). The connector closes it.
   *
   * @param id a document
   * @param version a version from {@link #listVersions}
   * @return the version's bytes with its description
   * @throws DocumentNotFoundException when there is no such document or version
   * @throws HostUnavailableException on a transient failure
   */
  Content openVersion(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * Keeps the Document Server's history data with a version, right after the version was stored.
   * Storing it again for the same version replaces it.
   *
   * @param id a document
   * @param version the version the data belongs to
   * @param history the session's key, changes and server version
   * @throws DocumentNotFoundException when there is no such document or version
   * @throws HostUnavailableException on a transient failure
   */
  void storeHistory(DocumentId id, String version, HistoryRecord history)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * Keeps the changes archive ({@code changesurl} ZIP) with a version. Atomic like {@link
   * DocumentStore#storeVersion}; storing it again replaces it.
   *
   * @param id a document
   * @param version the version the archive belongs to
   * @param zip the archive's bytes, read to the end; the connector closes it
   * @throws DocumentNotFoundException when there is no such document or version
   * @throws HostUnavailableException on a transient failure
   * @throws IOException when reading {@code zip} fails; nothing stored
   */
  void storeChanges(DocumentId id, String version, InputStream zip)
      throws DocumentNotFoundException, HostUnavailableException, IOException;

  /**
   * @param id a document
   * @param version a version
   * @return the history data stored with it, if any
   * @throws DocumentNotFoundException when there is no such document or version
   * @throws HostUnavailableException on a transient failure
   */
  Optional<HistoryRecord> loadHistory(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * @param id a document
   * @param version a version
   * @return the changes archive stored with it, if any; the connector closes it
   * @throws DocumentNotFoundException when there is no such document or version
   * @throws HostUnavailableException on a transient failure
   */
  Optional<InputStream> openChanges(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException;
}
