package org.officebridge.examples.pghost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;

/**
 * The statements on {@code documents} rows that {@link PgDocumentStore} runs in its transactions.
 */
final class PgDocumentRows {

  private PgDocumentRows() {}

  /**
   * A document's title and folder, read with its row locked.
   *
   * @param title the title
   * @param folderId the folder, if any
   */
  record Locked(String title, Optional<String> folderId) {}

  /**
   * Moves the current version forward if it still is {@code expected}: the compare-and-set of every
   * save. Takes the row lock, so a second save on the same base waits, then matches no row.
   *
   * @return whether the row was updated
   */
  static boolean compareAndSet(Connection c, DocumentId id, String expected, String next)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE documents SET current_version = ? WHERE id = ? AND current_version = ?")) {
      s.setString(1, next);
      s.setString(2, id.value());
      s.setString(3, expected);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * @return the document's title and folder, its row locked until the transaction ends
   * @throws DocumentNotFoundException when there is no such document
   */
  static Locked lock(Connection c, DocumentId id) throws SQLException, DocumentNotFoundException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT title, folder_id FROM documents WHERE id = ? FOR UPDATE")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw PgDocumentStore.notFound(id);
        }
        return new Locked(r.getString(1), Optional.ofNullable(r.getString(2)));
      }
    }
  }

  static void setTitle(Connection c, DocumentId id, String title) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE documents SET title = ? WHERE id = ?")) {
      s.setString(1, title);
      s.setString(2, id.value());
      s.executeUpdate();
    }
  }

  /**
   * Gives a locked document's title the new extension (doc to docx), choosing a free name when it
   * is taken in the folder.
   */
  static void adoptFileType(Connection c, DocumentId id, String fileType)
      throws SQLException, DocumentNotFoundException {
    Locked row = lock(c, id);
    if (FileNames.extension(row.title()).equals(fileType)) {
      return;
    }
    String renamed = FileNames.baseName(row.title()) + "." + fileType;
    if (PgDocuments.isTaken(c, row.folderId(), renamed, Optional.of(id))) {
      renamed = PgDocuments.nameConflict(c, row.folderId(), renamed).suggestion().orElseThrow();
    }
    setTitle(c, id, renamed);
  }

  /**
   * Inserts a new document with its first version.
   *
   * @return the new document's id
   */
  static DocumentId insert(
      Connection c,
      String title,
      Optional<String> folder,
      User owner,
      String fileType,
      PgBlobs.Blob blob,
      Instant now)
      throws SQLException {
    DocumentId id = new DocumentId(PgDocuments.newDocumentId());
    String version = PgDocuments.newVersionId();
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO documents (id, title, folder_id, owner_id, current_version, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id.value());
      s.setString(2, title);
      s.setString(3, folder.orElse(null));
      s.setString(4, owner.id());
      s.setString(5, version);
      s.setObject(6, PgDocuments.timestamp(now));
      s.executeUpdate();
    }
    PgVersionRows.insert(
        c,
        new PgVersionRows.NewVersion(
            id, version, blob, fileType, owner, VersionKind.CREATED, Optional.empty(), now));
    return id;
  }

  /**
   * @return the folder of a document
   * @throws DocumentNotFoundException when there is no such document
   */
  static Optional<String> folderOf(Connection c, DocumentId id)
      throws SQLException, DocumentNotFoundException {
    try (PreparedStatement s = c.prepareStatement("SELECT folder_id FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw PgDocumentStore.notFound(id);
        }
        return Optional.ofNullable(r.getString(1));
      }
    }
  }

  /**
   * Deletes a document (its versions, grants and favourites go with it) and the blobs no other
   * document shares.
   *
   * @throws DocumentNotFoundException when there is no such document
   */
  static void delete(Connection c, DocumentId id) throws SQLException, DocumentNotFoundException {
    lock(c, id);
    List<Long> blobs = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT blob_id FROM versions WHERE document_id = ? UNION"
                + " SELECT changes_blob_id FROM versions WHERE document_id = ?"
                + " AND changes_blob_id IS NOT NULL")) {
      s.setString(1, id.value());
      s.setString(2, id.value());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          blobs.add(r.getLong(1));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      s.executeUpdate();
    }
    PgBlobs.deleteUnreferenced(c, blobs);
  }
}
