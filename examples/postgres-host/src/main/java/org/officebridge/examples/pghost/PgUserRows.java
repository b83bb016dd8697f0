package org.officebridge.examples.pghost;

import java.net.URI;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.officebridge.spi.User;

/** Rows of {@code users}, with their groups, read as SPI {@link User}s. */
final class PgUserRows {

  private PgUserRows() {}

  /** Columns {@link #read} maps, of a user {@code u} (all null when a left join found none). */
  static final String COLUMNS =
      "u.id AS user_id, u.name AS user_name, u.email AS user_email, u.avatar_url AS user_avatar,"
          + " u.locale AS user_locale, array(SELECT m.group_name FROM group_members m"
          + " WHERE m.user_id = u.id ORDER BY m.group_name) AS user_groups";

  /**
   * @param r a row with {@link #COLUMNS}
   * @return the user
   * @throws SQLException when a column is missing
   */
  static User read(ResultSet r) throws SQLException {
    Array groups = r.getArray("user_groups");
    String[] names = groups == null ? new String[0] : (String[]) groups.getArray();
    return new User(
        r.getString("user_id"),
        r.getString("user_name"),
        Optional.ofNullable(r.getString("user_email")),
        Optional.ofNullable(r.getString("user_avatar")).flatMap(PgUserRows::uri),
        Set.of(names),
        Locale.forLanguageTag(r.getString("user_locale")));
  }

  private static Optional<URI> uri(String value) {
    try {
      return Optional.of(URI.create(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * @param c a connection
   * @param userId a user
   * @return where the user's new documents go, if the user has a home folder
   * @throws SQLException when the database fails
   */
  static Optional<String> homeFolder(Connection c, String userId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT home_folder FROM users WHERE id = ?")) {
      s.setString(1, userId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
      }
    }
  }
}
