package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.officebridge.spi.AccessDeniedException;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.ShareEntry.Level;
import org.officebridge.spi.SharingService;
import org.officebridge.spi.User;

/**
 * A document's grants as the editor's sharing dialog shows them: the owner with full access, then
 * one entry per user or group, at the highest level its permissions cover. Changing the settings
 * replaces the document's grants with each level's permissions. There are no shared links.
 */
@ApplicationScoped
public class PgSharingService implements SharingService {

  private static final Map<Level, Set<Permission>> LEVELS = new EnumMap<>(Level.class);

  static {
    Set<Permission> readOnly = Set.of(Permission.COPY, Permission.DOWNLOAD, Permission.PRINT);
    LEVELS.put(Level.FULL_ACCESS, EnumSet.allOf(Permission.class));
    LEVELS.put(Level.EDIT, EnumSet.complementOf(EnumSet.of(Permission.SHARE, Permission.DELETE)));
    LEVELS.put(
        Level.REVIEW, with(readOnly, Permission.REVIEW, Permission.COMMENT, Permission.CHAT));
    LEVELS.put(Level.COMMENT, with(readOnly, Permission.COMMENT, Permission.CHAT));
    LEVELS.put(
        Level.FILL_FORMS,
        with(Set.of(Permission.DOWNLOAD, Permission.PRINT), Permission.FILL_FORMS));
    LEVELS.put(Level.READ_ONLY, with(readOnly));
  }

  private final PgHostDatabase database;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgSharingService() {
    this(PgHostDatabase.shared());
  }

  /**
   * @param dataSource the host's database
   */
  public PgSharingService(DataSource dataSource) {
    this(new PgHostDatabase(dataSource));
  }

  PgSharingService(PgHostDatabase database) {
    this.database = database;
  }

  private static Set<Permission> with(Set<Permission> base, Permission... more) {
    EnumSet<Permission> set = EnumSet.of(Permission.VIEW, more);
    set.addAll(base);
    return set;
  }

  /**
   * @param level a sharing level
   * @return the permissions it grants; empty for {@link Level#DENY}
   */
  static Set<Permission> permissionsOf(Level level) {
    return LEVELS.getOrDefault(level, Set.of());
  }

  /**
   * @param granted the permissions of one user or group
   * @param denied whether a {@code DENY} grant names them
   * @return the highest level those permissions cover
   */
  static Level levelOf(Set<Permission> granted, boolean denied) {
    if (denied) {
      return Level.DENY;
    }
    for (Map.Entry<Level, Set<Permission>> level : LEVELS.entrySet()) {
      if (granted.containsAll(level.getValue())) {
        return level.getKey();
      }
    }
    return Level.READ_ONLY;
  }

  @Override
  public List<ShareEntry> sharing(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection()) {
      String owner = owner(c, id, false);
      List<ShareEntry> entries = new ArrayList<>();
      entries.add(
          new ShareEntry(owner, displayName(c, owner), Level.FULL_ACCESS, ShareEntry.Kind.USER));
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT g.principal_kind, g.principal, array_agg(g.permission), min(u.name)"
                  + " FROM document_grants g LEFT JOIN users u"
                  + " ON g.principal_kind = 'user' AND u.id = g.principal"
                  + " WHERE g.document_id = ? AND NOT (g.principal_kind = 'user'"
                  + " AND g.principal = ?)"
                  + " GROUP BY g.principal_kind, g.principal"
                  + " ORDER BY g.principal_kind DESC, g.principal")) {
        s.setString(1, id.value());
        s.setString(2, owner);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            entries.add(entry(r));
          }
        }
      }
      return entries;
    } catch (SQLException e) {
      throw PgErrors.failure("read the sharing of " + id, e);
    }
  }

  private static ShareEntry entry(ResultSet r) throws SQLException {
    Set<String> names = Set.of((String[]) r.getArray(3).getArray());
    EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
    names.stream()
        .filter(n -> !n.equals(PgGrants.DENY))
        .forEach(n -> granted.add(Permission.valueOf(n)));
    String principal = r.getString(2);
    String display = r.getString(4) != null ? r.getString(4) : principal;
    ShareEntry.Kind kind =
        "group".equals(r.getString(1)) ? ShareEntry.Kind.GROUP : ShareEntry.Kind.USER;
    return new ShareEntry(
        principal, display, levelOf(granted, names.contains(PgGrants.DENY)), kind);
  }

  @Override
  public boolean canChangeSharing() {
    return true;
  }

  /**
   * Each entry names a user or a group ({@link ShareEntry#kind()}), which must exist; the owner's
   * entry is ignored, since the owner always has full access.
   */
  @Override
  public void updateSharing(DocumentId id, List<ShareEntry> entries, User actor)
      throws AccessDeniedException, DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        Transaction tx = Transaction.begin(c)) {
      String owner = owner(c, id, true);
      try (PreparedStatement s =
          c.prepareStatement("DELETE FROM document_grants WHERE document_id = ?")) {
        s.setString(1, id.value());
        s.executeUpdate();
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO document_grants (document_id, principal_kind, principal, permission)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
        for (ShareEntry entry : entries) {
          if (entry.isLink()) {
            throw new AccessDeniedException("this host has no shared links");
          }
          if (entry.kind() == ShareEntry.Kind.USER && entry.principal().equals(owner)) {
            continue;
          }
          String kind = kindOf(c, entry);
          Set<Permission> permissions = permissionsOf(entry.level());
          List<String> names =
              entry.level() == Level.DENY
                  ? List.of(PgGrants.DENY)
                  : permissions.stream().map(Permission::name).toList();
          for (String permission : names) {
            insert.setString(1, id.value());
            insert.setString(2, kind);
            insert.setString(3, entry.principal());
            insert.setString(4, permission);
            insert.addBatch();
          }
        }
        insert.executeBatch();
      }
      tx.commit();
    } catch (SQLException e) {
      throw PgErrors.failure("change the sharing of " + id, e);
    }
  }

  private static String kindOf(Connection c, ShareEntry entry)
      throws SQLException, AccessDeniedException {
    boolean user = entry.kind() == ShareEntry.Kind.USER;
    try (PreparedStatement s =
        c.prepareStatement(
            user ? "SELECT 1 FROM users WHERE id = ?" : "SELECT 1 FROM groups WHERE name = ?")) {
      s.setString(1, entry.principal());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new AccessDeniedException(
              "unknown " + (user ? "user " : "group ") + entry.principal());
        }
        return user ? "user" : "group";
      }
    }
  }

  private static String owner(Connection c, DocumentId id, boolean lock)
      throws SQLException, DocumentNotFoundException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT owner_id FROM documents WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw PgDocumentStore.notFound(id);
        }
        return r.getString(1);
      }
    }
  }

  private static String displayName(Connection c, String userId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT name FROM users WHERE id = ?")) {
      s.setString(1, userId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getString(1) : userId;
      }
    }
  }
}
