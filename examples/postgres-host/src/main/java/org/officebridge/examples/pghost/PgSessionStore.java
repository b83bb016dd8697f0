package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.SessionStore;

/**
 * Editing sessions, locks and processed-event markers in rows, shared by every node on the
 * database. Each change is one SQL statement, atomic on its own: an insert is {@code INSERT ... ON
 * CONFLICT DO UPDATE ... WHERE} the stored session has expired; a replace or remove matches the
 * expected session in its {@code WHERE} clause and succeeds when it hit a row. Times are kept to
 * the microsecond (PostgreSQL's precision); {@code now} is bound the same way, so comparisons
 * agree.
 *
 * <p>A session is matched by its revision <em>and</em> its identity (document key and start time):
 * after a session expired and another was inserted, both have revision 0, and a holder of the old
 * one must not replace or remove the new one.
 */
@ApplicationScoped
public class PgSessionStore implements SessionStore {

  private static final String COLUMNS =
      "document_id, protocol, document_key, base_version, lock_id, editors, intermediate_saves,"
          + " started, expires_at, revision";

  private static final String SAME_SESSION =
      "document_id = ? AND revision = ? AND document_key = ? AND started = ?";

  private final PgHostDatabase database;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgSessionStore() {
    this(PgHostDatabase.shared());
  }

  /**
   * @param dataSource the host's database
   */
  public PgSessionStore(DataSource dataSource) {
    this(new PgHostDatabase(dataSource));
  }

  PgSessionStore(PgHostDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<EditingSession> load(DocumentId id, Instant now) throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM editing_sessions"
                    + " WHERE document_id = ? AND expires_at > ?")) {
      s.setString(1, id.value());
      s.setObject(2, PgDocuments.timestamp(now));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw PgErrors.failure("load the session of " + id, e);
    }
  }

  @Override
  public boolean insert(EditingSession session, Instant now) throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO editing_sessions AS s ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (document_id) DO UPDATE SET protocol = EXCLUDED.protocol,"
                    + " document_key = EXCLUDED.document_key,"
                    + " base_version = EXCLUDED.base_version, lock_id = EXCLUDED.lock_id,"
                    + " editors = EXCLUDED.editors,"
                    + " intermediate_saves = EXCLUDED.intermediate_saves,"
                    + " started = EXCLUDED.started, expires_at = EXCLUDED.expires_at,"
                    + " revision = EXCLUDED.revision"
                    + " WHERE s.expires_at <= ?")) {
      int next = bind(c, s, 1, session);
      s.setObject(next, PgDocuments.timestamp(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw PgErrors.failure("insert the session of " + session.documentId(), e);
    }
  }

  @Override
  public boolean replace(EditingSession expected, EditingSession replacement, Instant now)
      throws HostUnavailableException {
    if (!expected.documentId().equals(replacement.documentId())
        || replacement.revision() != expected.revision() + 1) {
      throw new IllegalArgumentException("a replacement is the next revision of the same document");
    }
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE editing_sessions SET document_id = ?, protocol = ?, document_key = ?,"
                    + " base_version = ?, lock_id = ?, editors = ?, intermediate_saves = ?,"
                    + " started = ?, expires_at = ?, revision = ?"
                    + " WHERE "
                    + SAME_SESSION
                    + " AND expires_at > ?")) {
      int next = bind(c, s, 1, replacement);
      next = bindIdentity(s, next, expected);
      s.setObject(next, PgDocuments.timestamp(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw PgErrors.failure("replace the session of " + expected.documentId(), e);
    }
  }

  @Override
  public boolean remove(EditingSession expected) throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement("DELETE FROM editing_sessions WHERE " + SAME_SESSION)) {
      bindIdentity(s, 1, expected);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw PgErrors.failure("remove the session of " + expected.documentId(), e);
    }
  }

  /** Also forgets lapsed sessions and markers: the stale-session reaper calls this regularly. */
  @Override
  public List<EditingSession> list(Instant now) throws HostUnavailableException {
    try (Connection c = database.connection()) {
      for (String table : List.of("editing_sessions", "processed_markers")) {
        try (PreparedStatement s =
            c.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
          s.setObject(1, PgDocuments.timestamp(now));
          s.executeUpdate();
        }
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT "
                  + COLUMNS
                  + " FROM editing_sessions WHERE expires_at > ?"
                  + " ORDER BY started, document_id")) {
        s.setObject(1, PgDocuments.timestamp(now));
        List<EditingSession> live = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            live.add(read(r));
          }
        }
        return live;
      }
    } catch (SQLException e) {
      throw PgErrors.failure("list the sessions", e);
    }
  }

  @Override
  public boolean markProcessed(String marker, Instant expiresAt, Instant now)
      throws HostUnavailableException {
    requireMarker(marker);
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO processed_markers AS m (marker, expires_at) VALUES (?, ?)"
                    + " ON CONFLICT (marker) DO UPDATE SET expires_at = EXCLUDED.expires_at"
                    + " WHERE m.expires_at <= ?")) {
      s.setString(1, marker);
      s.setObject(2, PgDocuments.timestamp(expiresAt));
      s.setObject(3, PgDocuments.timestamp(now));
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw PgErrors.failure("mark an event processed", e);
    }
  }

  @Override
  public boolean isProcessed(String marker, Instant now) throws HostUnavailableException {
    requireMarker(marker);
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT 1 FROM processed_markers WHERE marker = ? AND expires_at > ?")) {
      s.setString(1, marker);
      s.setObject(2, PgDocuments.timestamp(now));
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw PgErrors.failure("check an event marker", e);
    }
  }

  private static void requireMarker(String marker) {
    if (marker.isEmpty() || marker.length() > 256) {
      throw new IllegalArgumentException("a marker is 1-256 characters");
    }
  }

  private static int bind(Connection c, PreparedStatement s, int first, EditingSession session)
      throws SQLException {
    int i = first;
    s.setString(i++, session.documentId().value());
    s.setString(i++, session.protocol().name());
    s.setString(i++, session.documentKey());
    s.setString(i++, session.baseVersion());
    s.setString(i++, session.lockId().orElse(null));
    s.setArray(i++, c.createArrayOf("text", session.editors().stream().sorted().toArray()));
    s.setInt(i++, session.intermediateSaves());
    s.setObject(i++, PgDocuments.timestamp(session.started()));
    s.setObject(i++, PgDocuments.timestamp(session.expiresAt()));
    s.setLong(i++, session.revision());
    return i;
  }

  private static int bindIdentity(PreparedStatement s, int first, EditingSession session)
      throws SQLException {
    int i = first;
    s.setString(i++, session.documentId().value());
    s.setLong(i++, session.revision());
    s.setString(i++, session.documentKey());
    s.setObject(i++, PgDocuments.timestamp(session.started()));
    return i;
  }

  private static EditingSession read(ResultSet r) throws SQLException {
    return new EditingSession(
        new DocumentId(r.getString("document_id")),
        EditingSession.Protocol.valueOf(r.getString("protocol")),
        r.getString("document_key"),
        r.getString("base_version"),
        Optional.ofNullable(r.getString("lock_id")),
        Set.of((String[]) r.getArray("editors").getArray()),
        r.getInt("intermediate_saves"),
        PgDocuments.instant(r, "started"),
        PgDocuments.instant(r, "expires_at"),
        r.getLong("revision"));
  }
}
