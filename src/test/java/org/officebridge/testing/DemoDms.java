package org.officebridge.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo DMS seen from a browser: upload documents and versions, list documents and versions,
 * read content; and its test-only failure switch (a file in its data folder).
 */
public final class DemoDms {

  private static final Pattern ROW =
      Pattern.compile(
          "<tr data-doc-id=\"([^\"]+)\" data-title=\"([^\"]+)\" data-version=\"([^\"]+)\"");
  private static final Pattern VERSION =
      Pattern.compile(
          "<tr data-version=\"([^\"]+)\" data-kind=\"([^\"]+)\" data-author=\"([^\"]+)\"");

  /** A document in the index. */
  public record Document(String id, String title, String version) {}

  /** A row of a document's version list. */
  public record Version(String version, String kind, String author) {}

  private final URI base;
  private final Path dataDir;
  private final Http http = new Http();

  /**
   * @param base the demo's base URL, ending with a slash
   * @param dataDir the demo's data folder
   */
  public DemoDms(URI base, Path dataDir) {
    this.base = base;
    this.dataDir = dataDir;
  }

  /**
   * Uploads a new document, as the owner.
   *
   * @param baseName the title without extension (made unique)
   * @param extension its extension
   * @param content the bytes
   * @return the new document
   * @throws Exception on failure
   */
  public Document upload(String baseName, String extension, byte[] content) throws Exception {
    String title = baseName + " " + UUID.randomUUID().toString().substring(0, 8) + "." + extension;
    HttpResponse<String> r = multipart("demo/upload", title, content, Optional.empty());
    if (r.statusCode() != 302) {
      throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
    }
    return find(title).orElseThrow();
  }

  /**
   * Uploads a new version of a document (a change made outside the editor).
   *
   * @param id the document
   * @param title the uploaded file's name
   * @param content the bytes
   * @throws Exception on failure
   */
  public void uploadVersion(String id, String title, byte[] content) throws Exception {
    HttpResponse<String> r = multipart("demo/upload", title, content, Optional.of(id));
    if (r.statusCode() != 302) {
      throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
    }
  }

  /**
   * @return every document in the index
   * @throws Exception on failure
   */
  public List<Document> documents() throws Exception {
    String html = http.get(base).body();
    List<Document> out = new ArrayList<>();
    Matcher m = ROW.matcher(html);
    while (m.find()) {
      out.add(new Document(m.group(1), unescape(m.group(2)), m.group(3)));
    }
    return out;
  }

  /**
   * @param title a title
   * @return the document with that title
   * @throws Exception on failure
   */
  public Optional<Document> find(String title) throws Exception {
    return documents().stream().filter(d -> d.title().equals(title)).findFirst();
  }

  /**
   * @param id a document
   * @return it, as the index shows it now
   * @throws Exception on failure
   */
  public Document document(String id) throws Exception {
    return documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * @param prefix the start of a title
   * @return the documents whose title starts with it
   * @throws Exception on failure
   */
  public List<Document> titled(String prefix) throws Exception {
    return documents().stream().filter(d -> d.title().startsWith(prefix)).toList();
  }

  /**
   * @param id a document
   * @return its versions, oldest first
   * @throws Exception on failure
   */
  public List<Version> versions(String id) throws Exception {
    String html = http.get(base.resolve("demo/versions?doc=" + id)).body();
    List<Version> out = new ArrayList<>();
    Matcher m = VERSION.matcher(html);
    while (m.find()) {
      out.add(new Version(m.group(1), m.group(2), m.group(3)));
    }
    return out;
  }

  /**
   * @param id a document
   * @param version a version, or {@code null} for the current one
   * @return its bytes
   * @throws Exception on failure
   */
  public byte[] content(String id, String version) throws Exception {
    String q = "demo/content?doc=" + id + (version == null ? "" : "&version=" + version);
    HttpResponse<byte[]> r =
        http.client()
            .send(
                HttpRequest.newBuilder(base.resolve(q)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("content answered " + r.statusCode());
    }
    return r.body();
  }

  /**
   * @param id a document
   * @param version a version number
   * @return the history data the demo kept with the version (empty when none)
   * @throws IOException when the file cannot be read
   */
  public Map<String, String> history(String id, String version) throws IOException {
    Path file =
        dataDir.resolve("documents").resolve(id).resolve("v" + version + ".history.properties");
    java.util.Properties p = new java.util.Properties();
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(in);
      }
    }
    Map<String, String> out = new java.util.TreeMap<>();
    p.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
    return out;
  }

  /**
   * @param id a document
   * @param version a version number
   * @return the changes archive the demo kept with the version, if any
   * @throws IOException when the file cannot be read
   */
  public Optional<byte[]> changes(String id, String version) throws IOException {
    Path file = dataDir.resolve("documents").resolve(id).resolve("v" + version + ".changes.zip");
    return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }

  /**
   * Makes the next {@code n} writes of the demo DMS fail as an unavailable host would.
   *
   * @param n how many
   * @throws IOException when the switch cannot be written
   */
  public void failNextStores(int n) throws IOException {
    Path file = dataDir.resolve("faults").resolve("store-failures");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.valueOf(n));
  }

  /**
   * GETs {@code api/editor/status} as a demo user.
   *
   * @param id a document
   * @param user a demo user id ({@code owner}, {@code editor}, {@code viewer} ...)
   * @return the answer
   * @throws Exception on failure
   */
  public HttpResponse<String> status(String id, String user) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve("api/editor/status?doc=" + id))
            .header("Cookie", "officebridge-demo-user=" + user)
            .GET());
  }

  private HttpResponse<String> multipart(
      String path, String fileName, byte[] content, Optional<String> doc) throws Exception {
    String boundary = "----officebridge" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    doc.ifPresent(
        d ->
            head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"doc\"\r\n\r\n")
                .append(d)
                .append("\r\n"));
    head.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + content.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(content, 0, body, start.length, content.length);
    System.arraycopy(end, 0, body, start.length + content.length, end.length);
    URI url = base.resolve(path);
    return http.send(
        HttpRequest.newBuilder(url)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", "http://" + url.getRawAuthority())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
