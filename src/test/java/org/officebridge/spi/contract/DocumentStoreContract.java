package org.officebridge.spi.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.HostException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The contract of {@link DocumentStore}. Extend it, return a store with no documents from {@link
 * #store()} (a fresh one per test) and a user the store accepts from {@link #author()}.
 */
public abstract class DocumentStoreContract {

  /** Largest heap growth tolerated while a 2 GiB version is stored. */
  protected static final long HEAP_GROWTH_LIMIT = 64L << 20;

  /**
   * @return the store under test; the same instance for the whole test method
   */
  protected abstract DocumentStore store();

  /**
   * @return a user the store accepts as author and owner
   */
  protected abstract User author();

  private DocumentInfo create(String title, String text) throws Exception {
    return store()
        .createDocument(
            new NewDocument(title, Optional.empty()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
            author());
  }

  private VersionRequest basedOn(String version, String fileType) {
    return new VersionRequest(
        version, fileType, author(), VersionKind.EDIT_FINAL, Optional.empty());
  }

  private static String read(Content content) throws IOException {
    try (content) {
      return new String(content.stream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  public void describingAnUnknownDocumentThrowsNotFound() {
    assertThrows(
        DocumentNotFoundException.class,
        () -> store().describe(new DocumentId("no-such-document-" + System.nanoTime())));
  }

  @Test
  public void createdDocumentIsDescribedAndOpenedWithItsBytes() throws Exception {
    DocumentInfo info = create("Created.txt", "first");
    assertEquals("Created.txt", info.title());
    assertEquals(5, info.size());
    assertEquals(author().id(), info.ownerId());
    DocumentInfo described = store().describe(info.id());
    assertEquals(info.version(), described.version());
    try (Content content = store().openContent(info.id())) {
      assertEquals(info.version(), content.info().version());
      assertEquals("first", new String(content.stream().readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  public void storedVersionBecomesCurrentWithANewVersionId() throws Exception {
    DocumentInfo first = create("Versioned.txt", "one");
    DocumentInfo second =
        store()
            .storeVersion(
                first.id(), basedOn(first.version(), "txt"), stream("two, longer than one"));
    assertNotEquals(first.version(), second.version());
    assertEquals(20, second.size());
    assertEquals("two, longer than one", read(store().openContent(first.id())));
    assertEquals(second.version(), store().describe(first.id()).version());
  }

  @Test
  public void versionIdsNeverRepeat() throws Exception {
    DocumentInfo info = create("Repeat.txt", "0");
    Set<String> seen = new HashSet<>(List.of(info.version()));
    for (int i = 1; i <= 5; i++) {
      info = store().storeVersion(info.id(), basedOn(info.version(), "txt"), stream("" + i));
      assertTrue(seen.add(info.version()), "version id repeated: " + info.version());
    }
  }

  @Test
  public void staleBaseVersionIsAConflictAndStoresNothing() throws Exception {
    DocumentInfo first = create("Conflict.txt", "base");
    DocumentInfo second =
        store().storeVersion(first.id(), basedOn(first.version(), "txt"), stream("theirs"));
    VersionConflictException conflict =
        assertThrows(
            VersionConflictException.class,
            () ->
                store().storeVersion(first.id(), basedOn(first.version(), "txt"), stream("mine")));
    assertEquals(second.version(), conflict.currentVersion());
    assertEquals("theirs", read(store().openContent(first.id())));
  }

  @Test
  public void newFileTypeChangesTheTitlesExtension() throws Exception {
    DocumentInfo legacy = create("Memo.doc", "legacy");
    DocumentInfo converted =
        store().storeVersion(legacy.id(), basedOn(legacy.version(), "docx"), stream("ooxml"));
    assertEquals("Memo.docx", converted.title());
    assertEquals("docx", converted.fileType());
  }

  @Test
  public void failingContentStreamStoresNothing() throws Exception {
    DocumentInfo info = create("Cut.txt", "intact");
    assertThrows(
        IOException.class,
        () ->
            store()
                .storeVersion(
                    info.id(),
                    basedOn(info.version(), "txt"),
                    ContractStreams.failingAfter(100_000)));
    assertEquals(info.version(), store().describe(info.id()).version());
    assertEquals("intact", read(store().openContent(info.id())));
  }

  @Test
  public void twoConcurrentSavesOnTheSameBaseOneWinsOneConflicts() throws Exception {
    DocumentInfo base = create("Race.txt", "base");
    CountDownLatch bothReading = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (String text : List.of("alpha", "beta")) {
        results.add(
            pool.submit(
                () -> {
                  InputStream gated = gated(text, bothReading);
                  try {
                    return store().storeVersion(base.id(), basedOn(base.version(), "txt"), gated);
                  } catch (VersionConflictException e) {
                    return e;
                  }
                }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : results) {
        outcomes.add(f.get(60, TimeUnit.SECONDS));
      }
      long wins = outcomes.stream().filter(o -> o instanceof DocumentInfo).count();
      long conflicts = outcomes.stream().filter(o -> o instanceof VersionConflictException).count();
      assertEquals(1, wins, "exactly one save wins: " + outcomes);
      assertEquals(1, conflicts, "the other gets a conflict: " + outcomes);
      String stored = read(store().openContent(base.id()));
      assertTrue(stored.equals("alpha") || stored.equals("beta"), stored);
    } finally {
      pool.shutdownNow();
    }
  }

  /** A stream that starts delivering only when every racing thread has started reading. */
  private static InputStream gated(String text, CountDownLatch allReading) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new ByteArrayInputStream(bytes) {
      private boolean started;

      @Override
      public synchronized int read(byte[] b, int off, int len) {
        if (!started) {
          started = true;
          allReading.countDown();
          try {
            allReading.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.read(b, off, len);
      }
    };
  }

  @Test
  @Tag("large")
  public void storesATwoGibVersionWithoutGrowingTheHeap() throws Exception {
    DocumentInfo info = create("Large.bin", "small");
    long size = 2L << 30;
    long baseline = ContractStreams.usedHeapAfterGc();
    long[] peak = {0};
    ContractStreams.Pattern big =
        new ContractStreams.Pattern(size) {
          private long nextCheck = 256L << 20;

          @Override
          void progress(long reached) {
            if (reached >= nextCheck) {
              nextCheck += 512L << 20;
              peak[0] = Math.max(peak[0], ContractStreams.usedHeapAfterGc() - baseline);
            }
          }
        };
    DocumentInfo stored = store().storeVersion(info.id(), basedOn(info.version(), "bin"), big);
    assertEquals(size, stored.size());
    assertTrue(
        peak[0] < HEAP_GROWTH_LIMIT,
        "heap grew by " + (peak[0] >> 20) + " MiB while storing 2 GiB");
    try (Content content = store().openContent(info.id())) {
      byte[] head = content.stream().readNBytes(4096);
      byte[] expected = new byte[4096];
      for (int i = 0; i < expected.length; i++) {
        expected[i] = (byte) ContractStreams.Pattern.byteAt(i);
      }
      assertArrayEquals(expected, head);
    }
  }

  @Test
  public void renameKeepsVersionAndContent() throws Exception {
    DocumentInfo info = create("Before.txt", "content");
    DocumentInfo renamed = store().rename(info.id(), "After.txt", author());
    assertEquals("After.txt", renamed.title());
    assertEquals(info.version(), renamed.version());
    assertEquals("content", read(store().openContent(info.id())));
  }

  @Test
  public void renameToAnInvalidNameIsRefusedAndChangesNothing() throws Exception {
    DocumentInfo info = create("Valid.txt", "content");
    assertThrows(InvalidNameException.class, () -> store().rename(info.id(), "a/b.txt", author()));
    assertEquals("Valid.txt", store().describe(info.id()).title());
  }

  @Test
  public void copyIsAnIndependentDocument() throws Exception {
    DocumentInfo original = create("Original.txt", "shared start");
    DocumentInfo copy = store().copy(original.id(), "Copy of original.txt", author());
    assertNotEquals(original.id(), copy.id());
    assertEquals("shared start", read(store().openContent(copy.id())));
    store().storeVersion(copy.id(), basedOn(copy.version(), "txt"), stream("changed copy"));
    assertEquals("shared start", read(store().openContent(original.id())));
  }

  @Test
  public void deleteRemovesTheDocumentWhenSupported() throws Exception {
    DocumentInfo info = create("Doomed.txt", "bye");
    if (!store().supportsDelete()) {
      assertThrows(HostException.class, () -> store().delete(info.id(), author()));
      assertEquals("Doomed.txt", store().describe(info.id()).title());
      return;
    }
    store().delete(info.id(), author());
    assertThrows(DocumentNotFoundException.class, () -> store().describe(info.id()));
    assertThrows(DocumentNotFoundException.class, () -> store().openContent(info.id()));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
