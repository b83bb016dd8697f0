package org.officebridge.examples.pghost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionInfo;
import org.officebridge.spi.VersionKind;

/** Rows of {@code versions}: how a version is inserted and read back as a {@link VersionInfo}. */
final class PgVersionRows {

  private PgVersionRows() {}

  /**
   * A version to insert.
   *
   * @param documentId its document
   * @param version its new, random id
   * @param blob its content
   * @param fileType its extension
   * @param author who stored it
   * @param kind why
   * @param sessionKey the editing session's document key, if any
   * @param created when
   */
  record NewVersion(
      DocumentId documentId,
      String version,
      PgBlobs.Blob blob,
      String fileType,
      User author,
      VersionKind kind,
      Optional<String> sessionKey,
      Instant created) {}

  /**
   * Inserts a version numbered one past the document's last. The caller holds the document's row
   * lock (the compare-and-set {@code UPDATE}, or the {@code INSERT} of a new document), so numbers
   * are taken one at a time.
   *
   * @param c a connection inside the storing transaction
   * @param v the version
   * @throws SQLException when the database fails
   */
  static void insert(Connection c, NewVersion v) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO versions (document_id, version, number, blob_id, size, file_type, kind,"
                + " author_id, author_name, session_key, created_at)"
                + " SELECT ?, ?, coalesce(max(number), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?"
                + " FROM versions WHERE document_id = ?")) {
      s.setString(1, v.documentId().value());
      s.setString(2, v.version());
      s.setLong(3, v.blob().id());
      s.setLong(4, v.blob().size());
      s.setString(5, v.fileType());
      s.setString(6, v.kind().name());
      s.setString(7, v.author().id());
      s.setString(8, v.author().name());
      s.setString(9, v.sessionKey().orElse(null));
      s.setObject(10, PgDocuments.timestamp(v.created()));
      s.setString(11, v.documentId().value());
      s.executeUpdate();
    }
  }

  /** Columns {@link #read} maps: {@code v} is the version, {@code u} its author, if still known. */
  static final String COLUMNS =
      "v.version, v.number, v.created_at, v.author_id, v.author_name, v.size, v.file_type,"
          + " v.kind, "
          + PgUserRows.COLUMNS;

  /**
   * @param r a row with {@link #COLUMNS}
   * @return the version, with its author as the directory knows them now, or as they were named
   * @throws SQLException when a column is missing
   */
  static VersionInfo read(ResultSet r) throws SQLException {
    User author =
        r.getString("user_id") != null
            ? PgUserRows.read(r)
            : User.of(r.getString("author_id"), r.getString("author_name"), Locale.ROOT);
    return new VersionInfo(
        r.getString("version"),
        r.getInt("number"),
        PgDocuments.instant(r, "created_at"),
        author,
        r.getLong("size"),
        r.getString("file_type"),
        VersionKind.valueOf(r.getString("kind")));
  }
}
