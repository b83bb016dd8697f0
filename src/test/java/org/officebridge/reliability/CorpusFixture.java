package org.officebridge.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.wopi.ProofSigner;
import org.officebridge.testing.DemoClient;
import org.officebridge.testing.Http;

/**
 * What the hostile corpus runs against: a deployed demo WAR, its data folder, and the Document
 * Server stand-in it trusts (whose proof keys sign WOPI requests). Creates the documents the cases
 * aim at, and holds the genuine tokens a case starts from (a WOPI access token, an editor page
 * token, a callback link), so that each case changes exactly one thing.
 */
final class CorpusFixture {

  /**
   * The server under test.
   *
   * @param base the application's base URL, ending with a slash
   * @param connectorUrl {@code officebridge.connector.url}
   * @param dataDir the demo DMS's data folder
   * @param ds the Document Server stand-in the connector is configured with
   * @param jwtSecret {@code officebridge.jwt.secret}
   * @param linkSecret {@code officebridge.link.secret}
   * @param name a name for reports (in-process, wildfly, payara)
   */
  record Target(
      URI base,
      String connectorUrl,
      Path dataDir,
      RunningStandIn ds,
      String jwtSecret,
      String linkSecret,
      String name) {}

  /**
   * The title of a document the corpus writes straight into the demo's folder: everything a valid
   * title ({@code FileNames.isValid}) may still hold that is dangerous in HTML, attributes, script
   * strings and templates (character references, quotes, line separators, full-width brackets).
   */
  static final String HOSTILE_TITLE =
      "&#60;svg onload=alert(1)&#62; ' onmouseover='alert(1)' x=' \u2028\u2029 \uff1cscript\uff1e"
          + " ${{7-7}} #{7-7} %3Cscript%3E.docx";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[a-zA-Z]+[:}]");

  final Target target;
  final Http http = new Http();
  final DemoClient owner;
  final String doc;
  final String otherDoc;
  final String hostileDoc;
  final String version = "1";
  final String key;
  final String accessToken;
  final String viewerAccessToken;
  final String wopiSrc;
  final String fileId;
  final String pageToken;
  final String viewerPageToken;
  final String newToken;

  private CorpusFixture(Target target) throws Exception {
    this.target = target;
    this.owner = new DemoClient(target.base());
    this.doc = owner.createDocument("owner", "corpus-" + UUID.randomUUID(), "docx");
    this.otherDoc = owner.createDocument("owner", "corpus-other-" + UUID.randomUUID(), "docx");
    this.hostileDoc = writeHostileDocument(target.dataDir());
    this.key = "corpus-" + doc;
    Map<String, String> wopi = openWopi("owner", doc);
    this.accessToken = wopi.get("token");
    this.wopiSrc = wopi.get("wopiSrc");
    this.fileId = wopiSrc.substring(wopiSrc.lastIndexOf('/') + 1);
    this.viewerAccessToken = openWopi("viewer", doc).get("token");
    this.pageToken = pageToken("owner", doc);
    this.viewerPageToken = pageToken("viewer", doc);
    this.newToken = newDocumentToken();
  }

  static CorpusFixture prepare(Target target) throws Exception {
    return new CorpusFixture(target);
  }

  /**
   * @return the secrets and genuine tokens no answer may ever contain
   */
  Map<String, String> secrets() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jwt secret", target.jwtSecret());
    s.put("link secret", target.linkSecret());
    s.put("owner access token", accessToken);
    s.put("viewer access token", viewerAccessToken);
    return s;
  }

  /**
   * Replaces the placeholders of a case's text.
   *
   * @param text text with {@code ${name}} or {@code ${name:argument}} placeholders
   * @param corpus the corpus (named tokens and links)
   * @param it the value of the case's {@code for} list, or {@code null}
   * @return the text to send
   */
  String resolve(String text, HostileCorpus corpus, String it) {
    String source = it == null ? text : text.replace("${it}", it);
    StringBuilder out = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      int start = source.indexOf("${", i);
      int end = start < 0 ? -1 : closing(source, start + 2);
      Matcher name = start < 0 ? null : PLACEHOLDER.matcher(source).region(start, source.length());
      if (start < 0 || end < 0 || !name.lookingAt()) {
        out.append(source, i, start < 0 || end < 0 ? source.length() : start + 2);
        i = start < 0 || end < 0 ? source.length() : start + 2;
        continue;
      }
      out.append(source, i, start);
      String body = source.substring(start + 2, end);
      int colon = body.indexOf(':');
      out.append(
          value(
              colon < 0 ? body : body.substring(0, colon),
              colon < 0 ? null : body.substring(colon + 1),
              corpus,
              it));
      i = end + 1;
    }
    return out.toString();
  }

  /** The index of the brace that closes a placeholder, counting nested braces. */
  private static int closing(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  private String value(String name, String arg, HostileCorpus corpus, String it) {
    return switch (name) {
      case "doc" -> doc;
      case "otherDoc" -> otherDoc;
      case "hostileDoc" -> hostileDoc;
      case "version" -> version;
      case "key" -> key;
      case "b64version" ->
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(version.getBytes(StandardCharsets.UTF_8));
      case "fileId" -> fileId;
      case "instance" -> fileId.substring(0, fileId.length() - doc.length() - 1);
      case "accessToken" -> accessToken;
      case "viewerAccessToken" -> viewerAccessToken;
      case "pageToken" -> pageToken;
      case "viewerPageToken" -> viewerPageToken;
      case "newToken" -> newToken;
      case "connector" -> target.connectorUrl();
      case "origin" -> owner.origin();
      case "ds" -> target.ds().baseUrl().toString().replaceAll("/$", "");
      case "link" ->
          CraftedTokens.link(
              "c",
              doc + "/" + key + "/" + value("b64version", null, corpus, it),
              Instant.now().plusSeconds(3600),
              target.linkSecret());
      case "linkOf" -> corpus.link(resolve(arg, corpus, it), this, it);
      case "jwt" -> corpus.jwt(resolve(arg, corpus, it), this, it);
      case "wt" -> corpus.wopiToken(resolve(arg, corpus, it), this, it);
      case "repeat" -> repeat(resolve(arg, corpus, it));
      case "urlencode" -> URLEncoder.encode(resolve(arg, corpus, it), StandardCharsets.UTF_8);
      default -> throw new IllegalArgumentException("unknown placeholder ${" + name + "}");
    };
  }

  /** {@code ${repeat:N:text}}: text N times (text percent-decoded, so it may hold a brace). */
  private static String repeat(String arg) {
    int colon = arg.indexOf(':');
    int n = Integer.parseInt(arg.substring(0, colon));
    return URLDecoder.decode(arg.substring(colon + 1), StandardCharsets.UTF_8).repeat(n);
  }

  /**
   * The proof headers the stand-in would send for a request.
   *
   * @param url the full URL as the connector sees it
   * @param token the raw access token in it
   * @param at the timestamp
   * @param key CURRENT, OLD or STRAY
   * @return X-WOPI-TimeStamp, X-WOPI-Proof, X-WOPI-ProofOld
   */
  Map<String, String> proof(String url, String token, Instant at, String key) {
    long ticks = ProofSigner.ticks(at);
    byte[] data = ProofSigner.proofData(token, url, ticks);
    Map<String, String> h = new LinkedHashMap<>();
    h.put("X-WOPI-TimeStamp", Long.toString(ticks));
    h.put(
        "X-WOPI-Proof", target.ds().proofKeys().sign(data, key.equals("OLD"), key.equals("STRAY")));
    h.put("X-WOPI-ProofOld", target.ds().proofKeys().sign(data, true, key.equals("STRAY")));
    return h;
  }

  /**
   * @return the fixture document's WOPI lock, as GetLock reports it
   * @throws Exception on a transport failure
   */
  String currentLock() throws Exception {
    String url = wopiSrc + "?access_token=" + accessToken;
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .header("X-WOPI-Override", "GET_LOCK")
            .POST(HttpRequest.BodyPublishers.noBody());
    proof(url, accessToken, Instant.now(), "CURRENT").forEach(b::header);
    HttpResponse<String> r = http.send(b);
    return r.statusCode() + ":" + r.headers().firstValue("X-WOPI-Lock").orElse("-");
  }

  /**
   * @param id a document
   * @return its editing session as the status endpoint shows it to its owner (not the notices: a
   *     genuine but failed callback tells the users, which is no change of the DMS)
   * @throws Exception on a transport failure
   */
  String session(String id) throws Exception {
    HttpResponse<String> r = http.send(owner.get("owner", "api/editor/status?doc=" + id));
    if (r.statusCode() != 200) {
      return String.valueOf(r.statusCode());
    }
    return String.valueOf(DemoClient.object(r.body()).get("session"));
  }

  private Map<String, String> openWopi(String user, String id) throws Exception {
    HttpResponse<String> page = http.send(owner.get(user, "wopi-host?doc=" + id));
    if (page.statusCode() != 200) {
      throw new IllegalStateException("wopi-host answered " + page.statusCode());
    }
    String html = page.body();
    String token = unescape(find(html, "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    String action = unescape(find(html, "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    String src = URLDecoder.decode(find(action, "[?&]wopisrc=([^&]*)"), StandardCharsets.UTF_8);
    return Map.of("token", token, "wopiSrc", src);
  }

  private String pageToken(String user, String id) throws Exception {
    DemoClient.EditorPage page = owner.editor(user, "doc=" + id);
    if (page.token() == null) {
      throw new IllegalStateException(
          "the editor page answered "
              + page.response().statusCode()
              + ": "
              + page.response().body());
    }
    return page.token();
  }

  private String newDocumentToken() throws Exception {
    HttpResponse<String> page = http.send(owner.get("owner", "new?type=docx"));
    return unescape(find(page.body(), "name=\"token\" value=\"([^\"]*)\""));
  }

  /** A document as a DMS without name rules might hold it: markup and CR LF in its title. */
  private static String writeHostileDocument(Path dataDir) throws IOException {
    String id = "dhostile" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dir = dataDir.resolve("documents").resolve(id);
    Files.createDirectories(dir);
    java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
    org.officebridge.formats.OfficeDocuments.write("docx", java.util.List.of("hostile"), docx);
    byte[] content = docx.toByteArray();
    Files.write(dir.resolve("v1.bin"), content);
    Properties version = new Properties();
    version.setProperty("size", String.valueOf(content.length));
    version.setProperty("created", Instant.now().toString());
    version.setProperty("author", "owner");
    version.setProperty("authorName", "Olivia Owner");
    version.setProperty("kind", "CREATED");
    version.setProperty("fileType", "docx");
    store(dir.resolve("v1.properties"), version);
    Properties meta = new Properties();
    meta.setProperty("title", HOSTILE_TITLE);
    meta.setProperty("owner", "owner");
    meta.setProperty("current", "1");
    store(dir.resolve("meta.properties"), meta);
    return id;
  }

  private static void store(Path file, Properties p) throws IOException {
    try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(w, null);
    }
  }

  private static String find(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("no " + regex + " in " + text);
    }
    return m.group(1);
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
