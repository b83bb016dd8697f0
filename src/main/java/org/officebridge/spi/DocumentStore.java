package org.officebridge.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Required: the host's documents, their content and metadata.
 *
 * <p>The connector checks {@link AccessPolicy} before every call; the {@code actor} parameters are
 * for auditing and authorship. <b>Atomicity:</b> {@link #storeVersion} and {@link #createDocument}
 * either store everything or nothing: if reading the content stream fails (the connector cuts it
 * off when a size limit is passed or a download breaks) the store must throw and leave no trace,
 * and no reader may ever see a partly written version. <b>Idempotency:</b> none of these methods is
 * idempotent; the connector deduplicates protocol retries itself.
 */
public interface DocumentStore {

  /**
   * Describes the current version. Called when an editor or WOPI session opens, on CheckFileInfo
   * and before every save.
   *
   * @param id a document
   * @return its current description
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  DocumentInfo describe(DocumentId id) throws DocumentNotFoundException, HostUnavailableException;

  /**
   * Opens the current content for reading (the Document Server's download of {@code document.url},
   * WOPI GetFile, conversions). The connector streams it and closes it.
   *
   * @param id a document
   * @return the current version's bytes with the matching description
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  Content openContent(DocumentId id) throws DocumentNotFoundException, HostUnavailableException;

  /**
   * Stores new content as the document's new current version, atomically, if and only if the
   * current version is still {@code request.expectedBaseVersion()}. Called for callback saves
   * (status 2 and 6), WOPI PutFile, restores, conversions and uploads.
   *
   * @param id a document
   * @param request the base version, file type, author and reason
   * @param content the new bytes, read to the end; the connector closes it
   * @return the description of the new current version (with a new {@code version})
   * @throws VersionConflictException when the current version is not the expected base; nothing
   *     stored
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure; nothing stored
   * @throws IOException when reading {@code content} fails; nothing stored
   */
  DocumentInfo storeVersion(DocumentId id, VersionRequest request, InputStream content)
      throws VersionConflictException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException;

  /**
   * Creates a new document with the given content (a blank document or a template the connector
   * supplies, save as, conversion results, conflict and recovery copies, WOPI PutRelativeFile). The
   * host grants the actor full rights on it.
   *
   * @param spec the title and where to put it
   * @param content the initial bytes, read to the end; the connector closes it
   * @param actor the creating user, who becomes the owner
   * @return the new document's description
   * @throws NameConflictException when the name is taken where the document would go; nothing
   *     created
   * @throws InvalidNameException when the host does not accept the name
   * @throws DocumentNotFoundException when {@code spec.besides()} names a missing document
   * @throws HostUnavailableException on a transient failure
   * @throws IOException when reading {@code content} fails; nothing created
   */
  DocumentInfo createDocument(NewDocument spec, InputStream content, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException;

  /**
   * Renames a document without changing its content or its version (editor rename, WOPI
   * RenameFile).
   *
   * @param id a document
   * @param newTitle the new file name, with the same extension as before
   * @param actor the renaming user
   * @return the updated description
   * @throws InvalidNameException when the host does not accept the name
   * @throws NameConflictException when the name is taken in the same folder
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  DocumentInfo rename(DocumentId id, String newTitle, User actor)
      throws InvalidNameException,
          NameConflictException,
          DocumentNotFoundException,
          HostUnavailableException;

  /**
   * Copies the current version into a new document beside it (save a copy).
   *
   * @param id the source document
   * @param newTitle the copy's file name
   * @param actor the copying user, who becomes the copy's owner
   * @return the copy's description
   * @throws NameConflictException when the name is taken in the folder
   * @throws InvalidNameException when the host does not accept the name
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  DocumentInfo copy(DocumentId id, String newTitle, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException;

  /**
   * Deletes a document and its versions (WOPI DeleteFile). Optional: the default refuses.
   *
   * @param id a document
   * @param actor the deleting user
   * @throws OperationNotSupportedException when the host does not support deleting (the default)
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  default void delete(DocumentId id, User actor)
      throws OperationNotSupportedException, DocumentNotFoundException, HostUnavailableException {
    throw new OperationNotSupportedException("this host does not delete documents");
  }

  /**
   * @return whether {@link #delete} is implemented (WOPI {@code SupportsDeleteFile})
   */
  default boolean supportsDelete() {
    return false;
  }
}
