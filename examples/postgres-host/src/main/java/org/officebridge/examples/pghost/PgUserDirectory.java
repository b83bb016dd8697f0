package org.officebridge.examples.pghost;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.officebridge.spi.ActorRequest;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.User;
import org.officebridge.spi.UserDirectory;

/**
 * Users and groups in tables. The acting user is the one whose {@code login} (by default the id) is
 * the container principal's name. For demos without container login, a cookie naming the user's id
 * can be allowed ({@code officebridge.pghost.actor-cookie}); anyone can set that cookie, so it is
 * off unless configured, and a principal always wins over it.
 */
@ApplicationScoped
public class PgUserDirectory implements UserDirectory {

  private static final String FROM_USERS = "SELECT " + PgUserRows.COLUMNS + " FROM users u";

  private final PgHostDatabase database;
  private final Supplier<Optional<String>> actorCookie;

  /** For CDI and ServiceLoader: the database and actor cookie of the runtime settings. */
  public PgUserDirectory() {
    this(PgHostDatabase.shared(), () -> PgHostDatabase.runtimeSettings().actorCookie());
  }

  /**
   * @param dataSource the host's database
   * @param actorCookie the name of a cookie holding the acting user's id (demos only), or empty
   */
  public PgUserDirectory(DataSource dataSource, Optional<String> actorCookie) {
    this(new PgHostDatabase(dataSource), () -> actorCookie);
  }

  PgUserDirectory(PgHostDatabase database, Supplier<Optional<String>> actorCookie) {
    this.database = database;
    this.actorCookie = actorCookie;
  }

  @Override
  public Optional<User> resolveActor(ActorRequest request) throws HostUnavailableException {
    Optional<Principal> principal = request.principal();
    if (principal.isPresent()) {
      return one(FROM_USERS + " WHERE coalesce(u.login, u.id) = ?", principal.get().getName());
    }
    Optional<String> cookie = actorCookie.get();
    if (cookie.isPresent()) {
      Optional<String> userId = request.cookie(cookie.get());
      if (userId.isPresent()) {
        return findUser(userId.get());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<User> findUser(String userId) throws HostUnavailableException {
    return one(FROM_USERS + " WHERE u.id = ?", userId);
  }

  /** The users whose {@code users.is_admin} is true administer the connector. */
  @Override
  public boolean isAdministrator(User user) throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement("SELECT is_admin FROM users WHERE id = ?")) {
      s.setString(1, user.id());
      try (ResultSet r = s.executeQuery()) {
        return r.next() && r.getBoolean(1);
      }
    } catch (SQLException e) {
      throw PgErrors.failure("look an administrator up", e);
    }
  }

  /** Matches names and e-mail addresses containing the query; names starting with it first. */
  @Override
  public List<User> searchUsers(String query, int limit) throws HostUnavailableException {
    String pattern = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    try (Connection c = database.connection();
        PreparedStatement s =
            c.prepareStatement(
                FROM_USERS
                    + " WHERE u.name ILIKE ? OR u.email ILIKE ?"
                    + " ORDER BY (u.name ILIKE ?) DESC, u.name, u.id LIMIT ?")) {
      s.setString(1, "%" + pattern + "%");
      s.setString(2, "%" + pattern + "%");
      s.setString(3, pattern + "%");
      s.setInt(4, Math.max(1, limit));
      List<User> users = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          users.add(PgUserRows.read(r));
        }
      }
      return users;
    } catch (SQLException e) {
      throw PgErrors.failure("search users", e);
    }
  }

  private Optional<User> one(String sql, String value) throws HostUnavailableException {
    try (Connection c = database.connection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, value);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(PgUserRows.read(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw PgErrors.failure("look a user up", e);
    }
  }
}
