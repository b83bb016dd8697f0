package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.wopi.ProofSigner;
import org.officebridge.standin.wopi.WopiConnection;
import org.officebridge.standin.wopi.WopiOpening;
import org.officebridge.standin.wopi.WopiRecord;
import org.officebridge.testing.Http;

/**
 * The WOPI host's behaviour over HTTP, as a WOPI client sees it, with the expectations of
 * Microsoft's WOPI validator (TestCases.xml groups named in each test) and of ONLYOFFICE. Run
 * in-process and on WildFly and Payara by the subclasses. Each test creates its own documents.
 */
abstract class WopiHostContract {

  static final String OVERRIDE = "X-WOPI-Override";
  static final String LOCK = "X-WOPI-Lock";

  final Http http = new Http();

  /**
   * @return the connector's base URL, ending with a slash
   */
  abstract URI base();

  /**
   * @return the Document Server stand-in: the WOPI client serving discovery and signing requests
   */
  abstract RunningStandIn ds();

  /** Which of the stand-in's keys signs a proof header. */
  enum Key {
    /** The key published as current. */
    CURRENT,
    /** The key published as old. */
    OLD,
    /** A key in no discovery. */
    STRAY
  }

  String dsOrigin() {
    URI b = ds().baseUrl();
    return b.getScheme() + "://" + b.getRawAuthority();
  }

  Map<String, String> proofHeaders(String url, Instant at, Key proof, Key proofOld) {
    String token = URLDecoder.decode(find(url, "[?&]access_token=([^&]*)"), StandardCharsets.UTF_8);
    long ticks = ProofSigner.ticks(at);
    byte[] data = ProofSigner.proofData(token, url, ticks);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-WOPI-TimeStamp", Long.toString(ticks));
    h.put("X-WOPI-Proof", ds().proofKeys().sign(data, proof == Key.OLD, proof == Key.STRAY));
    h.put(
        "X-WOPI-ProofOld", ds().proofKeys().sign(data, proofOld == Key.OLD, proofOld == Key.STRAY));
    return h;
  }

