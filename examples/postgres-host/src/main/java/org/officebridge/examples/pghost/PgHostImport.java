package org.officebridge.examples.pghost;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.User;

/**
 * Puts documents into the host from the command line, through the same SPI classes the connector
 * uses, with the same settings (system properties or environment):
 *
 * <pre>
 * java -Dofficebridge.pghost.jdbc-url=jdbc:postgresql://127.0.0.1:5432/dms ... \
 *   -cp officebridge-pghost.jar:officebridge-spi.jar:postgresql.jar \
 *   org.officebridge.examples.pghost.PgHostImport [--demo-users] [--owner ID] \
 *   [--share [user:|group:]PRINCIPAL=LEVEL]... FILE...
 * </pre>
 *
 * {@code --demo-users} loads the demo users and groups ({@code demo-users.sql}); {@code --owner}
 * (default {@code owner}) names the owning user; each {@code --share} gives a user or group a
 * sharing level ({@code EDIT}, {@code REVIEW}, {@code COMMENT}, {@code FILL_FORMS}, {@code
 * READ_ONLY}, {@code FULL_ACCESS}, {@code DENY}). Prints one line per file: the new document's id,
 * a tab, its title.
 */
public final class PgHostImport {

  private PgHostImport() {}

  /**
   * @param args options and files, as above
   * @throws Exception when a file cannot be read or the database fails
   */
  public static void main(String[] args) throws Exception {
    run(PgHostDatabase.shared(), List.of(args), System.out);
  }

  static List<DocumentInfo> run(PgHostDatabase database, List<String> args, PrintStream out)
      throws Exception {
    String owner = "owner";
    List<ShareEntry> shares = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--demo-users" -> loadDemoUsers(database);
        case "--owner" -> owner = args.get(++i);
        case "--share" -> shares.add(share(args.get(++i)));
        default -> files.add(Path.of(args.get(i)));
      }
    }
    String ownerId = owner;
    User user =
        new PgUserDirectory(database, Optional::empty)
            .findUser(ownerId)
            .orElseThrow(() -> new IllegalArgumentException("no user " + ownerId));
    List<DocumentInfo> imported = new ArrayList<>();
    for (Path file : files) {
      DocumentInfo info = importFile(database, file, user, shares);
      out.println(info.id() + "\t" + info.title());
      imported.add(info);
    }
    return imported;
  }

  private static DocumentInfo importFile(
      PgHostDatabase database, Path file, User owner, List<ShareEntry> shares)
      throws HostException, IOException {
    PgDocumentStore store = new PgDocumentStore(database, Clock.systemUTC());
    DocumentInfo info;
    try (InputStream in = Files.newInputStream(file)) {
      info =
          store.createDocument(
              new NewDocument(file.getFileName().toString(), Optional.empty()), in, owner);
    }
    if (!shares.isEmpty()) {
      new PgSharingService(database).updateSharing(info.id(), shares, owner);
    }
    return info;
  }

  private static ShareEntry share(String spec) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("--share takes PRINCIPAL=LEVEL, not " + spec);
    }
    String principal = spec.substring(0, eq);
    ShareEntry.Kind kind = ShareEntry.Kind.USER;
    if (principal.startsWith("group:")) {
      kind = ShareEntry.Kind.GROUP;
      principal = principal.substring("group:".length());
    } else if (principal.startsWith("user:")) {
      principal = principal.substring("user:".length());
    }
    return new ShareEntry(
        principal, principal, ShareEntry.Level.valueOf(spec.substring(eq + 1)), kind);
  }

  private static void loadDemoUsers(PgHostDatabase database) throws Exception {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      s.execute(PgHostDatabase.script("demo-users.sql"));
    } catch (SQLException e) {
      throw PgErrors.failure("load the demo users", e);
    }
  }
}
