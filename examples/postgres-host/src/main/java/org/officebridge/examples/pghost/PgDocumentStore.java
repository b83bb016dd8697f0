package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
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
        if (!PgDocumentRows.compareAndSet(c, id, request.expectedBaseVersion(), version)) {
          Optional<String> now = PgDocuments.currentVersion(c, id);
          throw conflict(id, request, now.orElseThrow(() -> notFound(id)));
        }
        PgDocumentRows.adoptFileType(c, id, request.fileType());
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
              ? PgDocumentRows.folderOf(c, spec.besides().get())
              : PgUserRows.homeFolder(c, actor.id());
      if (PgDocuments.isTaken(c, folder, spec.title(), Optional.empty())) {
        throw PgDocuments.nameConflict(c, folder, spec.title());
      }
      try (Transaction tx = Transaction.begin(c)) {
        PgBlobs.Blob blob = PgBlobs.write(c, content);
        DocumentId id =
            PgDocumentRows.insert(c, spec.title(), folder, actor, fileType, blob, clock.instant());
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
      Optional<String> folder = Optional.empty();
      try (Transaction tx = Transaction.begin(c)) {
        PgDocumentRows.Locked row = PgDocumentRows.lock(c, id);
        folder = row.folderId();
        if (!FileNames.extension(newTitle).equals(FileNames.extension(row.title()))) {
          throw new InvalidNameException("a rename keeps the extension");
        }
        PgDocumentRows.setTitle(c, id, newTitle);
        DocumentInfo renamed = PgDocuments.current(c, id, false).orElseThrow().info();
        tx.commit();
        return renamed;
      } catch (SQLException e) {
        if (PgErrors.isUniqueViolation(e, PgDocuments.TITLE_INDEX)) {
          throw PgDocuments.nameConflict(c, folder, newTitle);
        }
        throw e;
      }
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
        DocumentId copy =
            PgDocumentRows.insert(c, newTitle, folder, actor, fileType, blob, clock.instant());
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
      PgDocumentRows.delete(c, id);
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
