package org.officebridge.spi.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.HistoryRecord;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.VersionInfo;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The contract of {@link VersionHistory}, together with the {@link DocumentStore} that stores the
 * versions. Extend it with a fresh, empty host per test.
 */
public abstract class VersionHistoryContract {

  /**
   * @return the documents of the host under test
   */
  protected abstract DocumentStore store();

  /**
   * @return the version history of the same host
   */
  protected abstract VersionHistory history();

  /**
   * @return a user the host accepts
   */
  protected abstract User author();

  private DocumentInfo threeVersions() throws Exception {
    DocumentInfo info =
        store()
            .createDocument(new NewDocument("History.txt", Optional.empty()), text("v1"), author());
    for (String t : List.of("v2", "v3")) {
      info =
          store()
              .storeVersion(
                  info.id(),
                  new VersionRequest(
                      info.version(), "txt", author(), VersionKind.EDIT_FINAL, Optional.of("k")),
                  text(t));
    }
    return info;
  }

  private static InputStream text(String t) {
    return new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  public void versionsAreListedOldestFirstAndNumberedFromOne() throws Exception {
    DocumentInfo current = threeVersions();
    List<VersionInfo> versions = history().listVersions(current.id());
    assertEquals(3, versions.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, versions.get(i).number());
    }
    assertEquals(current.version(), versions.get(2).version());
    assertEquals(author().id(), versions.get(2).author().id());
    assertEquals(VersionKind.EDIT_FINAL, versions.get(2).kind());
  }

  @Test
  public void eachVersionOpensWithItsOwnBytes() throws Exception {
    DocumentInfo current = threeVersions();
    List<VersionInfo> versions = history().listVersions(current.id());
    for (int i = 0; i < 3; i++) {
      try (Content c = history().openVersion(current.id(), versions.get(i).version())) {
        assertEquals("v" + (i + 1), new String(c.stream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(versions.get(i).version(), c.info().version());
      }
    }
  }

  @Test
  public void historyDataIsStoredAndReplacedPerVersion() throws Exception {
    DocumentInfo current = threeVersions();
    String version = current.version();
    assertTrue(history().loadHistory(current.id(), version).isEmpty());
    history().storeHistory(current.id(), version, new HistoryRecord("key-1", "[]", "7.0"));
    HistoryRecord changes =
        new HistoryRecord("key-1", "[{\"created\":\"2026-01-01 10:00:00\"}]", "8.2.1");
    history().storeHistory(current.id(), version, changes);
    assertEquals(changes, history().loadHistory(current.id(), version).orElseThrow());
  }

  @Test
  public void changesArchiveIsStoredAndOpened() throws Exception {
    DocumentInfo current = threeVersions();
    assertTrue(history().openChanges(current.id(), current.version()).isEmpty());
    history().storeChanges(current.id(), current.version(), text("PK-zip-bytes"));
    try (InputStream in = history().openChanges(current.id(), current.version()).orElseThrow()) {
      assertEquals("PK-zip-bytes", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  public void anUnknownVersionIsNotFound() throws Exception {
    DocumentInfo current = threeVersions();
    assertThrows(
        DocumentNotFoundException.class,
        () -> history().openVersion(current.id(), "no-such-version"));
    assertThrows(
        DocumentNotFoundException.class,
        () ->
            history()
                .storeHistory(current.id(), "no-such-version", new HistoryRecord("k", "[]", "1")));
  }
}
