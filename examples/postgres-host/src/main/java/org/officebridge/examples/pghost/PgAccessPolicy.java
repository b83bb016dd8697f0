package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import javax.sql.DataSource;
import org.officebridge.spi.AccessPolicy;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/**
 * Rights from {@code document_grants}: a user has the union of the permissions granted to the user
 * and to the user's groups (as the {@code group_members} table says now, not as the {@link User}
 * passed in says). A {@code DENY} grant to the user or one of the groups takes everything away. The
 * owner of a document always has every permission.
 */
@ApplicationScoped
public class PgAccessPolicy implements AccessPolicy {

  private final PgHostDatabase database;

  /** For CDI and ServiceLoader: the database of the runtime settings. */
  public PgAccessPolicy() {
    this(PgHostDatabase.shared());
  }

  /**
   * @param dataSource the host's database
   */
  public PgAccessPolicy(DataSource dataSource) {
    this(new PgHostDatabase(dataSource));
  }

  PgAccessPolicy(PgHostDatabase database) {
    this.database = database;
  }

  @Override
  public AccessRights rightsFor(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT d.owner_id = ?, array(SELECT DISTINCT g.permission FROM document_grants g"
                    + " WHERE g.document_id = d.id AND "
                    + PgGrants.APPLIES_TO_USER
                    + ") FROM documents d WHERE d.id = ?")) {
      s.setString(1, user.id());
      s.setString(2, user.id());
      s.setString(3, user.id());
      s.setString(4, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw PgDocumentStore.notFound(id);
        }
        if (r.getBoolean(1)) {
          return AccessRights.of(Permission.values());
        }
        Set<String> names = Set.of((String[]) r.getArray(2).getArray());
        if (names.contains(PgGrants.DENY)) {
          return AccessRights.none();
        }
        EnumSet<Permission> granted = EnumSet.noneOf(Permission.class);
        names.forEach(name -> granted.add(Permission.valueOf(name)));
        return new AccessRights(granted, AccessRights.GroupRestrictions.NONE);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("decide the rights on " + id, e);
    }
  }
}
