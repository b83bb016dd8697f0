package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.User;

/** Recent documents are the visible ones, newest first; favourites are per user. */
class PgDocumentCatalogTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private final TestUsers users = new TestUsers(PG.dataSource());
  private final PgDocumentCatalog catalog = new PgDocumentCatalog(PG.dataSource());
  private User olivia;
  private User eddie;
  private DocumentInfo older;
  private DocumentInfo newer;
  private DocumentInfo sheet;

  @BeforeEach
  void threeDocumentsOfOlivia() throws Exception {
    olivia = users.add("olivia", "Olivia Owner");
    eddie = users.add("eddie", "Eddie Editor", "staff");
    older = TestDocuments.create(storeAt("2026-01-01T10:00:00Z"), "Old.docx", "o", olivia);
    newer = TestDocuments.create(storeAt("2026-02-01T10:00:00Z"), "New.docx", "n", olivia);
    sheet = TestDocuments.create(storeAt("2026-03-01T10:00:00Z"), "Sheet.xlsx", "s", olivia);
  }

  private static PgDocumentStore storeAt(String instant) {
    return new PgDocumentStore(
        new PgHostDatabase(PG.dataSource()), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void theOwnerSeesEverythingNewestFirst() throws Exception {
    assertEquals(
        List.of(sheet.id(), newer.id(), older.id()),
        catalog.recentDocuments(olivia, Set.of(), 10).stream().map(DocumentInfo::id).toList());
  }

  @Test
  void fileTypesAndLimitNarrowTheList() throws Exception {
    assertEquals(
        List.of(newer.id()),
        catalog.recentDocuments(olivia, Set.of("docx"), 1).stream().map(DocumentInfo::id).toList());
  }

  @Test
  void othersSeeOnlyWhatIsGrantedAndNotDenied() throws Exception {
    users.grant(older.id().value(), "group", "staff", "VIEW");
    users.grant(newer.id().value(), "user", "eddie", "EDIT");
    users.grant(newer.id().value(), "group", "staff", "DENY");
    assertEquals(
        List.of(older.id()),
        catalog.recentDocuments(eddie, Set.of(), 10).stream().map(DocumentInfo::id).toList());
  }

  @Test
  void favouritesArePerUser() throws Exception {
    catalog.setFavorite(newer.id(), eddie, true);
    catalog.setFavorite(newer.id(), eddie, true);
    assertTrue(catalog.isFavorite(newer.id(), eddie));
    assertFalse(catalog.isFavorite(newer.id(), olivia));
    catalog.setFavorite(newer.id(), eddie, false);
    assertFalse(catalog.isFavorite(newer.id(), eddie));
  }

  @Test
  void favouritesOfUnknownDocumentsAreNotFound() {
    DocumentId missing = new DocumentId("missing");
    assertThrows(DocumentNotFoundException.class, () -> catalog.isFavorite(missing, eddie));
    assertThrows(DocumentNotFoundException.class, () -> catalog.setFavorite(missing, eddie, true));
    assertThrows(DocumentNotFoundException.class, () -> catalog.setFavorite(missing, eddie, false));
  }
}
