package org.officebridge.standin.wopi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.officebridge.standin.json.Json;

/**
 * A fake WOPI host for the tests: files with CheckFileInfo, locks with the digest's rules,
 * PutRelativeFile/RenameFile with UTF-7 names, and a proof check written here from the digest's
 * byte layout with nothing but java.security. Tokens are {@code token-<user>}; a {@code
 * token-ro-<user>} may only read (UserCanWrite=false, 401 for anything that locks or writes).
 */
final class FakeWopiHost implements AutoCloseable {

  /** A request the host received, with what its proof check found. */
  record Seen(
      String override,
      String method,
      String path,
      String fullUrl,
      Map<String, String> headers,
      byte[] body,
      boolean proofCurrent,
      boolean proofOldWithCurrent,
      boolean proofWithOld) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean proofValid() {
      return proofCurrent || proofOldWithCurrent || proofWithOld;
    }
  }

  static final class HostFile {
    String name;
    byte[] content;
    String lock = "";
    int version = 1;
    Map<String, Object> extra = new LinkedHashMap<>();

    HostFile(String name, byte[] content) {
      this.name = name;
      this.content = content;
    }
  }

  /** The prefix of a read-only user's token. */
  static final String READ_ONLY = "token-ro-";

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  final Map<String, HostFile> files = new ConcurrentHashMap<>();
  private final List<Seen> seen = new ArrayList<>();
  private volatile RSAPublicKey current;
  private volatile RSAPublicKey old;
  private int created;

  FakeWopiHost() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setExecutor(pool);
    server.createContext("/wopi/files/", this::handle);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String wopiSrc(String id) {
    return base() + "/wopi/files/" + id;
  }

  void keys(RSAPublicKey current, RSAPublicKey old) {
    this.current = current;
    this.old = old;
  }

  static RSAPublicKey key(String modulusB64, String exponentB64) throws Exception {
    return (RSAPublicKey)
        KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, Base64.getDecoder().decode(modulusB64)),
                    new BigInteger(1, Base64.getDecoder().decode(exponentB64))));
  }

  /** The proof bytes, built from the digest's layout (§10). */
  static byte[] proofData(String token, String url, long ticks) {
    byte[] t = token.getBytes(StandardCharsets.UTF_8);
    byte[] u = url.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + t.length + 4 + u.length + 4 + 8)
        .putInt(t.length)
        .put(t)
        .putInt(u.length)
        .put(u)
        .putInt(8)
        .putLong(ticks)
        .array();
  }

  static boolean verify(byte[] data, String proofB64, RSAPublicKey key) {
    if (proofB64 == null || key == null) {
      return false;
    }
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initVerify(key);
      s.update(data);
      return s.verify(Base64.getDecoder().decode(proofB64));
    } catch (Exception e) {
      return false;
    }
  }

  synchronized List<Seen> seen() {
    return List.copyOf(seen);
  }

  List<Seen> seen(String operation) {
    return seen().stream().filter(s -> s.override().equals(operation)).toList();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      String fullUrl = base() + ex.getRequestURI().toString();
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
      byte[] body = ex.getRequestBody().readAllBytes();
      String token =
          (String) parseQuery(ex.getRequestURI().getRawQuery()).getOrDefault("access_token", "");
      boolean contents = path.endsWith("/contents");
      String id = path.substring("/wopi/files/".length()).replace("/contents", "");
      String override =
          ex.getRequestMethod().equals("GET")
              ? (contents ? "GET_FILE" : "CHECK_FILE_INFO")
              : headers.getOrDefault("x-wopi-override", "");
      long ticks = Long.parseLong(headers.getOrDefault("x-wopi-timestamp", "0"));
      byte[] data = proofData(token, fullUrl, ticks);
      Seen s =
          new Seen(
              override,
              ex.getRequestMethod(),
              path,
              fullUrl,
              headers,
              body,
              verify(data, headers.get("x-wopi-proof"), current),
              verify(data, headers.get("x-wopi-proofold"), current),
              verify(data, headers.get("x-wopi-proof"), old));
      synchronized (this) {
        seen.add(s);
      }
      if (!token.startsWith("token-")) {
        send(ex, 401, "", Map.of());
        return;
      }
      HostFile f = files.get(id);
      if (f == null) {
        send(ex, 404, "", Map.of());
        return;
      }
      boolean readOnly = token.startsWith(READ_ONLY);
      if (readOnly && !override.equals("CHECK_FILE_INFO") && !override.equals("GET_FILE")) {
        send(ex, 401, "", Map.of());
        return;
      }
      synchronized (f) {
        answer(ex, id, f, override, headers, body, token);
      }
    }
  }

  private static Map<String, Object> parseQuery(String raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private void answer(
      HttpExchange ex,
      String id,
      HostFile f,
      String override,
      Map<String, String> headers,
      byte[] body,
      String token)
      throws IOException {
    String lock = headers.get("x-wopi-lock");
    switch (override) {
      case "CHECK_FILE_INFO" -> {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("BaseFileName", f.name);
        info.put("Size", f.content.length);
        info.put("Version", "v" + f.version);
        info.put("OwnerId", "owner");
        info.put("UserId", token.substring("token-".length()));
        info.put("UserFriendlyName", "User " + token.substring("token-".length()));
        info.put("UserCanWrite", !token.startsWith(READ_ONLY));
        info.put("SupportsLocks", true);
        info.put("SupportsUpdate", true);
        info.put("SupportsRename", true);
        info.put("UserCanRename", true);
        info.put("PostMessageOrigin", "http://127.0.0.1:1234/");
        info.put("FileUrl", "http://should.not/reach/the/browser");
        info.putAll(f.extra);
        send(ex, 200, Json.write(info), Map.of());
      }
      case "GET_FILE" -> {
        ex.getResponseHeaders().set("X-WOPI-ItemVersion", "v" + f.version);
        ex.sendResponseHeaders(200, f.content.length == 0 ? -1 : f.content.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(f.content);
        }
      }
      case "LOCK" -> {
        if (lock == null || lock.isEmpty()) {
          send(ex, 400, "", Map.of());
        } else if (f.lock.isEmpty() || f.lock.equals(lock)) {
          f.lock = lock;
          send(ex, 200, "", Map.of());
        } else {
          send(ex, 409, "", Map.of("X-WOPI-Lock", f.lock));
        }
      }
      case "REFRESH_LOCK", "UNLOCK" -> {
        if (!f.lock.isEmpty() && f.lock.equals(lock)) {
          if (override.equals("UNLOCK")) {
            f.lock = "";
          }
          send(ex, 200, "", Map.of());
        } else {
          send(ex, 409, "", Map.of("X-WOPI-Lock", f.lock));
        }
      }
      case "PUT" -> {
        if (f.lock.isEmpty() ? f.content.length > 0 : !f.lock.equals(lock)) {
          send(ex, 409, "", Map.of("X-WOPI-Lock", f.lock));
        } else {
          f.content = body;
          f.version++;
          send(
              ex,
              200,
              "{\"LastModifiedTime\":\"2030-01-01T00:00:0" + (f.version % 10) + "Z\"}",
              Map.of("X-WOPI-ItemVersion", "v" + f.version));
        }
      }
      case "PUT_RELATIVE" -> {
        String suggested = Utf7.decode(headers.getOrDefault("x-wopi-suggestedtarget", ""));
        String name =
            suggested.startsWith(".")
                ? f.name.replaceFirst("\\.[^.]*$", "") + suggested
                : suggested;
        String newId = id + "-copy" + (++created);
        files.put(newId, new HostFile(name, body));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Name", name);
        a.put("Url", wopiSrc(newId) + "?access_token=token-x");
        a.put("HostViewUrl", base() + "/view/" + newId);
        a.put("HostEditUrl", base() + "/edit/" + newId);
        send(ex, 200, Json.write(a), Map.of());
      }
      case "RENAME_FILE" -> {
        if (!f.lock.isEmpty() && !f.lock.equals(lock)) {
          send(ex, 409, "", Map.of("X-WOPI-Lock", f.lock));
          return;
        }
        String requested = Utf7.decode(headers.getOrDefault("x-wopi-requestedname", ""));
        if (requested.contains("/")) {
          send(ex, 400, "", Map.of("X-WOPI-InvalidFileNameError", "slash"));
          return;
        }
        f.name = requested + f.name.substring(f.name.lastIndexOf('.'));
        send(ex, 200, Json.write(Map.of("Name", requested)), Map.of());
      }
      default -> send(ex, 501, "", Map.of());
    }
  }

  private static void send(HttpExchange ex, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.getResponseHeaders().set("Content-Type", "application/json");
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
