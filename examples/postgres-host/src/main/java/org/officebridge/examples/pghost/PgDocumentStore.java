package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * Documents in PostgreSQL. A save streams the content into a new blob and moves {@code
 * documents.current_version} forward with one compare-and-set {@code UPDATE}, in one transaction:
 * of two saves on the same base, the second waits for the first's row lock, then matches no row and
 * rolls back with its blob. Readers only ever see committed versions.
 */
@ApplicationScoped
public class PgDocumentStore implements DocumentStore {

  private final PgHostDatabase database;
  private final Clock clock;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgDocumentStore() {
    this(PgHostDatabase.shared(), Clock.systemUTC());
  }

  /**
   * @param dataSource the host's database
   */
  public PgDocumentStore(DataSource dataSource) {
    this(new PgHostDatabase(dataSource), Clock.systemUTC());
  }

  PgDocumentStore(PgHostDatabase database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  @Override
  public DocumentInfo describe(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection()) {
      return PgDocuments.current(c, id, false).orElseThrow(() -> notFound(id)).info();
    } catch (SQLException e) {
      throw PgErrors.failure("describe " + id, e);
    }
  }

  @Override
  public Content openContent(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    Connection c = database.connection();
    boolean handedOver = false;
    try {
      PgDocuments.Row row = PgDocuments.current(c, id, false).orElseThrow(() -> notFound(id));
      Content content = new Content(row.info(), PgBlobs.open(c, row.blobId(), row.info().size()));
      handedOver = true;
      return content;
    } catch (SQLException e) {
      throw PgErrors.failure("open " + id, e);
    } finally {
      if (!handedOver) {
        closeQuietly(c);
      }
    }
  }

  @Override
  public DocumentInfo storeVersion(DocumentId id, VersionRequest request, InputStream content)
      throws VersionConflictException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException {
    String current = describe(id).version();
    if (!current.equals(request.expectedBaseVersion())) {
      throw conflict(id, request, current);
    }
    try (Connection c = database.connection()) {
      try (Transaction tx = Transaction.begin(c)) {
        PgBlobs.Blob blob = PgBlobs.write(c, content);
        String version = PgDocuments.newVersionId();
        if (!compareAndSet(c, id, request.expectedBaseVersion(), version)) {
          Optional<String> now = PgDocuments.currentVersion(c, id);
          throw conflict(id, request, now.orElseThrow(() -> notFound(id)));
        }
        adoptFileType(c, id, request.fileType());
        PgVersionRows.insert(
            c,
            new PgVersionRows.NewVersion(
                id,
                version,
                blob,
                request.fileType(),
                request.author(),
                request.kind(),
                request.sessionKey(),
                clock.instant()));
        DocumentInfo stored = PgDocuments.current(c, id, false).orElseThrow().info();
        tx.commit();
        return stored;
      }
    } catch (SQLException e) {
      throw PgErrors.failure("store a version of " + id, e);
    }
  }

  private static boolean compareAndSet(Connection c, DocumentId id, String expected, String next)
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

  /** Gives the title the new extension (doc to docx), choosing a free name if it is taken. */
  private static void adoptFileType(Connection c, DocumentId id, String fileType)
      throws SQLException {
    String title;
    Optional<String> folder;
    try (PreparedStatement s =
        c.prepareStatement("SELECT title, folder_id FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        r.next();
        title = r.getString(1);
        folder = Optional.ofNullable(r.getString(2));
      }
    }
    if (FileNames.extension(title).equals(fileType)) {
      return;
    }
    String renamed = FileNames.baseName(title) + "." + fileType;
    if (PgDocuments.isTaken(c, folder, renamed, Optional.of(id))) {
      renamed = PgDocuments.nameConflict(c, folder, renamed).suggestion().orElseThrow();
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE documents SET title = ? WHERE id = ?")) {
      s.setString(1, renamed);
      s.setString(2, id.value());
      s.executeUpdate();
    }
  }

