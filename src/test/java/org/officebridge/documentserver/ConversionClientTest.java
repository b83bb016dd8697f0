package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officebridge.spi.DocumentId;

class ConversionClientTest {

  private static final URI SOURCE = URI.create("http://127.0.0.1:9/officebridge/download/x");

  private FakeDocumentServer ds;
  private Clients clients;
  private ConversionClient conversions;

  @BeforeEach
  void start() throws Exception {
    ds = new FakeDocumentServer();
    clients = new Clients(ds);
    conversions = clients.conversions(Clock.systemUTC());
    conversions.pollInterval(Duration.ofMillis(10));
  }

  @AfterEach
  void stop() {
    ds.close();
  }

  private ConversionRequest request() {
    return ConversionRequest.of(SOURCE, "doc", "docx", "unit-cv-abc").withTitle("Memo.doc");
  }

  private String done(String fileUrl) {
    return "{\"endConvert\":true,\"fileType\":\"docx\",\"fileUrl\":\""
        + fileUrl
        + "\","
        + "\"percent\":100}";
  }

  private JsonObject body(int index) {
    return Json.createReader(new StringReader(ds.received().get(index).body())).readObject();
  }

  @Test
  void convertSendsASignedJsonRequestAndReturnsTheResult() {
    ds.answerJson(done(ds.baseUrl() + "/cache/out.docx"));
    ConversionResult result = conversions.convert(request().withPassword("s3cret"));
    assertEquals("docx", result.fileType());
    assertEquals(URI.create(ds.baseUrl() + "/cache/out.docx"), result.fileUrl());

    FakeDocumentServer.Received sent = ds.last();
    assertEquals("/converter", sent.uri().getPath());
    assertEquals("shardkey=unit-cv-abc", sent.uri().getQuery());
    assertTrue(sent.header("Accept").contains("application/json"));
    Map<String, Object> claims = clients.jwt.verify(body(0).getString("token"));
    assertEquals(SOURCE.toString(), claims.get("url"));
    assertEquals("doc", claims.get("filetype"));
    assertEquals("docx", claims.get("outputtype"));
    assertEquals("unit-cv-abc", claims.get("key"));
    assertEquals("Memo.doc", claims.get("title"));
    assertEquals("s3cret", claims.get("password"));
    assertEquals(false, claims.get("async"));
    assertEquals("unit-cv-abc", clients.jwt.verifyHeader(sent.header("Authorization")).get("key"));
  }

  @Test
  void convertPollsWithTheSameKeyUntilTheConversionEnds() {
    ds.answerJson(
        "{\"endConvert\":false,\"percent\":10}",
        "{\"endConvert\":false,\"percent\":60}",
        done(ds.baseUrl() + "/cache/out.docx"));
    assertEquals("docx", conversions.convert(request()).fileType());
    assertEquals(3, ds.received().size());
    for (int i = 0; i < 3; i++) {
      assertEquals("unit-cv-abc", body(i).getString("key"));
    }
    assertFalse(body(0).getBoolean("async"));
    assertTrue(body(2).getBoolean("async"));
  }

  @Test
  void anHttpTimeoutIsAnsweredBySendingTheSameKeyAgain() throws Exception {
    Clients slow =
        new Clients(ds, Map.of("officebridge.http.read-timeout", "300ms"), Clock.systemUTC());
    ConversionClient client = slow.conversions(Clock.systemUTC());
    client.pollInterval(Duration.ofMillis(10));
    ds.answer(
        FakeDocumentServer.Reply.json(done(ds.baseUrl() + "/late.docx")).delayed(1500),
        FakeDocumentServer.Reply.json(done(ds.baseUrl() + "/cache/out.docx")));
    assertEquals(URI.create(ds.baseUrl() + "/cache/out.docx"), client.convert(request()).fileUrl());
    assertEquals(2, ds.received().size());
  }

