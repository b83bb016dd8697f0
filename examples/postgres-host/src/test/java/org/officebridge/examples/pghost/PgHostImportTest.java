package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.Permission;

/** The import tool loads the demo users and puts files in, shared as asked. */
class PgHostImportTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  @Test
  void importsFilesOwnedAndSharedAsAsked(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("Welcome.txt"), "hello");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PgHostDatabase database = new PgHostDatabase(PG.dataSource());
    List<DocumentInfo> imported =
        PgHostImport.run(
            database,
            List.of(
                "--demo-users",
                "--demo-users",
                "--share",
                "group:staff=EDIT",
                "--share",
                "viewer=READ_ONLY",
                file.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    DocumentInfo info = imported.get(0);
    assertEquals("owner", info.ownerId());
    assertEquals(info.id() + "\tWelcome.txt\n", out.toString(StandardCharsets.UTF_8));
    PgUserDirectory users = new PgUserDirectory(database, Optional::empty);
    PgAccessPolicy policy = new PgAccessPolicy(database);
    assertTrue(policy.rightsFor(info.id(), users.findUser("editor").get()).can(Permission.EDIT));
    assertTrue(policy.rightsFor(info.id(), users.findUser("viewer").get()).can(Permission.VIEW));
    assertTrue(policy.rightsFor(info.id(), users.findUser("reviewer").get()).granted().isEmpty());
    assertEquals(6, users.searchUsers("", 10).size());
  }
}
