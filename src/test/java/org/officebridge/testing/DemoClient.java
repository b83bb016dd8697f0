package org.officebridge.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A black-box client of the demo WAR for the editor's tests: acts as a demo user (the demo's user
 * cookie), creates and uploads documents through the demo's pages, opens editor pages and reads
 * their data block, and calls the editor's JSON endpoints the way the page script does.
 */
public final class DemoClient {

  /** The demo's user cookie. */
  public static final String USER_COOKIE = "officebridge-demo-user";

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Pattern DATA_BLOCK =
      Pattern.compile(
          "<script type=\"application/json\" id=\"officebridge-editor\">(.*?)</script>",
          Pattern.DOTALL);

  private final URI base;
  private final Http http = new Http();

  /**
   * @param base the application's base URL, ending with a slash
   */
  public DemoClient(URI base) {
    this.base = base;
  }

  /**
   * @return the application's base URL
   */
  public URI base() {
    return base;
  }

  /**
   * @return the origin browsers send for pages of the application
   */
  public String origin() {
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  /**
   * @param user a demo user id
   * @param path a path relative to the application
   * @return a GET request as that user
   */
  public HttpRequest.Builder get(String user, String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("Cookie", USER_COOKIE + "=" + user)
        .GET();
  }

  /**
   * @param request a request
   * @return the response
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request);
  }

  /**
   * Creates a blank document through the demo's "New document" form.
   *
   * @param user who creates it (its owner)
   * @param name the name without extension
   * @param type docx, xlsx, pptx or pdf
   * @return the new document's id
   * @throws Exception when it fails
   */
  public String createDocument(String user, String name, String type) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("demo/new"))
                .header("Cookie", USER_COOKIE + "=" + user)
                .header("Origin", origin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "title="
                            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                            + "&type="
                            + type)));
    if (r.statusCode() != 302) {
      throw new IllegalStateException("demo/new answered " + r.statusCode() + ": " + r.body());
    }
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.indexOf("doc=") + 4);
  }

  /**
   * Uploads a file: a new document, or with {@code doc} a new version of it.
   *
   * @param user the uploading user
   * @param doc the document to add a version to, or {@code null} for a new document
   * @param fileName the file's name
   * @param bytes its content
   * @return the HTTP status
   * @throws Exception on a transport failure
   */
  public int upload(String user, String doc, String fileName, byte[] bytes) throws Exception {
    String boundary = "----officebridge-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    body.write(head.getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String query = doc == null ? "" : "?doc=" + doc;
    return http.send(
            HttpRequest.newBuilder(base.resolve("demo/upload" + query))
                .header("Cookie", USER_COOKIE + "=" + user)
                .header("Origin", origin())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())))
        .statusCode();
  }

  /**
   * @param title a document title on the demo's index
   * @return its id
   * @throws Exception when it is not listed
   */
  public String idOf(String title) throws Exception {
    String html = http.get(base).body();
    Matcher m =
        Pattern.compile("<tr data-doc-id=\"([^\"]+)\" data-title=\"" + Pattern.quote(title) + "\"")
            .matcher(html);
    if (!m.find()) {
      throw new IllegalStateException(title + " is not on the index");
    }
    return m.group(1);
  }

  /**
   * Opens an editor page.
   *
   * @param user a demo user id
   * @param query the query after {@code editor?}
   * @return the page
   * @throws Exception on a transport failure
   */
  public EditorPage editor(String user, String query) throws Exception {
    return new EditorPage(http.send(get(user, "editor?" + query)));
  }

  /**
   * Calls an editor endpoint as the page script does: same origin, page token header.
   *
   * @param user a demo user id
   * @param page the page whose token is sent
   * @param method GET, POST or PUT
   * @param path the path after the page's endpoint ({@code rename}, {@code history/1} ...)
   * @param json the body, or {@code null}
   * @return the response
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> call(
      String user, EditorPage page, String method, String path, String json) throws Exception {
    return call(
        user, (String) page.data().get("endpoint"), page.token(), origin(), method, path, json);
  }

  /**
   * Calls an editor endpoint with every part chosen by the test (for forged requests).
   *
   * @param user a demo user id
   * @param endpoint the endpoint prefix, such as {@code api/editor/<doc>/}
   * @param token the page token to send, or {@code null}
   * @param origin the Origin header to send, or {@code null}
   * @param method GET, POST or PUT
   * @param path the path after the endpoint
   * @param json the body, or {@code null}
   * @return the response
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> call(
      String user,
      String endpoint,
      String token,
      String origin,
      String method,
      String path,
      String json)
      throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve(endpoint + path))
            .header("Cookie", USER_COOKIE + "=" + user)
            .header("Accept", "application/json");
    if (token != null) {
      r.header("X-Officebridge-Editor-Token", token);
    }
    if (origin != null) {
      r.header("Origin", origin);
    }
    if (json == null) {
      r.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      r.header("Content-Type", "application/json");
      r.method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(r);
  }

  /**
   * @param json JSON text
   * @return it parsed (objects as maps, arrays as lists, numbers as BigDecimal)
   */
  public static Object parse(String json) {
    return JSON.fromJson(json, Object.class);
  }

  /**
   * @param json JSON text of an object
   * @return it parsed
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> object(String json) {
    return (Map<String, Object>) parse(json);
  }

  /**
   * @param value any JSON value
   * @return its JSON text
   */
  public static String json(Object value) {
    return JSON.toJson(value);
  }

  /**
   * @param map a JSON object
   * @param path dot-separated keys
   * @return the value there
   */
  @SuppressWarnings("unchecked")
  public static Object at(Object map, String path) {
    Object current = map;
    for (String key : path.split("\\.")) {
      current = current == null ? null : ((Map<String, Object>) current).get(key);
    }
    return current;
  }

  /**
   * Checks an HS256 token with a secret and returns its claims.
   *
   * @param token a compact JWS
   * @param secret the shared secret
   * @return the claims, without {@code iat} and {@code exp}
   * @throws Exception when it is not HS256 or not signed with the secret
   */
  public static Map<String, Object> verify(String token, String secret) throws Exception {
    JWSObject jws = JWSObject.parse(token);
    if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm())
        || !jws.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))) {
      throw new IllegalStateException("not signed with the secret");
    }
    Map<String, Object> claims = new LinkedHashMap<>(object(jws.getPayload().toString()));
    claims.remove("iat");
    claims.remove("exp");
    return claims;
  }

  /** An editor page as the browser received it. */
  public static final class EditorPage {
    private final HttpResponse<String> response;
    private final Map<String, Object> data;

    EditorPage(HttpResponse<String> response) {
      this.response = response;
      Matcher m = DATA_BLOCK.matcher(response.body());
      this.data = m.find() ? object(m.group(1)) : Map.of();
    }

    /**
     * @return the HTTP response
     */
    public HttpResponse<String> response() {
      return response;
    }

    /**
     * @return the page's data block
     */
    public Map<String, Object> data() {
      return data;
    }

    /**
     * @return the signed editor config
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> config() {
      return (Map<String, Object>) data.get("config");
    }

    /**
     * @param path dot-separated keys inside the config
     * @return the value there
     */
    public Object config(String path) {
      return at(config(), path);
    }

    /**
     * @return the page token
     */
    public String token() {
      return (String) data.get("token");
    }

    /**
     * @return the editor features the page declares
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> features() {
      return (Map<String, Object>) data.get("features");
    }

    /**
     * @return the script tags of the page
     */
    public List<String> scriptTags() {
      Matcher m = Pattern.compile("<script[^>]*>").matcher(response.body());
      List<String> tags = new java.util.ArrayList<>();
      while (m.find()) {
        tags.add(m.group());
      }
      return tags;
    }
  }

  /**
   * @param response a response
   * @return its body parsed as a JSON object
   * @throws IOException never; for symmetry with callers
   */
  public static Map<String, Object> body(HttpResponse<String> response) throws IOException {
    return object(response.body());
  }
}