  @Test
  void convertGivesUpAfterTheConversionTimeout() throws Exception {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T12:00:00Z"));
    Clock clock =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now.getAndUpdate(t -> t.plusSeconds(61));
          }
        };
    Clients timed = new Clients(ds, Map.of("officebridge.conversion.timeout", "2m"), clock);
    ConversionClient client = timed.conversions(clock);
    client.pollInterval(Duration.ofMillis(1));
    for (int i = 0; i < 10; i++) {
      ds.answerJson("{\"endConvert\":false,\"percent\":1}");
    }
    ConversionException e =
        assertThrows(ConversionException.class, () -> client.convert(request()));
    assertEquals(ConversionError.TIMEOUT, e.error());
    assertTrue(ds.received().size() < 10);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, -2, -3, -4, -5, -6, -7, -8, -9, -10})
  void everyErrorCodeBecomesATypedExceptionCarryingTheCode(int code) {
    ds.answerJson("{\"error\":" + code + "}", "{\"error\":" + code + "}");
    ConversionException e =
        assertThrows(ConversionException.class, () -> conversions.convert(request()));
    assertEquals(code, e.code());
    assertEquals(code, e.error().code());
    ConversionException async =
        assertThrows(ConversionException.class, () -> conversions.start(request()));
    assertEquals(ConversionError.fromCode(code), async.error());
  }

  @Test
  void errorCodesMapTotally() {
    for (ConversionError e : ConversionError.values()) {
      assertEquals(e, ConversionError.fromCode(e.code()));
    }
    assertEquals(ConversionError.UNKNOWN, ConversionError.fromCode(-11));
    assertEquals(ConversionError.UNKNOWN, ConversionError.fromCode(3));
    assertTrue(ConversionError.TIMEOUT.isTransient());
    assertFalse(ConversionError.PASSWORD.isTransient());
  }

  @Test
  void asyncStartAndPollReportProgressUntilDone() {
    ds.answerJson("{\"endConvert\":false,\"percent\":40}", done(ds.baseUrl() + "/r.docx"));
    ConversionProgress started = conversions.start(request());
    assertFalse(started.done());
    assertEquals(40, started.percent());
    assertTrue(body(0).getBoolean("async"));
    ConversionProgress polled = conversions.poll(request());
    assertTrue(polled.done());
    assertEquals("docx", polled.result().orElseThrow().fileType());
    assertEquals(body(0).getString("key"), body(1).getString("key"));
  }

  @Test
  void endWithoutAFileIsADocumentServerFailure() {
    ds.answerJson("{\"endConvert\":true,\"percent\":100}");
    DocumentServerException e =
        assertThrows(DocumentServerException.class, () -> conversions.start(request()));
    assertFalse(e instanceof ConversionException);
  }

  @Test
  void resultIsStreamedFromTheDocumentServer() throws Exception {
    byte[] content = new byte[200_000];
    new java.util.Random(7).nextBytes(content);
    ds.answer(FakeDocumentServer.Reply.bytes(content));
    try (InputStream in =
        conversions.openResult(
            new ConversionResult(URI.create(ds.baseUrl() + "/cache/out.docx"), "docx"))) {
      assertArrayEquals(content, in.readAllBytes());
    }
  }

  @Test
  void resultLargerThanTheLimitIsRefused() throws Exception {
    Clients small =
        new Clients(ds, Map.of("officebridge.limits.max-file-size", "1KiB"), Clock.systemUTC());
    ds.answer(FakeDocumentServer.Reply.bytes(new byte[4096]));
    ConversionResult result =
        new ConversionResult(URI.create(ds.baseUrl() + "/cache/out.docx"), "docx");
    assertThrows(
        SizeLimitExceededException.class,
        () -> {
          try (InputStream in = small.conversions(Clock.systemUTC()).openResult(result)) {
            in.readAllBytes();
          }
        });
  }

  @Test
  void resultOutsideTheDocumentServerIsNeverFetched() throws Exception {
    try (FakeDocumentServer elsewhere = new FakeDocumentServer("127.0.0.2")) {
      ConversionResult result =
          new ConversionResult(URI.create(elsewhere.baseUrl() + "/secret"), "docx");
      assertThrows(ForbiddenUrlException.class, () -> conversions.openResult(result));
      assertTrue(elsewhere.received().isEmpty());
    }
  }

  @Test
  void keysDependOnDocumentVersionAndTargetOnly() {
    DocumentId doc = new DocumentId("d1");
    String key = conversions.keyFor(doc, "3", "docx");
    assertEquals(key, conversions.keyFor(doc, "3", "docx"));
    assertNotEquals(key, conversions.keyFor(doc, "4", "docx"));
    assertNotEquals(key, conversions.keyFor(doc, "3", "pdf"));
    assertNotEquals(key, conversions.keyFor(new DocumentId("d2"), "3", "docx"));
    assertTrue(key.matches("[0-9a-zA-Z._=-]{1,128}"), key);
    assertTrue(key.startsWith("unit-"), key);
    ConversionRequest.of(SOURCE, "doc", "docx", key);
  }

  @Test
  void requestsRefuseMalformedTypesAndKeys() {
    assertThrows(
        IllegalArgumentException.class, () -> ConversionRequest.of(SOURCE, "DOC", "docx", "k"));
    assertThrows(
        IllegalArgumentException.class, () -> ConversionRequest.of(SOURCE, "doc", "docx", "a:b"));
    assertFalse(request().withPassword("s3cret").toString().contains("s3cret"));
    assertEquals(Optional.empty(), Optional.ofNullable(request().password()));
  }
}