  HttpResponse<String> send(String method, String url, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    proofHeaders(url, Instant.now(), Key.CURRENT, Key.OLD).forEach(b::header);
    headers.forEach(b::header);
    if (method.equals("GET")) {
      b.GET();
    } else {
      b.POST(
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
    }
    return http.send(b);
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A host page as a user opened it. */
  record Opened(
      String token, long ttl, String actionUrl, String wopiSrc, HttpResponse<String> page) {
    String fileUrl() {
      return wopiSrc + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    String contentsUrl() {
      return wopiSrc + "/contents?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
  }

  String newDocument(String user, String type) throws Exception {
    URI url = base().resolve("demo/new");
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://" + url.getRawAuthority())
                .header("Cookie", "officebridge-demo-user=" + user)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "type=" + type + "&title=wopi-" + UUID.randomUUID())));
    assertEquals(302, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("doc=") + 4);
  }

  String newEmptyDocument(String user, String type) throws Exception {
    URI url = base().resolve("wopi-host");
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://" + url.getRawAuthority())
                .header("Cookie", "officebridge-demo-user=" + user)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "type=" + type + "&title=empty-" + UUID.randomUUID())));
    assertEquals(302, created.statusCode(), created.body());
    String location = created.headers().firstValue("Location").orElseThrow();
    assertTrue(location.endsWith("&action=editnew"), location);
    return location.substring(location.indexOf("doc=") + 4, location.indexOf('&'));
  }

  HttpResponse<String> page(String user, String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base().resolve("wopi-host?" + query))
            .header("Cookie", "officebridge-demo-user=" + user)
            .GET());
  }

  Opened open(String user, String doc) throws Exception {
    return open(user, doc, "");
  }

  Opened open(String user, String doc, String extra) throws Exception {
    HttpResponse<String> page = page(user, "doc=" + doc + extra);
    assertEquals(200, page.statusCode(), page.body());
    String html = page.body();
    String token = unescape(find(html, "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    long ttl =
        Long.parseLong(find(html, "name=\"access_token_ttl\" type=\"hidden\" value=\"(\\d+)\""));
    String action = unescape(find(html, "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    String wopiSrc = URLDecoder.decode(find(action, "[?&]wopisrc=([^&]*)"), StandardCharsets.UTF_8);
    return new Opened(token, ttl, action, wopiSrc, page);
  }

  static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no " + regex + " in " + text);
    return m.group(1);
  }

  static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  static Map<String, String> headers(String... pairs) {
    Map<String, String> h = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      h.put(pairs[i], pairs[i + 1]);
    }
    return h;
  }

  HttpResponse<String> get(String url, String... headerPairs) throws Exception {
    return send("GET", url, headers(headerPairs), null);
  }

  HttpResponse<String> post(String url, String... headerPairs) throws Exception {
    return send("POST", url, headers(headerPairs), null);
  }

  HttpResponse<String> post(String url, byte[] body, String... headerPairs) throws Exception {
    return send("POST", url, headers(headerPairs), body);
  }

  static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static Optional<String> header(HttpResponse<String> response, String name) {
    return response.headers().firstValue(name);
  }

  static void assertConflict(HttpResponse<String> response, String expectedLock) {
    assertEquals(409, response.statusCode(), response.body());
    assertEquals(Optional.of(expectedLock), header(response, LOCK), "X-WOPI-Lock on a 409");
    assertTrue(header(response, "X-WOPI-LockFailureReason").isPresent());
  }

  static void assertOkWithoutLock(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(header(response, LOCK).isEmpty(), "X-WOPI-Lock on a 200");
  }

  static String utf7(String text) {
    return Utf7Encoding.encode(text);
  }

  JsonObject checkFileInfo(Opened o) throws Exception {
    HttpResponse<String> r = get(o.fileUrl());
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  // ---- with the stand-in as the WOPI client ------------------------------------------------

  WopiOpening openInStandIn(Opened o) throws Exception {
    return ds().openWopi(URI.create(o.actionUrl()), o.token(), o.ttl());
  }

  void awaitUnlocked(Opened o) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    while (!header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK).orElse("x").isEmpty()) {
      assertTrue(System.currentTimeMillis() < deadline, "the stand-in did not unlock");
      Thread.sleep(100);
    }
  }

  void assertEveryStandInRequestSucceeded(Opened o) {
    for (WopiRecord r : ds().wopiRequests()) {
      if (r.url().startsWith(o.wopiSrc() + "?") || r.url().startsWith(o.wopiSrc() + "/")) {
        assertTrue(r.status() >= 200 && r.status() < 300, r.describe().toString());
      }
    }
  }

  @Test
  void anOnlyofficeSessionLocksEditsRenamesSavesAndUnlocks() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened o = open("editor", doc);
    String before = checkFileInfo(o).getString("Version");
    WopiOpening opening = openInStandIn(o);
    assertTrue(opening.opened(), opening.describe().toString());
    assertTrue(opening.warning().isEmpty(), opening.describe().toString());
    WopiConnection c = opening.connection().orElseThrow();
    assertTrue(c.edit());
    String lock = header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK).orElseThrow();
    assertTrue(o.wopiSrc().endsWith("/" + lock), "ONLYOFFICE locks with the file id: " + lock);
    ds().wopi().edit(c.id(), "Edited through WOPI");
    String name = "renamed-in-editor-" + UUID.randomUUID();
    Map<String, Object> renamed = ds().wopi().rename(c.id(), name);
    assertEquals(200, renamed.get("status"), renamed.toString());
    assertEquals(name, renamed.get("name"));
    ds().wopi().close(c.id());
    awaitUnlocked(o);
    JsonObject after = checkFileInfo(o);
    assertNotEquals(before, after.getString("Version"));
    assertEquals(name + ".docx", after.getString("BaseFileName"));
    assertTrue(get(o.contentsUrl()).statusCode() == 200);
    assertEveryStandInRequestSucceeded(o);
    HttpResponse<String> versions =
        http.send(
            HttpRequest.newBuilder(base().resolve("demo/versions?doc=" + doc))
                .header("Cookie", "officebridge-demo-user=owner")
                .GET());
    assertTrue(versions.body().contains("EDIT_FINAL"), versions.body());
    assertTrue(versions.body().contains("Eddie Editor"), versions.body());
  }

  @Test
  void aFileLockedByAnotherClientOpensInViewWithAWarning() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "another-client"));
    WopiOpening opening = openInStandIn(o);
    assertTrue(opening.opened(), opening.describe().toString());
    assertFalse(opening.connection().orElseThrow().edit());
    assertTrue(opening.warning().isPresent(), opening.describe().toString());
    ds().wopi().close(opening.connection().orElseThrow().id());
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "another-client"));
  }

  @Test
  void aViewerOpensReadOnlyAndTakesNoLock() throws Exception {
    Opened o = open("viewer", newDocument("owner", "docx"));
    WopiOpening opening = openInStandIn(o);
    assertTrue(opening.opened(), opening.describe().toString());
    assertFalse(opening.connection().orElseThrow().edit());
    assertEquals(Optional.of(""), header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK));
    ds().wopi().close(opening.connection().orElseThrow().id());
  }

  @Test
  void theConvertFlowEndsAtTheEditorOfTheConvertedFile() throws Exception {
    Opened o = open("owner", legacyDocument(), "&action=edit");
    WopiOpening opening = openInStandIn(o);
    String hostEdit = opening.hostEditUrl().orElseThrow(() -> new AssertionError(opening));
    assertTrue(hostEdit.contains("/wopi-host?doc=") && hostEdit.endsWith("&action=edit"), hostEdit);
    Opened converted = open("owner", find(hostEdit, "doc=([^&]+)"), "&action=edit");
    assertTrue(converted.actionUrl().contains("/word/edit?"), converted.actionUrl());
    JsonObject info = checkFileInfo(converted);
    assertTrue(info.getString("BaseFileName").startsWith("Legacy memo"), info.toString());
    assertTrue(info.getString("BaseFileName").endsWith(".docx"), info.toString());
    assertEveryStandInRequestSucceeded(o);
  }

  @Test
  void saveCopyAsCreatesADocumentBesideTheOriginal() throws Exception {
    Opened o = open("editor", newDocument("owner", "docx"));
    WopiConnection c = openInStandIn(o).connection().orElseThrow();
    Map<String, Object> copy = ds().wopi().saveAs(c.id(), ".pdf");
    assertEquals(200, copy.get("status"), copy.toString());
    Object copyName = ((Map<?, ?>) copy.get("answer")).get("Name");
    assertTrue(String.valueOf(copyName).endsWith(".pdf"), copy.toString());
    ds().wopi().close(c.id());
    awaitUnlocked(o);
  }

  @Test
  void anEmptyFileGetsItsBlankDocumentFromTheEditor() throws Exception {
    Opened o = open("owner", newEmptyDocument("owner", "docx"), "&action=editnew");
    WopiOpening opening = openInStandIn(o);
    assertTrue(opening.opened(), opening.describe().toString());
    assertTrue(checkFileInfo(o).getJsonNumber("Size").longValue() > 0);
    ds().wopi().close(opening.connection().orElseThrow().id());
    awaitUnlocked(o);
    assertEveryStandInRequestSucceeded(o);
  }

  String uploadDocument(String name, byte[] content) throws Exception {
    URI url = base().resolve("demo/upload");
    String boundary = "----officebridge" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(content);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> uploaded =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Origin", "http://" + url.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertEquals(302, uploaded.statusCode(), uploaded.body());
    HttpResponse<String> index =
        http.send(
            HttpRequest.newBuilder(base()).header("Cookie", "officebridge-demo-user=owner").GET());
    return find(index.body(), "<tr data-doc-id=\"([^\"]+)\" data-title=\"" + Pattern.quote(name));
  }

  @Test
  void aPickedImageIsServedOnceThroughAOneTimeLink() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    String image = uploadDocument("picture-" + UUID.randomUUID() + ".png", png);
    String doc = newDocument("owner", "docx");
    HttpResponse<String> picker =
        http.send(
            HttpRequest.newBuilder(base().resolve("wopi-host/images?doc=" + doc))
                .header("Cookie", "officebridge-demo-user=owner")
                .GET());
    assertTrue(picker.body().contains("data-image=\"" + image + "\""), picker.body());
    URI pick = base().resolve("wopi-host/images");
    HttpRequest.Builder crossSite =
        HttpRequest.newBuilder(pick)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Origin", "http://evil.example")
            .POST(HttpRequest.BodyPublishers.ofString("doc=" + doc + "&image=" + image));
    assertEquals(403, http.send(crossSite).statusCode());
    HttpResponse<String> picked =
        http.send(
            HttpRequest.newBuilder(pick)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://" + pick.getRawAuthority())
                .header("Cookie", "officebridge-demo-user=owner")
                .POST(HttpRequest.BodyPublishers.ofString("doc=" + doc + "&image=" + image)));
    assertEquals(200, picked.statusCode(), picked.body());
    String url = json(picked).getString("url");
    assertTrue(url.contains("/wopi-image/"), url);
    HttpResponse<String> forged = http.get(URI.create(url.substring(0, url.length() - 3) + "xyz"));
    assertEquals(403, forged.statusCode());

    Opened o = open("owner", doc);
    WopiConnection c = openInStandIn(o).connection().orElseThrow();
    String line = ds().wopi().insertGraphic(c.id(), url);
    assertTrue(line.contains("Inserted image (" + png.length + " bytes)"), line);
    assertEquals(410, http.get(URI.create(url)).statusCode(), "the link works once");
    ds().wopi().close(c.id());
    awaitUnlocked(o);
  }

  // ---- host page -----------------------------------------------------------------------------

  @Test
  void hostPagePostsTheTokenAndItsAbsoluteExpiryIntoTheEditorFrame() throws Exception {
    String doc = newDocument("owner", "docx");
    long before = Instant.now().plus(Duration.ofHours(10)).toEpochMilli();
    Opened o = open("owner", doc);
    long after = Instant.now().plus(Duration.ofHours(10)).toEpochMilli();
    assertTrue(o.ttl() >= before - 1000 && o.ttl() <= after + 1000, "ttl " + o.ttl());
    assertTrue(o.actionUrl().startsWith(dsOrigin() + "/hosting/wopi/word/edit?"), o.actionUrl());
    assertTrue(
        URI.create(o.wopiSrc()).getPath().startsWith(base().getPath() + "wopi/files/"),
        o.wopiSrc());
    assertTrue(URI.create(o.wopiSrc()).getRawQuery() == null, "no query in WOPISrc");
    assertTrue(o.wopiSrc().endsWith("-" + doc), o.wopiSrc());
    assertFalse(o.actionUrl().contains("<") || o.actionUrl().contains("&&"), o.actionUrl());
    assertTrue(o.actionUrl().contains("ui=en"), o.actionUrl());
    String csp = header(o.page(), "Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("frame-src 'self' " + dsOrigin()), csp);
    assertTrue(csp.contains("form-action " + dsOrigin()), csp);
    assertEquals(Optional.of("no-store"), header(o.page(), "Cache-Control"));
    assertEquals(Optional.of("same-origin"), header(o.page(), "Referrer-Policy"));
    assertFalse(o.actionUrl().contains("access_token"), "the token goes in the form's body");
    assertFalse(o.page().uri().toString().contains(o.token()), "nor in the page's own URL");
    assertTrue(o.page().body().contains("data-ds-origin=\"" + dsOrigin() + "\""));
  }

  @Test
  void viewersAreOpenedInViewEvenWhenTheyAskToEdit() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened o = open("viewer", doc, "&action=edit");
    assertTrue(o.actionUrl().contains("/hosting/wopi/word/view?"), o.actionUrl());
    assertTrue(o.actionUrl().contains("dchat=1"), o.actionUrl());
  }

  @Test
  void hostPageOffersEmbedMobileAndTheme() throws Exception {
    String doc = newDocument("owner", "docx");
    assertTrue(
        open("owner", doc, "&action=embedview").actionUrl().contains("embed=true"), "embedview");
    assertTrue(open("owner", doc, "&mobile=1").actionUrl().contains("edit?mobile=1"), "mobile");
    assertTrue(open("owner", doc, "&theme=dark").actionUrl().contains("thm=2"), "theme");
  }

  @Test
  void editingABinaryFormatRunsTheConvertAction() throws Exception {
    String doc = legacyDocument();
    assertTrue(open("owner", doc).actionUrl().contains("/word/view?"), "opens in view");
    Opened edit = open("owner", doc, "&action=edit");
    assertTrue(
        edit.actionUrl().contains("/hosting/wopi/convert-and-edit/doc/docx?"), edit.actionUrl());
  }

  @Test
  void hostPageRefusesUnknownDocumentsAndBadLinks() throws Exception {
    assertEquals(404, page("owner", "doc=no-such-document").statusCode());
    assertEquals(400, page("owner", "doc=../etc").statusCode());
    assertEquals(400, page("owner", "").statusCode());
  }

  @Test
  void creatingAnEmptyDocumentNeedsASameOriginRequest() throws Exception {
    URI url = base().resolve("wopi-host");
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("type=docx&title=x")));
    assertEquals(403, refused.statusCode());
    String doc = newEmptyDocument("owner", "docx");
    Opened o = open("owner", doc, "&action=editnew");
    assertTrue(o.page().body().contains("data-action=\"editnew\""), o.page().body());
    assertEquals(0, checkFileInfo(o).getJsonNumber("Size").longValue());
  }

  String legacyDocument() throws Exception {
    HttpResponse<String> index =
        http.send(
            HttpRequest.newBuilder(base()).header("Cookie", "officebridge-demo-user=owner").GET());
    return find(index.body(), "<tr data-doc-id=\"([^\"]+)\" data-title=\"Legacy memo.doc\"");
  }

  // ---- CheckFileInfo (CheckFileInfoSchema, BaseWopiViewing) -----------------------------------

  @Test
  void checkFileInfoHasEveryPropertyOnlyofficeReadsAndNoFileUrl() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened o = open("owner", doc);
    JsonObject info = checkFileInfo(o);
    assertTrue(info.getString("BaseFileName").endsWith(".docx"));
    assertFalse(info.getString("BaseFileName").startsWith("."));
    assertEquals(".docx", info.getString("FileExtension"));
    assertTrue(info.getJsonNumber("Size").longValue() > 0);
    assertFalse(info.getString("Version").isEmpty());
    assertEquals("owner", info.getString("OwnerId"));
    assertEquals("owner", info.getString("UserId"));
    assertEquals("Olivia Owner", info.getString("UserFriendlyName"));
    assertTrue(info.getString("LastModifiedTime").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    for (String yes :
        new String[] {
          "UserCanWrite",
          "UserCanReview",
          "UserCanRename",
          "SupportsLocks",
          "SupportsGetLock",
          "SupportsExtendedLockLength",
          "SupportsUpdate",
          "SupportsRename",
          "SupportsDeleteFile",
          "SupportsUserInfo",
          "ClosePostMessage",
          "EditModePostMessage",
          "FileVersionPostMessage"
        }) {
      assertTrue(info.getBoolean(yes), yes);
    }
    for (String no :
        new String[] {
          "ReadOnly",
          "UserCanOnlyComment",
          "UserCanNotWriteRelative",
          "HidePrintOption",
          "IsAnonymousUser"
        }) {
      assertFalse(info.getBoolean(no), no);
    }
    assertFalse(info.containsKey("FileUrl"));
    assertFalse(info.containsKey("CopyPasteRestrictions"));
    String origin = "http://" + base().getRawAuthority();
    assertEquals(origin, info.getString("PostMessageOrigin"));
    for (String url :
        new String[] {"BreadcrumbFolderUrl", "CloseUrl", "HostEditUrl", "HostViewUrl"}) {
      assertTrue(info.getString(url).startsWith(origin + "/"), url + " " + info.getString(url));
    }
    assertTrue(info.getString("HostEditUrl").contains("wopi-host?doc=" + doc + "&action=edit"));
  }

  @Test
  void checkFileInfoReflectsAViewersRights() throws Exception {
    String doc = newDocument("owner", "docx");
    JsonObject info = checkFileInfo(open("viewer", doc));
    assertEquals("viewer", info.getString("UserId"));
    assertTrue(info.getBoolean("ReadOnly"));
    assertFalse(info.getBoolean("UserCanWrite"));
    assertFalse(info.getBoolean("UserCanRename"));
    assertTrue(info.getBoolean("UserCanNotWriteRelative"));
    assertTrue(info.getBoolean("HidePrintOption"));
    assertTrue(info.getBoolean("DisablePrint"));
    assertEquals("BlockAll", info.getString("CopyPasteRestrictions"));
  }

  @Test
  void aCommenterCanOnlyComment() throws Exception {
    String doc = newDocument("owner", "docx");
    JsonObject info = checkFileInfo(open("commenter", doc));
    assertTrue(info.getBoolean("UserCanOnlyComment"));
    assertFalse(info.getBoolean("UserCanWrite"));
    assertFalse(info.getBoolean("ReadOnly"));
  }

  @Test
  void anInvalidOrMissingAccessTokenIs401() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String tampered =
        o.wopiSrc() + "?access_token=" + o.token().substring(0, o.token().length() - 2) + "xx";
    assertEquals(401, get(tampered).statusCode());
    assertEquals(401, get(o.wopiSrc() + "?access_token=garbage").statusCode());
    HttpResponse<String> none = http.send(HttpRequest.newBuilder(URI.create(o.wopiSrc())).GET());
    assertEquals(401, none.statusCode());
  }

  @Test
  void aTokenForOneFileIsRefusedOnEveryOtherFile() throws Exception {
    Opened a = open("owner", newDocument("owner", "docx"));
    Opened b = open("owner", newDocument("owner", "docx"));
    String crossed =
        b.wopiSrc() + "?access_token=" + URLEncoder.encode(a.token(), StandardCharsets.UTF_8);
    assertEquals(401, get(crossed).statusCode());
    assertEquals(401, get(crossed.replace("?", "/contents?")).statusCode());
    assertEquals(401, post(crossed, OVERRIDE, "LOCK", LOCK, "L").statusCode());
  }

  @Test
  void anUnknownFileIs404() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String other = o.fileUrl().replace("/wopi/files/", "/wopi/files/other-instance-");
    assertEquals(404, get(other).statusCode());
  }

  // ---- GetFile (BaseWopiViewing, FileVersion) ------------------------------------------------

  @Test
  void getFileStreamsTheContentWithItsVersion() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    JsonObject info = checkFileInfo(o);
    HttpResponse<String> file = get(o.contentsUrl());
    assertOkWithoutLock(file);
    assertEquals(info.getString("Version"), header(file, "X-WOPI-ItemVersion").orElseThrow());
    assertEquals(
        Optional.of(Long.toString(info.getJsonNumber("Size").longValue())),
        header(file, "Content-Length"));
  }

  @Test
  void getFileLargerThanMaxExpectedSizeIs412() throws Exception {
    Opened o = open("viewer", newDocument("owner", "docx"));
    assertEquals(412, get(o.contentsUrl(), "X-WOPI-MaxExpectedSize", "10").statusCode());
    // bad input gets a clear 4xx (the hostile corpus sends more malformed sizes)
    assertEquals(400, get(o.contentsUrl(), "X-WOPI-MaxExpectedSize", "not-a-number").statusCode());
  }

  // ---- Locks, GetLock, ExtendedLockLength ------------------------------------------------------

  @Test
  void successfulLockSequenceNeverSendsTheLockOn200() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String version = checkFileInfo(o).getString("Version");
    HttpResponse<String> lock = post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "LockString");
    assertOkWithoutLock(lock);
    assertEquals(Optional.of(version), header(lock, "X-WOPI-ItemVersion"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "LockString"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "REFRESH_LOCK", LOCK, "LockString"));
    assertOkWithoutLock(
        post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "NewLockString", "X-WOPI-OldLock", "LockString"));
    assertConflict(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "LockString"), "NewLockString");
    HttpResponse<String> getLock = post(o.fileUrl(), OVERRIDE, "GET_LOCK");
    assertEquals(200, getLock.statusCode());
    assertEquals(Optional.of("NewLockString"), header(getLock, LOCK));
    HttpResponse<String> unlock = post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "NewLockString");
    assertOkWithoutLock(unlock);
    assertEquals(Optional.of(version), header(unlock, "X-WOPI-ItemVersion"));
    assertEquals(Optional.of(""), header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK));
  }

  @Test
  void lockMismatchesAnswer409WithTheCurrentLock() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "LockString"));
    assertConflict(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "Incorrect"), "LockString");
    assertConflict(post(o.fileUrl(), OVERRIDE, "REFRESH_LOCK", LOCK, "Incorrect"), "LockString");
    assertConflict(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "Incorrect"), "LockString");
    assertConflict(
        post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "New", "X-WOPI-OldLock", "Incorrect"),
        "LockString");
    assertConflict(
        post(
            o.contentsUrl(),
            "x".getBytes(StandardCharsets.UTF_8),
            OVERRIDE,
            "PUT",
            LOCK,
            "Incorrect"),
        "LockString");
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "LockString"));
  }

  @Test
  void unlockingAnUnlockedFileIs409WithAnEmptyLock() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertConflict(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "LockString"), "");
    assertConflict(post(o.fileUrl(), OVERRIDE, "REFRESH_LOCK", LOCK, "LockString"), "");
  }

  @Test
  void lockIdsOf1024AsciiCharactersAndJsonAreKept() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String longLock = "1234567890".repeat(102) + "1234";
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, longLock));
    assertEquals(Optional.of(longLock), header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, longLock));
    String json = "{\"S\":\"0136ad16-9725\",\"E\":2,\"M\":\"DE997C5AC4E6\"}";
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, json));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, json));
  }

  @Test
  void aMissingOrTooLongLockIs400() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertEquals(400, post(o.fileUrl(), OVERRIDE, "LOCK").statusCode());
    assertEquals(400, post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "x".repeat(1025)).statusCode());
    assertEquals("", header(post(o.fileUrl(), OVERRIDE, "GET_LOCK"), LOCK).orElseThrow());
  }

  @Test
  void unknownOperationsAre501AndAMissingOverrideIs400() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertEquals(501, post(o.fileUrl(), OVERRIDE, "GET_SHARE_URL").statusCode());
    assertEquals(501, post(o.fileUrl(), OVERRIDE, "PUT_CHUNKED").statusCode());
    assertEquals(400, post(o.fileUrl()).statusCode());
    assertEquals(501, post(o.contentsUrl(), new byte[0], OVERRIDE, "COBALT").statusCode());
  }

  // ---- EditFlows, FileVersion -------------------------------------------------------------

  @Test
  void basicEditStoresANewVersionThatGetFileReturns() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened o = open("editor", doc);
    JsonObject before = checkFileInfo(o);
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "LockString"));
    byte[] first = "first new content".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put1 =
        post(
            o.contentsUrl(),
            first,
            OVERRIDE,
            "PUT",
            LOCK,
            "LockString",
            "X-LOOL-WOPI-IsAutosave",
            "true",
            "X-LOOL-WOPI-IsExitSave",
            "false");
    assertOkWithoutLock(put1);
    String v1 = header(put1, "X-WOPI-ItemVersion").orElseThrow();
    assertNotEquals(before.getString("Version"), v1);
    byte[] second = "second new content".getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> put2 =
        post(
            o.contentsUrl(),
            second,
            OVERRIDE,
            "PUT",
            LOCK,
            "LockString",
            "X-WOPI-Editors",
            "editor,owner",
            "X-LOOL-WOPI-IsExitSave",
            "true");
    assertOkWithoutLock(put2);
    String v2 = header(put2, "X-WOPI-ItemVersion").orElseThrow();
    assertNotEquals(v1, v2);
    HttpResponse<String> unlock = post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "LockString");
    assertEquals(Optional.of(v2), header(unlock, "X-WOPI-ItemVersion"));
    assertEquals(v2, checkFileInfo(o).getString("Version"));
    HttpResponse<String> file = get(o.contentsUrl());
    assertEquals("second new content", file.body());
    HttpResponse<String> versions =
        http.send(
            HttpRequest.newBuilder(base().resolve("demo/versions?doc=" + doc))
                .header("Cookie", "officebridge-demo-user=owner")
                .GET());
    assertTrue(versions.body().contains("EDIT_INTERMEDIATE"), versions.body());
    assertTrue(versions.body().contains("EDIT_FINAL"), versions.body());
  }

  @Test
  void putFileOnAnUnlockedEmptyFileFillsIt() throws Exception {
    String doc = newEmptyDocument("owner", "docx");
    Opened o = open("owner", doc);
    HttpResponse<String> put =
        post(o.contentsUrl(), "blank template".getBytes(StandardCharsets.UTF_8), OVERRIDE, "PUT");
    assertOkWithoutLock(put);
    assertEquals("blank template", get(o.contentsUrl()).body());
  }

  @Test
  void putFileOnAnUnlockedNonEmptyFileIs409WithAnEmptyLock() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String version = checkFileInfo(o).getString("Version");
    assertConflict(
        post(o.contentsUrl(), "x".getBytes(StandardCharsets.UTF_8), OVERRIDE, "PUT"), "");
    assertEquals(version, checkFileInfo(o).getString("Version"));
  }

  @Test
  void aViewerCannotWrite() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened owner = open("owner", doc);
    assertOkWithoutLock(post(owner.fileUrl(), OVERRIDE, "LOCK", LOCK, "L"));
    Opened viewer = open("viewer", doc);
    HttpResponse<String> put =
        post(
            viewer.contentsUrl(), "x".getBytes(StandardCharsets.UTF_8), OVERRIDE, "PUT", LOCK, "L");
    assertEquals(401, put.statusCode());
    assertEquals(
        401,
        post(
                viewer.fileUrl(),
                OVERRIDE,
                "RENAME_FILE",
                LOCK,
                "L",
                "X-WOPI-RequestedName",
                "renamed")
            .statusCode());
    assertEquals(401, post(viewer.fileUrl(), OVERRIDE, "DELETE").statusCode());
    assertEquals(
        501,
        post(
                viewer.fileUrl(),
                "x".getBytes(StandardCharsets.UTF_8),
                OVERRIDE,
                "PUT_RELATIVE",
                "X-WOPI-SuggestedTarget",
                ".docx")
            .statusCode());
    assertOkWithoutLock(post(owner.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "L"));
  }

  // ---- PutRelativeFile ----------------------------------------------------------------------

  @Test
  void putRelativeWithASuggestedExtensionKeepsTheBaseName() throws Exception {
    Opened o = open("editor", newDocument("owner", "docx"));
    String base = checkFileInfo(o).getString("BaseFileName").replace(".docx", "");
    HttpResponse<String> r =
        post(
            o.fileUrl(),
            "copy".getBytes(StandardCharsets.UTF_8),
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-SuggestedTarget",
            ".odt",
            "X-WOPI-Size",
            "4");
    assertOkWithoutLock(r);
    JsonObject created = json(r);
    assertEquals(base + ".odt", created.getString("Name"));
    String url = created.getString("Url");
    assertTrue(url.contains("/wopi/files/") && url.contains("access_token="), url);
    JsonObject info = json(get(url));
    assertEquals(base + ".odt", info.getString("BaseFileName"));
    assertEquals("editor", info.getString("OwnerId"));
    assertTrue(created.getString("HostEditUrl").contains("wopi-host?doc="));
    assertTrue(created.getString("HostViewUrl").contains("action=view"));
  }

  @Test
  void putRelativeWithATakenSuggestedNameGetsAFreeName() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String name = "suggested-" + UUID.randomUUID() + ".docx";
    HttpResponse<String> first =
        post(o.fileUrl(), new byte[] {1}, OVERRIDE, "PUT_RELATIVE", "X-WOPI-SuggestedTarget", name);
    assertEquals(name, json(first).getString("Name"));
    HttpResponse<String> second =
        post(o.fileUrl(), new byte[] {2}, OVERRIDE, "PUT_RELATIVE", "X-WOPI-SuggestedTarget", name);
    assertOkWithoutLock(second);
    String other = json(second).getString("Name");
    assertNotEquals(name, other);
    assertTrue(other.endsWith(".docx"), other);
  }

  @Test
  void putRelativeWithARelativeNameUsesItExactlyAndObeysOverwrite() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String name = "relative-" + UUID.randomUUID() + ".docx";
    HttpResponse<String> created =
        post(
            o.fileUrl(),
            new byte[] {1},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            name,
            "X-WOPI-OverwriteRelativeTarget",
            "false");
    assertEquals(name, json(created).getString("Name"));
    String url = json(created).getString("Url");

    HttpResponse<String> taken =
        post(o.fileUrl(), new byte[] {2}, OVERRIDE, "PUT_RELATIVE", "X-WOPI-RelativeTarget", name);
    assertConflict(taken, "");
    String valid = header(taken, "X-WOPI-ValidRelativeTarget").orElseThrow();
    assertNotEquals(name, valid);
    assertConflict(
        post(
            o.fileUrl(),
            new byte[] {2},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            name,
            "X-WOPI-OverwriteRelativeTarget",
            "false"),
        "");

    assertOkWithoutLock(post(url, OVERRIDE, "LOCK", LOCK, "TargetLock"));
    assertConflict(
        post(
            o.fileUrl(),
            new byte[] {3},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            name,
            "X-WOPI-OverwriteRelativeTarget",
            "true"),
        "TargetLock");
    assertOkWithoutLock(post(url, OVERRIDE, "UNLOCK", LOCK, "TargetLock"));

    HttpResponse<String> overwritten =
        post(
            o.fileUrl(),
            "overwritten".getBytes(StandardCharsets.UTF_8),
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            name,
            "X-WOPI-OverwriteRelativeTarget",
            "true");
    assertOkWithoutLock(overwritten);
    assertEquals(name, json(overwritten).getString("Name"));
    assertEquals("overwritten", get(url.replace("?", "/contents?")).body());
  }

  @Test
  void putRelativeRefusesConflictingMissingAndInvalidNames() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertEquals(
        400,
        post(
                o.fileUrl(),
                new byte[] {1},
                OVERRIDE,
                "PUT_RELATIVE",
                "X-WOPI-SuggestedTarget",
                ".docx",
                "X-WOPI-RelativeTarget",
                "a.docx")
            .statusCode());
    assertEquals(400, post(o.fileUrl(), new byte[] {1}, OVERRIDE, "PUT_RELATIVE").statusCode());
    HttpResponse<String> invalid =
        post(
            o.fileUrl(),
            new byte[] {1},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            "a:b*c.docx");
    assertEquals(400, invalid.statusCode());
    assertEquals(Optional.of("a_b_c.docx"), header(invalid, "X-WOPI-ValidRelativeTarget"));
    assertEquals(
        400,
        post(
                o.fileUrl(),
                new byte[] {1},
                OVERRIDE,
                "PUT_RELATIVE",
                "X-WOPI-RelativeTarget",
                "x".repeat(520) + ".docx")
            .statusCode());
  }

  @Test
  void putRelativeDecodesAndAnswersUtf7Names() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String name = "Bericht für Müller " + UUID.randomUUID() + ".docx";
    HttpResponse<String> r =
        post(
            o.fileUrl(),
            new byte[] {1},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-SuggestedTarget",
            utf7(name));
    assertOkWithoutLock(r);
    assertEquals(name, json(r).getString("Name"));
    HttpResponse<String> taken =
        post(
            o.fileUrl(),
            new byte[] {1},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-RelativeTarget",
            utf7(name));
    assertConflict(taken, "");
    String valid = Utf7Encoding.decode(header(taken, "X-WOPI-ValidRelativeTarget").orElseThrow());
    assertTrue(valid.startsWith("Bericht für Müller "), valid);
    assertEquals(
        400,
        post(
                o.fileUrl(),
                new byte[] {1},
                OVERRIDE,
                "PUT_RELATIVE",
                "X-WOPI-SuggestedTarget",
                "+AKN-.docx")
            .statusCode());
  }

  @Test
  void putRelativeIsNotBlockedByTheSourcesLock() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "EditorLock"));
    HttpResponse<String> r =
        post(
            o.fileUrl(),
            new byte[] {1},
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-SuggestedTarget",
            ".pdf");
    assertOkWithoutLock(r);
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "EditorLock"));
  }

  @Test
  void theConvertFlowCreatesTheConvertedFileAndPointsTheBrowserAtItsEditor() throws Exception {
    Opened o = open("owner", legacyDocument(), "&action=edit");
    HttpResponse<String> r =
        post(
            o.fileUrl(),
            "converted".getBytes(StandardCharsets.UTF_8),
            OVERRIDE,
            "PUT_RELATIVE",
            "X-WOPI-SuggestedTarget",
            ".docx",
            "X-WOPI-FileConversion",
            "true");
    assertOkWithoutLock(r);
    JsonObject created = json(r);
    assertTrue(created.getString("Name").startsWith("Legacy memo"), created.toString());
    assertTrue(created.getString("Name").endsWith(".docx"), created.toString());
    String newId = find(created.getString("HostEditUrl"), "doc=([^&]+)&action=edit");
    Opened edit = open("owner", newId, "&action=edit");
    assertTrue(edit.actionUrl().contains("/word/edit?"), edit.actionUrl());
    Opened viewer = open("viewer", legacyDocument());
    assertEquals(
        501,
        post(
                viewer.fileUrl(),
                new byte[] {1},
                OVERRIDE,
                "PUT_RELATIVE",
                "X-WOPI-SuggestedTarget",
                ".docx",
                "X-WOPI-FileConversion",
                "true")
            .statusCode());
  }

  // ---- RenameFile -------------------------------------------------------------------------

  @Test
  void renameKeepsTheExtensionAndAnswersTheNewName() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String name = "renamed-" + UUID.randomUUID();
    HttpResponse<String> r =
        post(o.fileUrl(), OVERRIDE, "RENAME_FILE", "X-WOPI-RequestedName", name);
    assertOkWithoutLock(r);
    assertEquals(name, json(r).getString("Name"));
    assertEquals(name + ".docx", checkFileInfo(o).getString("BaseFileName"));
  }

  @Test
  void renameDecodesUtf7AndMakesInvalidNamesValid() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    String name = "Übersicht 日本 " + UUID.randomUUID();
    HttpResponse<String> r =
        post(o.fileUrl(), OVERRIDE, "RENAME_FILE", "X-WOPI-RequestedName", utf7(name));
    assertEquals(name, json(r).getString("Name"));
    String slashed = "a/b:" + UUID.randomUUID();
    HttpResponse<String> fixed =
        post(o.fileUrl(), OVERRIDE, "RENAME_FILE", "X-WOPI-RequestedName", slashed);
    assertEquals(slashed.replace('/', '_').replace(':', '_'), json(fixed).getString("Name"));
    for (String bad : new String[] {"", "   ", "///"}) {
      HttpResponse<String> refused =
          post(o.fileUrl(), OVERRIDE, "RENAME_FILE", "X-WOPI-RequestedName", bad);
      assertEquals(400, refused.statusCode(), bad);
      assertTrue(header(refused, "X-WOPI-InvalidFileNameError").isPresent());
    }
  }

  @Test
  void renamingALockedFileNeedsItsLock() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "LockString"));
    assertConflict(
        post(o.fileUrl(), OVERRIDE, "RENAME_FILE", LOCK, "Wrong", "X-WOPI-RequestedName", "x"),
        "LockString");
    String name = "locked-rename-" + UUID.randomUUID();
    assertEquals(
        200,
        post(o.fileUrl(), OVERRIDE, "RENAME_FILE", LOCK, "LockString", "X-WOPI-RequestedName", name)
            .statusCode());
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "LockString"));
  }

  // ---- DeleteFile, PutUserInfo --------------------------------------------------------------

  @Test
  void deleteRemovesTheFileUnlessLockedAndAfterwardsItIs404() throws Exception {
    String doc = newDocument("owner", "docx");
    Opened o = open("owner", doc);
    Opened editor = open("editor", doc);
    assertEquals(401, post(editor.fileUrl(), OVERRIDE, "DELETE").statusCode());
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "LOCK", LOCK, "L"));
    assertConflict(post(o.fileUrl(), OVERRIDE, "DELETE"), "L");
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "UNLOCK", LOCK, "L"));
    assertOkWithoutLock(post(o.fileUrl(), OVERRIDE, "DELETE"));
    assertEquals(404, get(o.fileUrl()).statusCode());
    assertEquals(
        404, post(o.fileUrl(), OVERRIDE, "RENAME_FILE", "X-WOPI-RequestedName", "x").statusCode());
  }

  @Test
  void putUserInfoIsGivenBackByCheckFileInfo() throws Exception {
    Opened o = open("reviewer", newDocument("owner", "docx"));
    String info = "{\"tips\":\"seen\",\"n\":" + System.nanoTime() + "}";
    assertOkWithoutLock(
        post(o.fileUrl(), info.getBytes(StandardCharsets.UTF_8), OVERRIDE, "PUT_USER_INFO"));
    assertEquals(info, checkFileInfo(o).getString("UserInfo"));
    assertEquals(
        400,
        post(
                o.fileUrl(),
                "x".repeat(1025).getBytes(StandardCharsets.UTF_8),
                OVERRIDE,
                "PUT_USER_INFO")
            .statusCode());
  }

  // ---- Proof keys ---------------------------------------------------------------------------

  HttpResponse<String> signedBy(String url, Instant at, Key proof, Key proofOld) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    proofHeaders(url, at, proof, proofOld).forEach(b::header);
    return http.send(b);
  }

  @Test
  void proofsWithTheCurrentKeyOrAcrossARotationAreAccepted() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertEquals(200, signedBy(o.fileUrl(), Instant.now(), Key.CURRENT, Key.OLD).statusCode());
    assertEquals(200, signedBy(o.fileUrl(), Instant.now(), Key.CURRENT, Key.STRAY).statusCode());
    assertEquals(200, signedBy(o.fileUrl(), Instant.now(), Key.STRAY, Key.CURRENT).statusCode());
    assertEquals(200, signedBy(o.fileUrl(), Instant.now(), Key.OLD, Key.STRAY).statusCode());
  }

  @Test
  void invalidStaleTamperedOrMissingProofsAre500() throws Exception {
    Opened o = open("owner", newDocument("owner", "docx"));
    assertEquals(500, signedBy(o.fileUrl(), Instant.now(), Key.STRAY, Key.OLD).statusCode());
    assertEquals(500, signedBy(o.fileUrl(), Instant.now(), Key.STRAY, Key.STRAY).statusCode());
    assertEquals(
        500,
        signedBy(o.fileUrl(), Instant.now().minus(Duration.ofMinutes(21)), Key.CURRENT, Key.OLD)
            .statusCode());
    assertEquals(
        500,
        signedBy(o.fileUrl(), Instant.parse("2015-08-17T00:00:00Z"), Key.CURRENT, Key.OLD)
            .statusCode());
    Map<String, String> proof = proofHeaders(o.fileUrl(), Instant.now(), Key.CURRENT, Key.OLD);
    HttpRequest.Builder wrongUrl =
        HttpRequest.newBuilder(URI.create(o.fileUrl() + "&extra=1")).GET();
    proof.forEach(wrongUrl::header);
    assertEquals(500, http.send(wrongUrl).statusCode());
    HttpRequest.Builder tampered = HttpRequest.newBuilder(URI.create(o.fileUrl())).GET();
    proof.forEach((k, v) -> tampered.header(k, k.equals("X-WOPI-TimeStamp") ? v + "1" : v));
    assertEquals(500, http.send(tampered).statusCode());
    assertEquals(
        500, http.send(HttpRequest.newBuilder(URI.create(o.fileUrl())).GET()).statusCode());
  }
}
