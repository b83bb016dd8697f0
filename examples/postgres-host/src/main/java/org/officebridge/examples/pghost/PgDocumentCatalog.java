package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.User;

/**
 * Recent files and pickers list the documents a user may view (owned, or granted without a {@code
 * DENY}), most recently changed first: the SPI tells a host when a document is stored, not when it
 * is opened. Favourites are rows of {@code favorites}.
 */
@ApplicationScoped
public class PgDocumentCatalog implements DocumentCatalog {

  private final PgHostDatabase database;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgDocumentCatalog() {
    this(PgHostDatabase.shared());
  }

  /**
   * @param dataSource the host's database
   */
  public PgDocumentCatalog(DataSource dataSource) {
    this(new PgHostDatabase(dataSource));
  }

  PgDocumentCatalog(PgHostDatabase database) {
    this.database = database;
  }

  @Override
  public List<DocumentInfo> recentDocuments(User user, Set<String> fileTypes, int limit)
      throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                PgDocuments.SELECT_CURRENT
                    + " AND "
                    + PgGrants.VISIBLE_TO_USER
                    + " AND (cardinality(?::text[]) = 0 OR v.file_type = ANY (?::text[]))"
                    + " ORDER BY v.created_at DESC, d.id LIMIT ?")) {
      for (int i = 1; i <= 5; i++) {
        s.setString(i, user.id());
      }
      Array types = c.createArrayOf("text", fileTypes.toArray());
      s.setArray(6, types);
      s.setArray(7, types);
      s.setInt(8, Math.max(1, limit));
      List<DocumentInfo> documents = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          documents.add(PgDocuments.read(r).info());
        }
      }
      return documents;
    } catch (SQLException e) {
      throw PgErrors.failure("list recent documents", e);
    }
  }

  @Override
  public boolean isFavorite(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM favorites f WHERE f.document_id = d.id"
                    + " AND f.user_id = ?) FROM documents d WHERE d.id = ?")) {
      s.setString(1, user.id());
      s.setString(2, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw PgDocumentStore.notFound(id);
        }
        return r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("read a favourite of " + id, e);
    }
  }

  @Override
  public void setFavorite(DocumentId id, User user, boolean favorite)
      throws DocumentNotFoundException, HostUnavailableException {
    String sql =
        favorite
            ? "INSERT INTO favorites (user_id, document_id) SELECT ?, id FROM documents"
                + " WHERE id = ? ON CONFLICT DO NOTHING"
            : "DELETE FROM favorites WHERE user_id = ? AND document_id = ?";
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, user.id());
      s.setString(2, id.value());
      if (s.executeUpdate() == 0 && !exists(c, id)) {
        throw PgDocumentStore.notFound(id);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("change a favourite of " + id, e);
    }
  }

  private static boolean exists(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }
}