  @Override
  public DocumentInfo createDocument(NewDocument spec, InputStream content, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException,
          IOException {
    String fileType =
        PgDocuments.fileType(spec.title())
            .orElseThrow(() -> new InvalidNameException("a title needs an extension of a-z 0-9"));
    try (Connection c = database.connection()) {
      Optional<String> folder =
          spec.besides().isPresent()
              ? folderOf(c, spec.besides().get())
              : PgUserRows.homeFolder(c, actor.id());
      if (PgDocuments.isTaken(c, folder, spec.title(), Optional.empty())) {
        throw PgDocuments.nameConflict(c, folder, spec.title());
      }
      try (Transaction tx = Transaction.begin(c)) {
        PgBlobs.Blob blob = PgBlobs.write(c, content);
        DocumentId id = insertDocument(c, spec.title(), folder, actor, fileType, blob);
        DocumentInfo created = PgDocuments.current(c, id, false).orElseThrow().info();
        tx.commit();
        return created;
      } catch (SQLException e) {
        if (PgErrors.isUniqueViolation(e, PgDocuments.TITLE_INDEX)) {
          throw PgDocuments.nameConflict(c, folder, spec.title());
        }
        throw e;
      }
    } catch (SQLException e) {
      throw PgErrors.failure("create " + spec.title(), e);
    }
  }

  private DocumentId insertDocument(
      Connection c,
      String title,
      Optional<String> folder,
      User owner,
      String fileType,
      PgBlobs.Blob blob)
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
      s.setObject(6, PgDocuments.timestamp(clock.instant()));
      s.executeUpdate();
    }
    PgVersionRows.insert(
        c,
        new PgVersionRows.NewVersion(
            id,
            version,
            blob,
            fileType,
            owner,
            VersionKind.UPLOAD,
            Optional.empty(),
            clock.instant()));
    return id;
  }

  private static Optional<String> folderOf(Connection c, DocumentId id)
      throws SQLException, DocumentNotFoundException {
    try (PreparedStatement s = c.prepareStatement("SELECT folder_id FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw notFound(id);
        }
        return Optional.ofNullable(r.getString(1));
      }
    }
  }

  @Override
  public DocumentInfo rename(DocumentId id, String newTitle, User actor)
      throws InvalidNameException,
          NameConflictException,
          DocumentNotFoundException,
          HostUnavailableException {
    if (!FileNames.isValid(newTitle)) {
      throw new InvalidNameException("not a valid file name");
    }
    try (Connection c = database.connection()) {
      PgDocuments.Row row = PgDocuments.current(c, id, false).orElseThrow(() -> notFound(id));
      Optional<String> folder = row.folderId();
      String oldTitle = row.info().title();
      if (!FileNames.extension(newTitle).equals(FileNames.extension(oldTitle))) {
        throw new InvalidNameException("a rename keeps the extension");
      }
      try (PreparedStatement s =
          c.prepareStatement("UPDATE documents SET title = ? WHERE id = ?")) {
        s.setString(1, newTitle);
        s.setString(2, id.value());
        if (s.executeUpdate() == 0) {
          throw notFound(id);
        }
      } catch (SQLException e) {
        if (PgErrors.isUniqueViolation(e, PgDocuments.TITLE_INDEX)) {
          throw PgDocuments.nameConflict(c, folder, newTitle);
        }
        throw e;
      }
      return PgDocuments.current(c, id, false).orElseThrow(() -> notFound(id)).info();
    } catch (SQLException e) {
      throw PgErrors.failure("rename " + id, e);
    }
  }

  /** The copy shares the source's blob: content never changes, so no byte is copied. */
  @Override
  public DocumentInfo copy(DocumentId id, String newTitle, User actor)
      throws NameConflictException,
          InvalidNameException,
          DocumentNotFoundException,
          HostUnavailableException {
    if (!FileNames.isValid(newTitle)) {
      throw new InvalidNameException("not a valid file name");
    }
    String fileType =
        PgDocuments.fileType(newTitle)
            .orElseThrow(() -> new InvalidNameException("a title needs an extension of a-z 0-9"));
    try (Connection c = database.connection()) {
      Optional<String> folder = Optional.empty();
      try (Transaction tx = Transaction.begin(c)) {
        PgDocuments.Row source = PgDocuments.current(c, id, true).orElseThrow(() -> notFound(id));
        folder = source.folderId();
        PgBlobs.Blob blob = new PgBlobs.Blob(source.blobId(), source.info().size());
        DocumentId copy = insertDocument(c, newTitle, folder, actor, fileType, blob);
        DocumentInfo created = PgDocuments.current(c, copy, false).orElseThrow().info();
        tx.commit();
        return created;
      } catch (SQLException e) {
        if (PgErrors.isUniqueViolation(e, PgDocuments.TITLE_INDEX)) {
          throw PgDocuments.nameConflict(c, folder, newTitle);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw PgErrors.failure("copy " + id, e);
    }
  }

  /** Deletes the document, its versions, grants and favourites, and blobs no one else shares. */
  @Override
  public void delete(DocumentId id, User actor)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        Transaction tx = Transaction.begin(c)) {
      List<Long> blobs = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT v.blob_id, v.changes_blob_id FROM documents d"
                  + " LEFT JOIN versions v ON v.document_id = d.id WHERE d.id = ? FOR UPDATE OF d")) {
        s.setString(1, id.value());
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            throw notFound(id);
          }
          do {
            for (int column = 1; column <= 2; column++) {
              long blob = r.getLong(column);
              if (!r.wasNull()) {
                blobs.add(blob);
              }
            }
          } while (r.next());
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
        s.setString(1, id.value());
        s.executeUpdate();
      }
      PgBlobs.deleteUnreferenced(c, blobs);
      tx.commit();
    } catch (SQLException e) {
      throw PgErrors.failure("delete " + id, e);
    }
  }

  @Override
  public boolean supportsDelete() {
    return true;
  }

  private static VersionConflictException conflict(
      DocumentId id, VersionRequest request, String current) {
    return new VersionConflictException(
        "version " + request.expectedBaseVersion() + " of " + id + " is not current", current);
  }

  static DocumentNotFoundException notFound(DocumentId id) {
    return new DocumentNotFoundException("no document " + id);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // the failure that made us close it is what the caller hears about
    }
  }
}
