package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.config.Settings;
import org.officebridge.config.SettingsLoader;
import org.officebridge.demo.DemoStorage;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.host.HostServices;
import org.officebridge.host.InMemorySessionStore;
import org.officebridge.platform.Metrics;
import org.officebridge.security.DocumentServerAddresses;
import org.officebridge.security.LinkSigner;
import org.officebridge.session.DocumentKeys;
import org.officebridge.session.EditingSessions;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.User;
import org.officebridge.spi.UserDirectory;
import org.officebridge.spi.VersionHistory;
import org.officebridge.testing.DocumentServerDouble;

/**
 * The save state machine wired by hand over the demo store and the in-memory session store, with a
 * movable clock: what the black-box tests cannot see (document keys, lock expiry, sessions of
 * another protocol).
 */
class CallbackHandlerTest {

  private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");
  private static final String SECRET = "officebridge-unit-test-secret-0123456789";

  private final AtomicReference<Instant> now = new AtomicReference<>(START);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  private Path dir;
  private DocumentServerDouble ds;
  private DemoStorage storage;
  private InMemorySessionStore store;
  private Settings settings;
  private EditingSessions sessions;
  private CallbackUrls urls;
  private CallbackHandler handler;
  private final Metrics metrics = new Metrics();

  @BeforeEach
  void wire() throws Exception {
    dir = Files.createTempDirectory(Path.of("target"), "handler-");
    ds = DocumentServerDouble.start("127.0.0.1", SECRET);
    storage = DemoStorage.open(dir, clock);
    store = new InMemorySessionStore();
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", ds.baseUrl().toString());
    props.put("officebridge.connector.url", "http://127.0.0.1:9/officebridge");
    props.put("officebridge.jwt.secret", SECRET);
    props.put("officebridge.instance-id", "unit");
    settings = SettingsLoader.load(props, Map.of());
    HostServices host =
        new HostServices() {
          @Override
          public DocumentStore documents() {
            return storage;
          }

          @Override
          public UserDirectory users() {
            return new UserDirectory() {
              @Override
              public Optional<User> resolveActor(org.officebridge.spi.ActorRequest request) {
                return Optional.empty();
              }

              @Override
              public Optional<User> findUser(String userId) {
                return Optional.of(User.of(userId, "User " + userId, Locale.ENGLISH));
              }

              @Override
              public List<User> searchUsers(String query, int limit) {
                return List.of();
              }
            };
          }

          @Override
          public Optional<VersionHistory> versions() {
            return Optional.of(storage);
          }

          @Override
          public SessionStore sessions() {
            return store;
          }
        };
    DocumentKeys keys = new DocumentKeys(settings, host, clock);
    sessions = new EditingSessions(host, settings, clock);
    urls = new CallbackUrls();
    urls.links = new LinkSigner(settings, clock);
    urls.settings = settings;
    urls.keys = keys;
    urls.sessions = sessions;
    VersionSaver saver = new VersionSaver();
    saver.host = host;
    saver.http = new DocumentServerHttp(settings, new DocumentServerAddresses(settings));
    saver.settings = settings;
    saver.clock = clock;
    saver.repeats = new RepeatedSaves();
    saver.repeats.host = host;
    saver.repeats.http = saver.http;
    saver.repeats.settings = settings;
    saver.metrics = metrics;
    SaveNotices notices = new SaveNotices();
    notices.clock = clock;
    handler = new CallbackHandler();
    handler.host = host;
    handler.sessions = sessions;
    handler.keys = keys;
    handler.saver = saver;
    handler.notices = notices;
    handler.clock = clock;
    handler.metrics = metrics;
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private DocumentInfo newDocument() throws Exception {
    return storage.createDocument(
        new NewDocument("Doc " + System.nanoTime() + ".docx", Optional.empty()),
        new ByteArrayInputStream("v1".getBytes(StandardCharsets.UTF_8)),
        User.of("owner", "Owner", Locale.ENGLISH));
  }

  /** An editor opening the document now, and the callbacks its Document Server sends. */
  private final class Editor {
    final DocumentInfo opened;
    final CallbackUrls.EditorCallback callback;
    final CallbackReference reference;

    Editor(DocumentId id) throws Exception {
      opened = storage.describe(id);
      callback = urls.forEditor(opened);
      String link = callback.callbackUrl().substring(callback.callbackUrl().lastIndexOf('/') + 1);
      reference = urls.verify(link);
    }

    CallbackAnswer send(int status, Map<String, Object> more) {
      Map<String, Object> claims = new HashMap<>(more);
      claims.put("key", callback.documentKey());
      claims.put("status", status);
      claims.putIfAbsent("users", List.of("u1"));
      return handler.handle(reference, CallbackPayload.read(json(claims)));
    }

    CallbackAnswer send(int status) {
      return send(status, Map.of());
    }

    Map<String, Object> file(String content) {
      return Map.of(
          "url",
          ds.serve(
              "f" + System.nanoTime(),
              DocumentServerDouble.bytes(content.getBytes(StandardCharsets.UTF_8))),
          "filetype",
          "docx",
          "lastsave",
          "t" + System.nanoTime());
    }
  }

  private static jakarta.json.JsonObject json(Map<String, Object> claims) {
    return jakarta.json.Json.createObjectBuilder(claims).build();
  }

  private String freshKey(DocumentId id) throws Exception {
    return urls.forEditor(storage.describe(id)).documentKey();
  }

  @Test
  void aForcesaveThenACloseWithoutChangesRetiresTheKey() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(1).acknowledged());
    assertTrue(editor.send(6, editor.file("forcesaved")).acknowledged());
    Editor joiner = new Editor(doc.id());
    assertEquals(editor.callback.documentKey(), joiner.callback.documentKey(), "same session");
    assertEquals("2", joiner.reference.baseVersion(), "based on the forcesaved version");
    assertTrue(editor.send(4).acknowledged());
    assertNotEquals(editor.callback.documentKey(), freshKey(doc.id()));
  }

  @Test
  void savesAndRecoveryCopiesAreCounted() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(6, editor.file("forcesaved")).acknowledged());
    assertTrue(editor.send(2, editor.file("final")).acknowledged());
    Editor failing = new Editor(doc.id());
    assertTrue(failing.send(3, failing.file("partial")).acknowledged());
    assertEquals(1, metrics.value("officebridge_saves_total", "docs-api", "intermediate"));
    assertEquals(1, metrics.value("officebridge_saves_total", "docs-api", "final"));
    assertEquals(1, metrics.value("officebridge_saves_total", "docs-api", "recovery-copy"));
    assertTrue(metrics.value("officebridge_streamed_bytes_total", "callback-download") >= 19);
  }

  @Test
  void aCloseWithoutAnyChangeMayReuseTheKey() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(1).acknowledged());
    assertTrue(editor.send(4).acknowledged());
    assertEquals(editor.callback.documentKey(), freshKey(doc.id()));
  }

  @Test
  void aFinalSaveGivesTheNextSessionANewKey() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(2, editor.file("final")).acknowledged());
    assertNotEquals(editor.callback.documentKey(), freshKey(doc.id()));
    assertTrue(sessions.live(doc.id()).isEmpty());
  }

  @Test
  void aFinalSaveRepeatedAfterItsMarkerWasLostIsNotStoredAgain() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    Map<String, Object> file = editor.file("final");
    assertTrue(editor.send(2, file).acknowledged());
    store = new InMemorySessionStore(); // a node restart: the in-memory markers are gone
    CallbackAnswer repeat = editor.send(2, file);
    assertTrue(repeat.acknowledged(), repeat.outcome());
    assertEquals(2, storage.listVersions(doc.id()).size());
    assertTrue(
        storage.listAll().stream()
            .noneMatch(d -> d.title().startsWith(doc.baseName() + " (conflict")),
        "no conflict copy of its own save");
  }

  @Test
  void aRepeatedSaveWhoseBytesNoLaterVersionHoldsStillBecomesAConflictCopy() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(2, editor.file("final")).acknowledged());
    store = new InMemorySessionStore();
    CallbackAnswer other = editor.send(2, editor.file("something else"));
    assertTrue(other.acknowledged(), other.outcome());
    assertTrue(other.outcome().startsWith("conflict-copy"), other.outcome());
    assertEquals(2, storage.listVersions(doc.id()).size());
  }

  @Test
  void aRecoveryCopyRetiresTheKeyAlthoughTheVersionIsUnchanged() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    assertTrue(editor.send(3, editor.file("partial")).acknowledged());
    assertEquals("1", storage.describe(doc.id()).version());
    String next = freshKey(doc.id());
    assertNotEquals(editor.callback.documentKey(), next);
    Editor second = new Editor(doc.id());
    assertTrue(second.send(3, second.file("again")).acknowledged());
    String third = freshKey(doc.id());
    assertNotEquals(next, third);
    assertNotEquals(editor.callback.documentKey(), third);
  }

  @Test
  void theLockLapsesAfterTheSessionTtlWithoutCallbacksAndEachEditingCallbackRefreshesIt()
      throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    editor.send(1);
    EditingSession session = sessions.live(doc.id()).orElseThrow();
    assertEquals(Optional.of(editor.callback.documentKey()), session.lockId());
    assertEquals(START.plus(settings.sessionTtl()), session.expiresAt());
    now.set(START.plus(settings.sessionTtl()).minus(Duration.ofMinutes(1)));
    editor.send(1, Map.of("users", List.of("u1", "u2")));
    now.set(START.plus(settings.sessionTtl()).plus(Duration.ofMinutes(1)));
    assertEquals(Set.of("u1", "u2"), sessions.live(doc.id()).orElseThrow().editors());
    now.set(now.get().plus(settings.sessionTtl()));
    assertTrue(sessions.live(doc.id()).isEmpty(), "lapsed without callbacks");
  }

  @Test
  void aSessionOfAnotherProtocolIsNeverChangedByACallback() throws Exception {
    DocumentInfo doc = newDocument();
    Editor editor = new Editor(doc.id());
    EditingSession wopi =
        new EditingSession(
            doc.id(),
            EditingSession.Protocol.WOPI,
            "wopi-file",
            "1",
            Optional.of("lock-1"),
            Set.of("u9"),
            0,
            START,
            START.plus(Duration.ofMinutes(30)),
            0);
    assertTrue(store.insert(wopi, START));
    assertEquals("session-foreign", editor.send(1).outcome());
    assertTrue(editor.send(6, editor.file("forcesaved")).acknowledged());
    assertEquals(wopi, sessions.live(doc.id()).orElseThrow());
    assertEquals("2", storage.describe(doc.id()).version());
  }
}
