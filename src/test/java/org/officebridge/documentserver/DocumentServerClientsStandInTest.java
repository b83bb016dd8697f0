package org.officebridge.documentserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;
import org.officebridge.testing.DocumentServerDouble;

/**
 * The command and conversion clients against the Document Server stand-in: real sessions,
 * conversions and forgotten files, and every error code the stand-in produces.
 */
class DocumentServerClientsStandInTest {

  private RunningStandIn ds;
  private DocumentServerDouble files;
  private Clients clients;
  private CommandServiceClient commands;
  private ConversionClient conversions;

  @BeforeEach
  void start() throws Exception {
    ds =
        StandIn.builder()
            .jwtSecret(Clients.SECRET)
            .callbackDelay(Duration.ofMillis(50))
            .retryBaseDelay(Duration.ofMillis(10))
            .conversionTimeout(Duration.ofSeconds(2))
            .maxDownloadBytes(1 << 20)
            .start();
    files = DocumentServerDouble.start("127.0.0.1", Clients.SECRET);
    clients = new Clients(ds.baseUrl(), Map.of(), Clock.systemUTC());
    commands = clients.commands();
    conversions = clients.conversions(Clock.systemUTC());
    conversions.pollInterval(Duration.ofMillis(20));
  }

  @AfterEach
  void stop() {
    files.close();
    ds.close();
  }

  private static byte[] docx(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    OfficeDocuments.write("docx", List.of(text), out);
    return out.toByteArray();
  }

