package org.officebridge.examples.pghost;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.officebridge.spi.User;

/** Users, groups and grants written straight into the tables, as a DMS administrator would. */
final class TestUsers {

  private final DataSource dataSource;

  TestUsers(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * @return the user as the directory will return it
   */
  User add(String id, String name, String... groups) throws SQLException {
    execute(
        "INSERT INTO users (id, name, email, locale) VALUES (?, ?, ?, 'en')",
        id,
        name,
        id + "@example.invalid");
    for (String group : groups) {
      execute("INSERT INTO groups (name) VALUES (?) ON CONFLICT DO NOTHING", group);
      execute("INSERT INTO group_members (group_name, user_id) VALUES (?, ?)", group, id);
    }
    return new User(
        id,
        name,
        Optional.of(id + "@example.invalid"),
        Optional.empty(),
        Set.of(groups),
        Locale.ENGLISH);
  }

  void grant(String documentId, String kind, String principal, String... permissions)
      throws SQLException {
    for (String permission : permissions) {
      execute(
          "INSERT INTO document_grants (document_id, principal_kind, principal, permission)"
              + " VALUES (?, ?, ?, ?)",
          documentId,
          kind,
          principal,
          permission);
    }
  }

  void execute(String sql, String... parameters) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setString(i + 1, parameters[i]);
      }
      s.executeUpdate();
    }
  }
}
