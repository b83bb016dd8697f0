package org.officebridge.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.officebridge.standin.conversion.ConversionError;
import org.officebridge.standin.json.Json;

class ConversionServiceTest {

  private FakeDms dms;
  private RunningStandIn ds;

  @BeforeEach
  void start() throws Exception {
    dms = new FakeDms();
    ds =
        StandIn.builder()
            .jwtSecret(TestConfigs.SECRET)
            .conversionTimeout(Duration.ofSeconds(5))
            .maxDownloadBytes(64 * 1024)
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    ds.close();
    dms.close();
  }

  private Map<String, Object> convert(Map<String, Object> params) throws Exception {
    return StandInHttp.postJson(
        ds.baseUrl().resolve("/converter"),
        Map.of("token", TestConfigs.sign(params, TestConfigs.SECRET)),
        "Accept",
        "application/json");
  }

  private static Map<String, Object> request(String key, URI url, String from, String to) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("async", false);
    p.put("filetype", from);
    p.put("key", key);
    p.put("outputtype", to);
    p.put("title", "Report." + from);
    p.put("url", url.toString());
    return p;
  }

  private static long error(Map<String, Object> answer) {
    return ((Number) answer.getOrDefault("error", 0)).longValue();
  }

  private byte[] download(Map<String, Object> answer) throws Exception {
    assertEquals(true, answer.get("endConvert"), answer::toString);
    HttpResponse<byte[]> r = StandInHttp.get(URI.create((String) answer.get("fileUrl")));
    assertEquals(200, r.statusCode());
    return r.body();
  }

  @Test
  void convertsDocxToAPdfWithTheSourceText() throws Exception {
    URI url = dms.serveDocument("/src/a.docx", "docx", List.of("Quarterly numbers"));
    Map<String, Object> a = convert(request("conv-pdf", url, "docx", "pdf"));
    assertEquals("pdf", a.get("fileType"));
    assertEquals(100L, a.get("percent"));
    String pdf = new String(download(a), StandardCharsets.ISO_8859_1);
    assertTrue(
        pdf.startsWith("%PDF-") && pdf.contains("Quarterly numbers") && pdf.contains("%%EOF"));
  }

  @Test
  void answersXmlFileResultWithoutAcceptJson() throws Exception {
    URI url = dms.serveDocument("/src/x.docx", "docx", List.of("X"));
    String xml =
        StandInHttp.post(
                ds.baseUrl().resolve("/ConvertService.ashx"),
                Json.write(
                    Map.of(
                        "token",
                        TestConfigs.sign(
                            request("conv-xml", url, "docx", "txt"), TestConfigs.SECRET))))
            .body();
    assertTrue(xml.startsWith("<?xml"), xml);
    assertTrue(xml.contains("<EndConvert>True</EndConvert>"), xml);
    assertTrue(xml.contains("<FileType>txt</FileType>"), xml);
    assertTrue(xml.contains("<Percent>100</Percent>"), xml);
  }

  @Test
  void asyncJobIsPolledWithTheSameKey() throws Exception {
    ds.faults().conversionDelay(Duration.ofMillis(400));
    URI url = dms.serveDocument("/src/async.xlsx", "xlsx", List.of("a\t1", "b\t2"));
    Map<String, Object> p = request("conv-async", url, "xlsx", "csv");
    p.put("async", true);
    Map<String, Object> first = convert(p);
    assertEquals(false, first.get("endConvert"));
    Map<String, Object> last = first;
    for (int i = 0; i < 100 && !Boolean.TRUE.equals(last.get("endConvert")); i++) {
      Thread.sleep(50);
      last = convert(p);
    }
    assertEquals("a,1\nb,2\n", new String(download(last), StandardCharsets.UTF_8));
    assertEquals(1, dms.requestsTo("/src/async.xlsx").size());
  }

  @Test
  void refusesMissingWrongAndUnsignedTokensWithMinus8() throws Exception {
    URI conv = ds.baseUrl().resolve("/converter");
    URI url = dms.serveDocument("/src/t.docx", "docx", List.of("T"));
    Map<String, Object> p = request("conv-tok", url, "docx", "pdf");
    assertEquals(-8L, error(StandInHttp.postJson(conv, p, "Accept", "application/json")));
    assertEquals(
        -8L,
        error(
            StandInHttp.postJson(
                conv,
                Map.of("token", TestConfigs.sign(p, TestConfigs.SECRET + "x")),
                "Accept",
                "application/json")));
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String none =
        b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(Json.write(p).getBytes(StandardCharsets.UTF_8))
            + ".";
    assertEquals(
        -8L,
        error(StandInHttp.postJson(conv, Map.of("token", none), "Accept", "application/json")));
    String header = TestConfigs.sign(Map.of("payload", p), TestConfigs.SECRET);
    assertEquals(
        0L,
        error(
            StandInHttp.postJson(
                conv, p, "Accept", "application/json", "Authorization", "Bearer " + header)));
  }

  @Test
  void everyErrorCodeIsReachable() throws Exception {
    URI docx = dms.serveDocument("/src/e.docx", "docx", List.of("E"));
    ds.faults().failNextConversion(-1);
    assertEquals(-1L, error(convert(request("e1", docx, "docx", "pdf"))));
    ds.faults().failNextConversion(-6);
    assertEquals(-6L, error(convert(request("e6", docx, "docx", "pdf"))));
    assertEquals(-3L, error(convert(request("e3", docx, "docx", "xlsx"))));
    assertEquals(
        -4L, error(convert(request("e4", dms.base().resolve("/missing.docx"), "docx", "pdf"))));
    URI locked =
        dms.serve(
            "/src/locked.docx",
            (ConversionServiceMarker.LINE + "s3cret\nplain text").getBytes(StandardCharsets.UTF_8));
    assertEquals(-5L, error(convert(request("e5", locked, "docx", "pdf"))));
    Map<String, Object> withPassword = request("e5ok", locked, "txt", "pdf");
    withPassword.put("password", "s3cret");
    assertEquals(0L, error(convert(withPassword)));
    Map<String, Object> noOutput = request("e7", docx, "docx", "pdf");
    noOutput.remove("outputtype");
    assertEquals(-7L, error(convert(noOutput)));
    assertEquals(-9L, error(convert(request("e9", docx, "xml", "ooxml"))));
    URI big = dms.serve("/src/big.txt", new byte[70 * 1024]);
    assertEquals(-10L, error(convert(request("e10", big, "txt", "pdf"))));
  }

  @Test
  void timesOutWithMinus2AndTheResultArrivesLaterForTheSameKey() throws Exception {
    try (RunningStandIn quick =
        StandIn.builder().conversionTimeout(Duration.ofMillis(200)).start()) {
      quick.faults().conversionDelay(Duration.ofMillis(400));
      URI url = dms.serveDocument("/src/slow.docx", "docx", List.of("S"));
      Map<String, Object> p = request("slow", url, "docx", "pdf");
      Map<String, Object> a =
          StandInHttp.postJson(
              quick.baseUrl().resolve("/converter"), p, "Accept", "application/json");
      assertEquals((long) ConversionError.TIMEOUT.code(), error(a));
      Thread.sleep(500);
      a =
          StandInHttp.postJson(
              quick.baseUrl().resolve("/converter"), p, "Accept", "application/json");
      assertEquals((long) ConversionError.TIMEOUT.code(), error(a));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "docx", "docm", "dotx", "dotm", "odt", "ott", "pdf", "pdfa", "rtf", "html", "md", "epub",
        "fb2", "png", "jpg", "bmp", "gif"
      })
  void everyTextOutputIsAValidFileOfItsType(String target) throws Exception {
    URI url = dms.serve("/src/n.txt", "Line one\nLine two\n".getBytes(StandardCharsets.UTF_8));
    byte[] out = download(convert(request("out-" + target, url, "txt", target)));
    switch (target) {
      case "docx", "docm", "dotx", "dotm" ->
          assertTrue(Ooxml.partText(out, "word/document.xml").contains("Line two"));
      case "odt", "ott" -> assertTrue(Ooxml.partText(out, "content.xml").contains("Line two"));
      case "epub" -> assertTrue(Ooxml.partText(out, "OEBPS/content.xhtml").contains("Line two"));
      case "pdf", "pdfa" ->
          assertTrue(new String(out, StandardCharsets.ISO_8859_1).startsWith("%PDF-"));
      case "png", "jpg", "bmp", "gif" -> assertNotNull(ImageIO.read(new ByteArrayInputStream(out)));
      default -> assertTrue(new String(out, StandardCharsets.UTF_8).contains("Line two"), target);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xlsx:ods",
        "xlsx:xltx",
        "xlsx:pdf",
        "pptx:odp",
        "pptx:ppsx",
        "pptx:pdf",
        "docx:odt",
        "doc:docx",
        "xls:xlsx"
      })
  void convertsBetweenOfficeFormats(String pair) throws Exception {
    String from = pair.split(":")[0];
    String to = pair.split(":")[1];
    URI url =
        from.equals("doc") || from.equals("xls")
            ? dms.serve(
                "/src/legacy." + from, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0})
            : dms.serveDocument("/src/s." + from, from, List.of("Title", "Body"));
    byte[] out = download(convert(request("pair-" + from + "-" + to, url, from, to)));
    if (to.equals("pdf")) {
      assertTrue(new String(out, StandardCharsets.ISO_8859_1).contains("Body"));
    } else {
      assertTrue(Ooxml.entries(out).size() > 1);
    }
  }

  @Test
  void ooxmlAndOdfResolveByDocumentType() throws Exception {
    URI url = dms.serveDocument("/src/p.pptx", "pptx", List.of("P"));
    assertEquals("odp", convert(request("fmt-odf", url, "pptx", "odf")).get("fileType"));
    URI xls = dms.serve("/src/l.xls", new byte[] {1, 2, 3});
    assertEquals("xlsx", convert(request("fmt-ooxml", xls, "xls", "ooxml")).get("fileType"));
  }

  @Test
  void sameKeyReturnsTheCachedResultWithoutDownloadingAgain() throws Exception {
    URI url = dms.serveDocument("/src/c.docx", "docx", List.of("C"));
    convert(request("cached", url, "docx", "pdf"));
    convert(request("cached", url, "docx", "pdf"));
    assertEquals(1, dms.requestsTo("/src/c.docx").size());
  }

  @Test
  void resultLinksExpireAndRejectForgery() throws Exception {
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(
            java.time.Instant.parse("2030-01-01T00:00:00Z"));
    java.time.Clock clock =
        new java.time.Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
          }

          @Override
          public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public java.time.Instant instant() {
            return now.get();
          }
        };
    try (RunningStandIn timed =
        StandIn.builder().clock(clock).linkTtl(Duration.ofSeconds(60)).start()) {
      URI url = dms.serveDocument("/src/exp.docx", "docx", List.of("E"));
      Map<String, Object> a =
          StandInHttp.postJson(
              timed.baseUrl().resolve("/converter"),
              request("exp", url, "docx", "pdf"),
              "Accept",
              "application/json");
      String link = (String) a.get("fileUrl");
      assertEquals(200, StandInHttp.get(URI.create(link)).statusCode());
      assertEquals(403, StandInHttp.get(URI.create(link.replace("md5=", "md5=x"))).statusCode());
      now.set(now.get().plusSeconds(61));
      assertEquals(410, StandInHttp.get(URI.create(link)).statusCode());
    }
  }
}
