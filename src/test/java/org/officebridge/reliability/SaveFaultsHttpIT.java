package org.officebridge.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.Http;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/**
 * Save cycles under random faults (docs/reliability.md): a document is edited through the Document
 * Server stand-in and saved when the editor leaves, while one fault, drawn from a seeded random
 * sequence, hits the save: the download cut off at a random byte, the DMS failing to write,
 * timeouts, duplicated and reordered callbacks, clock skew, the node restarted mid-save. After each
 * cycle: a save the connector acknowledged ({@code {"error":0}}) is stored exactly once with the
 * bytes the Document Server sent; a save it did not acknowledge was retried and then stored once,
 * or the Document Server kept it as a forgotten file; the original is untouched; and a reader
 * polling the versions all along never saw a partial one.
 *
 * <p>{@code -Dfaults.cycles=500} (default) and {@code -Dfaults.seed=<n>} (default: random, printed)
 * reproduce a run; {@code -Dfaults.only=RESTART} draws from some faults only.
 */
class SaveFaultsHttpIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** The documents the cycles take turns on (a fresh one per cycle would make the demo slow). */
  private static final int POOL = 8;

  /** The faults, each with its weight in the random draw. */
  enum Fault {
    NONE(14),
    CUT_ONCE(12),
    CUT_ALWAYS(4),
    STORE_FAILS(12),
    STORE_FAILS_ALWAYS(3),
    DUPLICATE(10),
    REORDER(10),
    DUPLICATE_AND_STORE_FAILS(6),
    SKEW_TOLERATED(6),
    SKEW_EXPIRED(3),
    SLOW(5),
    TIMEOUT_ONCE(6),
    RESTART(1),
    DUPLICATE_AFTER_RESTART(1);

    final int weight;

    Fault(int weight) {
      this.weight = weight;
    }

    static Fault draw(Random random, Set<Fault> among) {
      int total = 0;
      for (Fault f : among) {
        total += f.weight;
      }
      int n = random.nextInt(total);
      for (Fault f : among) {
        n -= f.weight;
        if (n < 0) {
          return f;
        }
      }
      throw new IllegalStateException();
    }

    /** {@code -Dfaults.only=RESTART,DUPLICATE} narrows the draw, to reproduce or to focus. */
    static Set<Fault> among() {
      String only = System.getProperty("faults.only", "");
      Set<Fault> among = java.util.EnumSet.noneOf(Fault.class);
      for (String name : only.split(",")) {
        if (!name.isBlank()) {
          among.add(valueOf(name.strip()));
        }
      }
      return among.isEmpty() ? java.util.EnumSet.allOf(Fault.class) : among;
    }
  }

  private final Http http = new Http();
  private final Map<String, Set<String>> seen = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> byFault = new TreeMap<>();
  private final Map<String, java.util.concurrent.atomic.AtomicLong> millisByFault = new TreeMap<>();
  private RunningStandIn ds;
  private InProcessServer server;
  private Map<String, String> settings;
  private Path data;
  private DemoDms dms;
  private ConnectorLinks links;
  private final List<DemoDms.Document> pool = new ArrayList<>();
  private volatile String watched;
  private volatile int watchedAbove;
  private volatile boolean reading = true;

  @BeforeEach
  void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(TestSettings.JWT_SECRET)
            .callbackDelay(Duration.ofMillis(10))
            .retryBaseDelay(Duration.ofMillis(150))
            .start();
    data = Files.createTempDirectory(Path.of("target"), "faults-data-");
    settings = TestSettings.forInProcess(ds.baseUrl().toString(), data);
    settings.put("officebridge.http.read-timeout", "PT0.5S");
    settings.put("officebridge.http.connect-timeout", "PT1S");
    server = InProcessServer.start(InProcessServer.demoWar(), settings);
    dms = new DemoDms(server.baseUrl(), data);
    links = new ConnectorLinks(server.baseUrl().toString(), TestSettings.LINK_SECRET);
    for (int i = 0; i < POOL; i++) {
      pool.add(dms.upload("faults " + i, "docx", office("docx", "document " + i)));
    }
  }

  @AfterEach
  void stop() throws Exception {
    reading = false;
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      ds.close();
    }
  }

  @Test
  void everyAcknowledgedSaveIsStoredOnceAndEveryOtherIsRetriedOrKept() throws Exception {
    int cycles = Integer.getInteger("faults.cycles", 500);
    long seed = Long.getLong("faults.seed", System.nanoTime());
    System.out.println("save faults: seed=" + seed + " cycles=" + cycles);
    Random random = new Random(seed);
    Set<Fault> among = Fault.among();
    Thread reader = new Thread(this::readVersionsAllAlong, "faults-reader");
    reader.setDaemon(true);
    reader.start();
    Instant started = Instant.now();
    Figures figures = new Figures();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < cycles; i++) {
      Fault fault = Fault.draw(random, among);
      byFault.computeIfAbsent(fault.name(), f -> new AtomicInteger()).incrementAndGet();
      long t0 = System.nanoTime();
      try {
        Outcome outcome = cycle(i, fault, random);
        millisByFault
            .computeIfAbsent(fault.name(), f -> new java.util.concurrent.atomic.AtomicLong())
            .addAndGet((System.nanoTime() - t0) / 1_000_000);
        figures.add(outcome);
        outcome.verify();
      } catch (AssertionError | Exception e) {
        problems.add("cycle " + i + " (" + fault + ", seed " + seed + "): " + e);
        figures.failed++;
      }
    }
    reading = false;
    Duration took = Duration.between(started, Instant.now());
    List<DemoDms.Document> stray =
        dms.documents().stream()
            .filter(d -> d.title().contains(" (conflict ") || d.title().contains(" (recovered "))
            .toList();
    if (!stray.isEmpty()) {
      problems.add("copies in the DMS: " + stray);
      figures.duplicated += stray.size();
    }
    String report =
        figures.report(seed, cycles, took, byFault, problems)
            + "millisByFault="
            + millisByFault
            + "\n";
    Files.createDirectories(Path.of("target", "reliability"));
    Files.writeString(Path.of("target", "reliability", "save-faults.txt"), report);
    System.out.println(report);
    assertTrue(problems.isEmpty(), report);
    assertEquals(0, figures.lost, report);
    assertEquals(0, figures.duplicated, report);
    assertEquals(0, figures.partialSeen, report);
  }

  /**
   * What one cycle ended with.
   *
   * @param acknowledged the connector answered {@code {"error":0}} to a final save
   * @param stored the document got a new version
   * @param forgotten the Document Server kept the file as a forgotten file
   * @param extra versions or copies beyond the one expected
   * @param wrongBytes the new version's bytes are not the Document Server's
   * @param originalChanged the first version's bytes changed
   * @param partialSeen the reader saw other bytes in the new version than its final ones
   */
  record Outcome(
      boolean acknowledged,
      boolean stored,
      boolean forgotten,
      int extra,
      boolean wrongBytes,
      boolean originalChanged,
      boolean partialSeen) {

    void verify() {
      assertTrue(!originalChanged, "the original changed");
      assertEquals(0, extra, "stored more than once, or copies were made");
      assertTrue(!wrongBytes, "the stored bytes are not the Document Server's");
      assertTrue(!partialSeen, "a partial version was visible");
      assertTrue(!acknowledged || stored, "acknowledged but not stored");
      assertTrue(acknowledged || forgotten, "neither acknowledged nor kept as a forgotten file");
    }
  }

  private Outcome cycle(int i, Fault fault, Random random) throws Exception {
    DemoDms.Document doc = pool.get(i % POOL);
    List<DemoDms.Version> before = dms.versions(doc.id());
    String base = before.get(before.size() - 1).version();
    byte[] original = dms.content(doc.id(), base);
    int copiesBefore = copies(doc);
    String key = "faults-" + doc.id() + "-" + base + "-" + i;
    watchedAbove = Integer.parseInt(base);
    watched = doc.id();
    boolean coEditor = fault == Fault.REORDER || fault == Fault.DUPLICATE || random.nextBoolean();
    open(doc, base, key, "editor");
    awaitAccepted(key, 1, 1);
    if (coEditor) {
      open(doc, base, key, "owner");
      awaitAccepted(key, 1, 2);
    }
    ds.edit(key, "editor");
    arm(fault, random);
    if (coEditor) {
      ds.leave(key, "owner");
    }
    ds.leave(key, "editor");
    if (fault == Fault.RESTART) {
      Thread.sleep(150 + random.nextInt(200));
      restart();
    }
    awaitEnd(key, fault);
    Thread.sleep(50);
    ds.faults().reset();
    dms.failNextStores(0);
    if (fault == Fault.DUPLICATE_AFTER_RESTART) {
      restart();
    }
    boolean replayAcknowledged =
        (fault == Fault.RESTART || fault == Fault.DUPLICATE_AFTER_RESTART)
            && replayAfterRestart(key);
    return check(doc, key, base, original, before.size(), copiesBefore, replayAcknowledged);
  }

  /**
   * The Document Server's retry reaching the node after its restart (its own retries are over in
   * about a second here, a real one keeps trying for 7 s): the last final-save attempt, sent again
   * byte for byte.
   *
   * @return whether the connector acknowledged it
   */
  private boolean replayAfterRestart(String key) throws Exception {
    List<CallbackRecord> finals = finals(key);
    CallbackRecord last = finals.get(finals.size() - 1);
    try (DocumentServerDouble replay =
        DocumentServerDouble.start("127.0.0.1", TestSettings.JWT_SECRET)) {
      HttpResponse<String> answer =
          replay.post(
              last.callbackUrl().toString(), last.sentJson(), last.headerToken().orElse(null));
      return answer.statusCode() == 200 && answer.body().equals("{\"error\":0}");
    }
  }

  private void arm(Fault fault, Random random) throws Exception {
    Faults faults = ds.faults();
    switch (fault) {
      case CUT_ONCE, CUT_ALWAYS ->
          faults.cutDownloadsAfter(random.nextInt(3000), Faults.FileKind.DOCUMENT);
      case STORE_FAILS -> dms.failNextStores(1 + random.nextInt(3));
      case STORE_FAILS_ALWAYS -> dms.failNextStores(4);
      case DUPLICATE -> faults.duplicateCallbacks(true);
      case REORDER -> faults.outOfOrderCallbacks(true);
      case DUPLICATE_AND_STORE_FAILS -> {
        faults.duplicateCallbacks(true);
        dms.failNextStores(1 + random.nextInt(2));
      }
      case SKEW_TOLERATED -> faults.clockSkew(Duration.ofSeconds(random.nextInt(101) - 50));
      case SKEW_EXPIRED -> faults.clockSkew(Duration.ofMinutes(-10));
      case SLOW -> faults.slowDownloads(Duration.ofMillis(50));
      case TIMEOUT_ONCE -> faults.slowDownloads(Duration.ofMillis(800));
      case RESTART -> faults.slowDownloads(Duration.ofMillis(300));
      case NONE, DUPLICATE_AFTER_RESTART -> {
        // a plain save (the restart comes after it)
      }
    }
  }

  /** Waits until the Document Server is done with the key's final save: accepted, or given up. */
  private void awaitEnd(String key, Fault fault) throws Exception {
    boolean healOnce = fault == Fault.CUT_ONCE || fault == Fault.TIMEOUT_ONCE;
    int wanted = fault == Fault.DUPLICATE || fault == Fault.DUPLICATE_AND_STORE_FAILS ? 2 : 1;
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<CallbackRecord> finals = finals(key);
      if (healOnce && finals.stream().anyMatch(r -> !r.accepted())) {
        ds.faults().reset();
      }
      long accepted = finals.stream().filter(CallbackRecord::accepted).count();
      if (accepted >= wanted || ds.forgottenKeys().contains(key)) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the Document Server never finished " + key + ": " + finals(key));
  }

  private Outcome check(
      DemoDms.Document doc,
      String key,
      String base,
      byte[] original,
      int versionsBefore,
      int copiesBefore,
      boolean replayAcknowledged)
      throws Exception {
    List<CallbackRecord> finals = finals(key);
    boolean acknowledged = replayAcknowledged || finals.stream().anyMatch(CallbackRecord::accepted);
    boolean forgotten = ds.forgottenKeys().contains(key);
    byte[] sent = fetch(finals.get(0).url().orElseThrow());
    List<DemoDms.Version> versions = dms.versions(doc.id());
    int added = versions.size() - versionsBefore;
    boolean stored = added >= 1;
    String fresh = stored ? versions.get(versionsBefore).version() : null;
    boolean wrong =
        stored
            && (!versions.get(versionsBefore).kind().equals("EDIT_FINAL")
                || !hash(sent).equals(hash(dms.content(doc.id(), fresh))));
    Set<String> hashes = seen.getOrDefault(doc.id() + "/" + fresh, Set.of());
    return new Outcome(
        acknowledged,
        stored,
        forgotten,
        Math.max(0, added - 1) + copies(doc) - copiesBefore,
        wrong,
        !java.util.Arrays.equals(original, dms.content(doc.id(), base)),
        stored && !hashes.isEmpty() && !hashes.equals(Set.of(hash(sent))));
  }

  /** Conflict and recovery copies of a document, as the connector announces them. */
  private int copies(DemoDms.Document doc) throws Exception {
    String status = dms.status(doc.id(), "owner").body();
    return status.split("\"kind\":\"(CONFLICT_COPY|RECOVERY_COPY)\"", -1).length - 1;
  }

  private List<CallbackRecord> finals(String key) {
    return ds.callbacks().forKey(key).stream().filter(r -> r.status() == 2).toList();
  }

  private void awaitAccepted(String key, int status, int count) throws InterruptedException {
    List<CallbackRecord> hits =
        ds.callbacks()
            .awaitCount(
                r -> r.key().equals(key) && r.status() == status && r.accepted(), count, WAIT);
    if (hits.size() < count) {
      throw new AssertionError("no accepted status " + status + " for " + key);
    }
  }

  private void open(DemoDms.Document doc, String base, String key, String user) throws Exception {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("fileType", "docx");
    document.put("key", key);
    document.put("title", doc.title());
    document.put("url", links.downloadUrl(doc.id()));
    document.put("permissions", Map.of("edit", true));
    Map<String, Object> editor = new LinkedHashMap<>();
    editor.put("callbackUrl", links.callbackUrl(doc.id(), key, base));
    editor.put("mode", "edit");
    editor.put("user", Map.of("id", user, "name", "User " + user));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("document", document);
    config.put("editorConfig", editor);
    Map<String, Object> signed = new LinkedHashMap<>(config);
    signed.put(
        "token",
        DocumentServerDouble.sign(
            config,
            TestSettings.JWT_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Duration.ofMinutes(5)));
    OpenOutcome opened = ds.openEditor(signed);
    assertTrue(opened.opened(), () -> "the stand-in refused: " + opened.describe());
  }

  /** A node restart: the server stops (mid-save) and starts again on its port and folder. */
  private void restart() throws Exception {
    int port = server.port();
    server.close();
    server = InProcessServer.start(InProcessServer.demoWar(), settings, port);
  }

  /** Records a digest of every new version of the watched document the demo shows, all along. */
  private void readVersionsAllAlong() {
    while (reading) {
      String doc = watched;
      int above = watchedAbove;
      try {
        if (doc != null) {
          for (DemoDms.Version v : dms.versions(doc)) {
            if (Integer.parseInt(v.version()) > above) {
              seen.computeIfAbsent(doc + "/" + v.version(), d -> ConcurrentHashMap.newKeySet())
                  .add(hash(dms.content(doc, v.version())));
            }
          }
        }
        Thread.sleep(20);
      } catch (Exception e) {
        // the server is restarting, or the version went away between list and read
      }
    }
  }

  private byte[] fetch(String url) throws Exception {
    HttpResponse<byte[]> r =
        http.client()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), "the Document Server no longer serves " + url);
    return r.body();
  }

  private static byte[] office(String type, String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write(type, List.of(text), out);
    return out.toByteArray();
  }

  private static String hash(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The run's figures, for docs/reliability.md. */
  static final class Figures {
    int acknowledged;
    int stored;
    int storedUnacknowledged;
    int forgotten;
    int lost;
    int duplicated;
    int partialSeen;
    int failed;

    void add(Outcome o) {
      acknowledged += o.acknowledged() ? 1 : 0;
      stored += o.stored() ? 1 : 0;
      storedUnacknowledged += o.stored() && !o.acknowledged() ? 1 : 0;
      forgotten += !o.acknowledged() && o.forgotten() ? 1 : 0;
      lost +=
          (o.acknowledged() && (!o.stored() || o.wrongBytes())) || (!o.stored() && !o.forgotten())
              ? 1
              : 0;
      duplicated += o.extra() > 0 ? 1 : 0;
      partialSeen += o.partialSeen() ? 1 : 0;
    }

    String report(
        long seed,
        int cycles,
        Duration took,
        Map<String, AtomicInteger> byFault,
        List<String> problems) {
      StringBuilder b = new StringBuilder();
      b.append("seed=").append(seed).append('\n');
      b.append("cycles=").append(cycles).append('\n');
      b.append("seconds=").append(took.toSeconds()).append('\n');
      b.append("faults=").append(byFault).append('\n');
      b.append("acknowledged=").append(acknowledged).append('\n');
      b.append("stored=").append(stored).append('\n');
      b.append("storedButNotAcknowledged=").append(storedUnacknowledged).append('\n');
      b.append("keptAsForgottenFiles=").append(forgotten).append('\n');
      b.append("lost=").append(lost).append('\n');
      b.append("storedTwice=").append(duplicated).append('\n');
      b.append("partialVersionsSeen=").append(partialSeen).append('\n');
      b.append("failedCycles=").append(failed).append('\n');
      problems.forEach(p -> b.append("problem: ").append(p).append('\n'));
      return b.toString();
    }
  }
}
