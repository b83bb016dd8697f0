package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/** Folders, name conflicts and the sharing of immutable blobs between copies. */
class PgDocumentStoreTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private final TestUsers users = new TestUsers(PG.dataSource());
  private final PgDocumentStore store = new PgDocumentStore(PG.dataSource());
  private final PgVersionHistory history = new PgVersionHistory(PG.dataSource());
  private User olivia;
  private User eddie;

  @BeforeEach
  void usersWithHomeFolders() throws Exception {
    olivia = users.add("olivia", "Olivia Owner");
    eddie = users.add("eddie", "Eddie Editor");
    users.execute("INSERT INTO folders (id, name, url) VALUES ('home-o', 'Olivia', '/dms/o')");
    users.execute("UPDATE users SET home_folder = 'home-o' WHERE id = 'olivia'");
  }

  @Test
  void newDocumentsGoToTheActorsHomeFolder() throws Exception {
    DocumentInfo mine = TestDocuments.create(store, "Mine.docx", "m", olivia);
    assertEquals("Olivia", mine.folder().orElseThrow().name());
    assertEquals("/dms/o", mine.folder().orElseThrow().url().toString());
    assertTrue(TestDocuments.create(store, "Loose.docx", "l", eddie).folder().isEmpty());
  }

  @Test
  void aDocumentCreatedBesidesAnotherSharesItsFolder() throws Exception {
    DocumentInfo original = TestDocuments.create(store, "Report.docx", "r", olivia);
    DocumentInfo conflictCopy =
        store.createDocument(
            new NewDocument("Report (conflict).docx", Optional.of(original.id())),
            TestDocuments.text("c"),
            eddie);
    assertEquals(original.folder(), conflictCopy.folder());
    assertEquals("eddie", conflictCopy.ownerId());
  }

  @Test
  void aTakenTitleIsAConflictIgnoringCaseWithAFreeSuggestion() throws Exception {
    TestDocuments.create(store, "Budget.xlsx", "1", olivia);
    TestDocuments.create(store, "Budget (2).xlsx", "2", olivia);
    NameConflictException conflict =
        assertThrows(
            NameConflictException.class,
            () -> TestDocuments.create(store, "BUDGET.xlsx", "3", olivia));
    assertEquals(Optional.of("BUDGET (3).xlsx"), conflict.suggestion());
    assertEquals(2, count("SELECT count(*) FROM blobs"), "refused before reading the content");
  }

  @Test
  void theSameTitleIsFreeInAnotherFolder() throws Exception {
    TestDocuments.create(store, "Notes.txt", "o", olivia);
    assertEquals("Notes.txt", TestDocuments.create(store, "Notes.txt", "e", eddie).title());
  }

  @Test
  void renamingOntoATakenTitleIsAConflict() throws Exception {
    TestDocuments.create(store, "A.txt", "a", olivia);
    DocumentInfo b = TestDocuments.create(store, "B.txt", "b", olivia);
    assertThrows(NameConflictException.class, () -> store.rename(b.id(), "a.TXT", olivia));
    assertEquals("B.txt", store.describe(b.id()).title());
  }

  @Test
  void aConversionTakesAFreeTitleWhenTheNewExtensionIsTaken() throws Exception {
    TestDocuments.create(store, "Memo.docx", "ooxml", olivia);
    DocumentInfo legacy = TestDocuments.create(store, "Memo.doc", "legacy", olivia);
    DocumentInfo converted =
        store.storeVersion(
            legacy.id(),
            new VersionRequest(
                legacy.version(), "docx", olivia, VersionKind.CONVERSION, Optional.empty()),
            TestDocuments.text("converted"));
    assertEquals("Memo (2).docx", converted.title());
  }

  @Test
  void aCopySharesTheBlobUntilTheLastReferenceIsDeleted() throws Exception {
    DocumentInfo original = TestDocuments.create(store, "Big.bin", "bytes", olivia);
    DocumentInfo copy = store.copy(original.id(), "Big copy.bin", eddie);
    assertEquals(1, count("SELECT count(*) FROM blobs"));
    store.delete(original.id(), olivia);
    assertEquals("bytes", TestDocuments.read(store, copy.id()));
    store.delete(copy.id(), eddie);
    assertEquals(0, count("SELECT count(*) FROM blobs"));
    assertEquals(0, count("SELECT count(*) FROM blob_chunks"));
  }

  @Test
  void replacingAChangesArchiveDeletesTheOldOne() throws Exception {
    DocumentInfo info = TestDocuments.create(store, "Edited.docx", "v1", olivia);
    history.storeChanges(info.id(), info.version(), TestDocuments.text("zip 1"));
    history.storeChanges(info.id(), info.version(), TestDocuments.text("zip 2"));
    assertEquals(2, count("SELECT count(*) FROM blobs"));
    try (var in = history.openChanges(info.id(), info.version()).orElseThrow()) {
      assertEquals("zip 2", new String(in.readAllBytes()));
    }
  }

  @Test
  void contentLargerThanOneChunkIsStoredInChunksAndReadBackWhole() throws Exception {
    DocumentInfo info = TestDocuments.create(store, "Chunks.txt", "x", olivia);
    String big = "0123456789abcdef".repeat((PgBlobs.CHUNK * 2 + 100) / 16);
    store.storeVersion(info.id(), TestDocuments.basedOn(info, olivia), TestDocuments.text(big));
    assertEquals(3, count("SELECT count(*) FROM blob_chunks WHERE blob_id = 2"));
    assertEquals(big, TestDocuments.read(store, info.id()));
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = PG.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