  /** Opens an editor on the stand-in; its callbacks go nowhere (the double answers 404). */
  private String openSession(String user) throws Exception {
    String key = "unit-" + System.nanoTime();
    String url = files.serve(key + ".docx", DocumentServerDouble.bytes(docx("Text")));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("fileType", "docx");
    document.put("key", key);
    document.put("title", "Report.docx");
    document.put("url", url);
    document.put("permissions", Map.of("edit", true));
    Map<String, Object> editor = new LinkedHashMap<>();
    editor.put("callbackUrl", files.baseUrl() + "/callback");
    editor.put("mode", "edit");
    editor.put("user", Map.of("id", user, "name", user));
    Map<String, Object> config =
        new LinkedHashMap<>(Map.of("document", document, "editorConfig", editor));
    Map<String, Object> signed = new LinkedHashMap<>(config);
    signed.put(
        "token",
        DocumentServerDouble.sign(
            config, Clients.SECRET.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5)));
    assertTrue(ds.openEditor(signed).opened());
    return key;
  }

  @Test
  void forcesaveStartsWithChangesAndReportsNoChangesOtherwise() throws Exception {
    String key = openSession("u1");
    assertEquals(ForcesaveResult.NO_CHANGES, commands.forcesave(key, Optional.empty()));
    ds.edit(key, "u1");
    assertEquals(ForcesaveResult.STARTED, commands.forcesave(key, Optional.of("why")));
    var sent =
        ds.callbacks().await(r -> r.key().equals(key) && r.status() == 6, Duration.ofSeconds(5));
    assertEquals(0, sent.orElseThrow().body().get("forcesavetype"));
    assertEquals("why", sent.orElseThrow().body().get("userdata"));
  }

  @Test
  void infoMetaAndDropActOnTheSession() throws Exception {
    String key = openSession("u1");
    assertEquals(List.of("u1"), commands.info(key, Optional.empty()));
    commands.meta(key, "Renamed.docx");
    commands.drop(key, List.of("u1"));
    assertEquals(List.of(), commands.info(key, Optional.empty()));
  }

  @Test
  void versionAndLicenseDescribeTheServer() {
    assertEquals("9.0.0.0", commands.version());
    DocumentServerLicense license = commands.license();
    assertEquals(3, license.server().resultType());
    assertTrue(license.quota().containsKey("users"));
  }

  @Test
  void anUnacknowledgedFinalSaveIsAForgottenFileThatCanBeFetchedAndDeleted() throws Exception {
    String key = openSession("u1");
    ds.edit(key, "u1");
    ds.leave(key, "u1");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!commands.forgottenList().contains(key) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(commands.forgottenList().contains(key));
    ForgottenFile file = commands.forgotten(key);
    try (InputStream in = clients.http.openDownload(file.url(), 1 << 20)) {
      assertTrue(in.readAllBytes().length > 0);
    }
    commands.deleteForgotten(key);
    assertFalse(commands.forgottenList().contains(key));
    CommandServiceException gone =
        assertThrows(CommandServiceException.class, () -> commands.forgotten(key));
    assertEquals(CommandError.KEY_NOT_FOUND, gone.error());
  }

  @Test
  void commandsForUnknownKeysAndWrongSecretsFailWithTheirCodes() throws Exception {
    assertEquals(
        CommandError.KEY_NOT_FOUND,
        assertThrows(
                CommandServiceException.class, () -> commands.forcesave("nope", Optional.empty()))
            .error());
    CommandServiceClient wrong =
        new Clients(
                ds.baseUrl(),
                Map.of("officebridge.jwt.secret", "another-secret-of-enough-length-0123456789"),
                Clock.systemUTC())
            .commands();
    assertEquals(
        CommandError.INVALID_TOKEN,
        assertThrows(CommandServiceException.class, wrong::version).error());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 6})
  void everyForcedCommandErrorIsTyped(int code) {
    ds.faults().failNextCommand(code);
    assertEquals(
        code,
        assertThrows(CommandServiceException.class, () -> commands.meta("k", "T.docx")).code());
  }

  @Test
  void aForcedNoChangesIsNotAFailure() {
    ds.faults().failNextCommand(4);
    assertEquals(ForcesaveResult.NO_CHANGES, commands.forcesave("k", Optional.empty()));
  }

  private ConversionRequest request(String url, String from, String to) {
    return ConversionRequest.of(
        URI.create(url),
        from,
        to,
        conversions.keyFor(
            new org.officebridge.spi.DocumentId("d1"), String.valueOf(System.nanoTime()), to));
  }

  @Test
  void aDocumentIsConvertedAndItsResultStreamed() throws Exception {
    String source = files.serve("memo.docx", DocumentServerDouble.bytes(docx("Memo text")));
    ConversionResult result = conversions.convert(request(source, "docx", "pdf").withTitle("Memo"));
    assertEquals("pdf", result.fileType());
    try (InputStream in = conversions.openResult(result)) {
      byte[] pdf = in.readAllBytes();
      assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    }
  }

  @Test
  void aSlowAsyncConversionIsPolledUntilItEnds() throws Exception {
    ds.faults().conversionDelay(Duration.ofMillis(400));
    String source = files.serve("slow.docx", DocumentServerDouble.bytes(docx("Slow")));
    ConversionRequest request = request(source, "docx", "odt");
    ConversionProgress started = conversions.start(request);
    assertFalse(started.done());
    assertEquals("odt", conversions.convert(request).fileType());
  }

  @Test
  void everyConversionErrorTheStandInProducesIsTyped() throws Exception {
    String docx = files.serve("ok.docx", DocumentServerDouble.bytes(docx("Text")));
    String locked =
        files.serve(
            "locked.txt",
            DocumentServerDouble.bytes(
                "STANDIN-ENCRYPTED:secret\nhidden".getBytes(StandardCharsets.UTF_8)));
    String big = files.serve("big.docx", DocumentServerDouble.generated(2 << 20));
    assertEquals(ConversionError.CONVERSION, failure(request(docx, "docx", "vsdx")));
    assertEquals(
        ConversionError.DOWNLOAD, failure(request(files.baseUrl() + "/cache/none", "docx", "pdf")));
    assertEquals(ConversionError.PASSWORD, failure(request(locked, "txt", "docx")));
    assertEquals(ConversionError.OUTPUT_UNDETERMINED, failure(request(docx, "xml", "ooxml")));
    assertEquals(ConversionError.SIZE_LIMIT, failure(request(big, "docx", "pdf")));
    ds.faults().conversionDelay(Duration.ofSeconds(3));
    assertEquals(ConversionError.TIMEOUT, failure(request(docx, "docx", "rtf")));
    ds.faults().reset();
    for (int code : new int[] {-1, -6, -7}) {
      ds.faults().failNextConversion(code);
      assertEquals(ConversionError.fromCode(code), failure(request(docx, "docx", "pdf")));
    }
    ConversionClient wrong =
        new Clients(
                ds.baseUrl(),
                Map.of("officebridge.jwt.secret", "another-secret-of-enough-length-0123456789"),
                Clock.systemUTC())
            .conversions(Clock.systemUTC());
    assertEquals(
        ConversionError.INVALID_TOKEN,
        assertThrows(ConversionException.class, () -> wrong.convert(request(docx, "docx", "pdf")))
            .error());
  }

  private ConversionError failure(ConversionRequest request) {
    return assertThrows(ConversionException.class, () -> conversions.convert(request)).error();
  }
}
