package org.officebridge.examples.pghost;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.NameConflictException;

/**
 * The queries the document store, the version history and the catalog share: a document read
 * together with one of its versions in one statement (one consistent snapshot), title rules, and
 * new identifiers.
 */
final class PgDocuments {

  /** The unique index behind "one title per folder, ignoring case". */
  static final String TITLE_INDEX = "documents_title_in_folder";

  /**
   * Columns {@link #read} maps; {@code d} is the document, {@code v} a version, {@code f} its
   * folder.
   */
  static final String COLUMNS =
      "d.id, d.title, d.owner_id, d.folder_id, f.name AS folder_name, f.url AS folder_url,"
          + " v.version, v.size, v.created_at, v.file_type, v.blob_id";

  private static final String FROM =
      " FROM documents d JOIN versions v ON v.document_id = d.id"
          + " LEFT JOIN folders f ON f.id = d.folder_id";

  /** Documents with their current version: append {@code AND} conditions. */
  static final String SELECT_CURRENT =
      "SELECT " + COLUMNS + FROM + " WHERE v.version = d.current_version";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

  private PgDocuments() {}

  /**
   * A document with one of its versions.
   *
   * @param info the description, titled with that version's file type
   * @param blobId the version's content
   * @param folderId the document's folder, if any
   */
  record Row(DocumentInfo info, long blobId, Optional<String> folderId) {}

  /**
   * @param c a connection
   * @param id a document
   * @param lock whether to lock the document row against deletion ({@code FOR SHARE})
   * @return the document with its current version, if it exists
   * @throws SQLException when the database fails
   */
  static Optional<Row> current(Connection c, DocumentId id, boolean lock) throws SQLException {
    String sql = SELECT_CURRENT + " AND d.id = ?" + (lock ? " FOR SHARE OF d" : "");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, id.value());
      return one(s);
    }
  }

  /**
   * @param c a connection
   * @param id a document
   * @param version one of its versions
   * @return the document with that version, if both exist
   * @throws SQLException when the database fails
   */
  static Optional<Row> version(Connection c, DocumentId id, String version) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE d.id = ? AND v.version = ?")) {
      s.setString(1, id.value());
      s.setString(2, version);
      return one(s);
    }
  }

  /**
   * @param c a connection
   * @param id a document
   * @return its current version, if it exists
   * @throws SQLException when the database fails
   */
  static Optional<String> currentVersion(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT current_version FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    }
  }

  private static Optional<Row> one(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      return r.next() ? Optional.of(read(r)) : Optional.empty();
    }
  }

  /**
   * @param r a row with {@link #COLUMNS}
   * @return the document with the row's version
   * @throws SQLException when a column is missing
   */
  static Row read(ResultSet r) throws SQLException {
    String title = r.getString("title");
    String fileType = r.getString("file_type");
    if (!FileNames.extension(title).equals(fileType)) {
      title = FileNames.baseName(title) + "." + fileType;
    }
    Optional<DocumentInfo.Folder> folder =
        Optional.ofNullable(r.getString("folder_name"))
            .map(name -> new DocumentInfo.Folder(name, uri(r, "folder_url")));
    DocumentInfo info =
        new DocumentInfo(
            new DocumentId(r.getString("id")),
            title,
            r.getLong("size"),
            r.getString("version"),
            instant(r, "created_at"),
            r.getString("owner_id"),
            folder);
    return new Row(info, r.getLong("blob_id"), Optional.ofNullable(r.getString("folder_id")));
  }

  private static URI uri(ResultSet r, String column) {
    try {
      return URI.create(r.getString(column));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read " + column, e);
    }
  }

  /**
   * @param r a result set
   * @param column a timestamptz column
   * @return its value
   * @throws SQLException when the column is missing
   */
  static Instant instant(ResultSet r, String column) throws SQLException {
    return r.getObject(column, OffsetDateTime.class).toInstant();
  }

  /**
   * @param instant a time
   * @return the value to bind to a timestamptz parameter (PostgreSQL keeps microseconds)
   */
  static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /**
   * @param title a valid title
   * @return its extension, when it is one a version may have ({@code [a-z0-9]{1,10}})
   */
  static Optional<String> fileType(String title) {
    String ext = FileNames.extension(title);
    return ext.matches("[a-z0-9]{1,10}") ? Optional.of(ext) : Optional.empty();
  }

  /**
   * @param c a connection
   * @param folderId a folder, or empty for documents outside any folder
   * @param title the taken title
   * @return the exception telling so, with the first free "name (n).ext" as suggestion
   * @throws SQLException when the database fails
   */
  static NameConflictException nameConflict(Connection c, Optional<String> folderId, String title)
      throws SQLException {
    Set<String> taken = new HashSet<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT lower(title) FROM documents WHERE coalesce(folder_id, '') = ?")) {
      s.setString(1, folderId.orElse(""));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          taken.add(r.getString(1));
        }
      }
    }
    return new NameConflictException("the title is taken in its folder", free(title, taken));
  }

  /**
   * @param c a connection
   * @param folderId a folder, or empty
   * @param title a title
   * @param except a document whose own title does not count
   * @return whether another document in the folder has the title, ignoring case
   * @throws SQLException when the database fails
   */
  static boolean isTaken(
      Connection c, Optional<String> folderId, String title, Optional<DocumentId> except)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM documents WHERE coalesce(folder_id, '') = ? AND lower(title) = lower(?)"
                + " AND id <> ?")) {
      s.setString(1, folderId.orElse(""));
      s.setString(2, title);
      s.setString(3, except.map(DocumentId::value).orElse(""));
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static String free(String title, Set<String> taken) {
    String base = FileNames.baseName(title);
    String ext = FileNames.extension(title);
    for (int i = 2; ; i++) {
      String candidate = base + " (" + i + ")" + (ext.isEmpty() ? "" : "." + ext);
      if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
  }

  /**
   * @return a new document id: 20 random characters of 0-9 a-z
   */
  static String newDocumentId() {
    return token(20);
  }

  /**
   * @return a new version id: 12 random characters of 0-9 a-z (the primary key of {@code versions}
   *     makes sure it never repeats within a document)
   */
  static String newVersionId() {
    return token(12);
  }

  private static String token(int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
