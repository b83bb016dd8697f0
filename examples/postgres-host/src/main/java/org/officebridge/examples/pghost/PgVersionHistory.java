package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HistoryRecord;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.VersionInfo;

/**
 * Every version of a document is a row of {@code versions}, with the Document Server's history data
 * in its columns and the changes archive as a blob of its own.
 */
@ApplicationScoped
public class PgVersionHistory implements VersionHistory {

  private final PgHostDatabase database;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgVersionHistory() {
    this(PgHostDatabase.shared());
  }

  /**
   * @param dataSource the host's database
   */
  public PgVersionHistory(DataSource dataSource) {
    this(new PgHostDatabase(dataSource));
  }

  PgVersionHistory(PgHostDatabase database) {
    this.database = database;
  }

  @Override
  public List<VersionInfo> listVersions(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + PgVersionRows.COLUMNS
                    + " FROM versions v LEFT JOIN users u ON u.id = v.author_id"
                    + " WHERE v.document_id = ? ORDER BY v.number")) {
      s.setString(1, id.value());
      List<VersionInfo> versions = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          versions.add(PgVersionRows.read(r));
        }
      }
      if (versions.isEmpty()) {
        throw PgDocumentStore.notFound(id);
      }
      return versions;
    } catch (SQLException e) {
      throw PgErrors.failure("list the versions of " + id, e);
    }
  }

  @Override
  public Content openVersion(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    Connection c = database.connection();
    boolean handedOver = false;
    try {
      PgDocuments.Row row =
          PgDocuments.version(c, id, version).orElseThrow(() -> notFound(id, version));
      Content content = new Content(row.info(), PgBlobs.open(c, row.blobId(), row.info().size()));
      handedOver = true;
      return content;
    } catch (SQLException e) {
      throw PgErrors.failure("open version " + version + " of " + id, e);
    } finally {
      if (!handedOver) {
        close(c);
      }
    }
  }

  @Override
  public void storeHistory(DocumentId id, String version, HistoryRecord history)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE versions SET history_key = ?, history_changes = ?,"
                    + " history_server_version = ? WHERE document_id = ? AND version = ?")) {
      s.setString(1, history.documentKey());
      s.setString(2, history.changesJson());
      s.setString(3, history.serverVersion());
      s.setString(4, id.value());
      s.setString(5, version);
      if (s.executeUpdate() == 0) {
        throw notFound(id, version);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("store the history of " + id, e);
    }
  }

  /** Streams the archive into a new blob and swaps it in; the replaced one is deleted. */
  @Override
  public void storeChanges(DocumentId id, String version, InputStream zip)
      throws DocumentNotFoundException, HostUnavailableException, IOException {
    try (Connection c = database.connection();
        Transaction tx = Transaction.begin(c)) {
      Optional<Long> old = lockVersion(c, id, version);
      PgBlobs.Blob blob = PgBlobs.write(c, zip);
      try (PreparedStatement s =
          c.prepareStatement(
              "UPDATE versions SET changes_blob_id = ? WHERE document_id = ? AND version = ?")) {
        s.setLong(1, blob.id());
        s.setString(2, id.value());
        s.setString(3, version);
        s.executeUpdate();
      }
      PgBlobs.deleteUnreferenced(c, old.stream().toList());
      tx.commit();
    } catch (SQLException e) {
      throw PgErrors.failure("store the changes of " + id, e);
    }
  }

  private static Optional<Long> lockVersion(Connection c, DocumentId id, String version)
      throws SQLException, DocumentNotFoundException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT changes_blob_id FROM versions WHERE document_id = ? AND version = ?"
                + " FOR UPDATE")) {
      s.setString(1, id.value());
      s.setString(2, version);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw notFound(id, version);
        }
        long blob = r.getLong(1);
        return r.wasNull() ? Optional.empty() : Optional.of(blob);
      }
    }
  }

  @Override
  public Optional<HistoryRecord> loadHistory(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT history_key, history_changes, history_server_version FROM versions"
                    + " WHERE document_id = ? AND version = ?")) {
      s.setString(1, id.value());
      s.setString(2, version);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw notFound(id, version);
        }
        return r.getString(1) == null
            ? Optional.empty()
            : Optional.of(new HistoryRecord(r.getString(1), r.getString(2), r.getString(3)));
      }
    } catch (SQLException e) {
      throw PgErrors.failure("load the history of " + id, e);
    }
  }

  @Override
  public Optional<InputStream> openChanges(DocumentId id, String version)
      throws DocumentNotFoundException, HostUnavailableException {
    Connection c = database.connection();
    boolean handedOver = false;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT b.id, b.size FROM versions v LEFT JOIN blobs b ON b.id = v.changes_blob_id"
                + " WHERE v.document_id = ? AND v.version = ?")) {
      s.setString(1, id.value());
      s.setString(2, version);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw notFound(id, version);
        }
        long blob = r.getLong(1);
        if (r.wasNull()) {
          return Optional.empty();
        }
        InputStream in = PgBlobs.open(c, blob, r.getLong(2));
        handedOver = true;
        return Optional.of(in);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("open the changes of " + id, e);
    } finally {
      if (!handedOver) {
        close(c);
      }
    }
  }

  private static DocumentNotFoundException notFound(DocumentId id, String version) {
    return new DocumentNotFoundException("no version " + version + " of " + id);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // the failure that made us close it is what the caller hears about
    }
  }
}
