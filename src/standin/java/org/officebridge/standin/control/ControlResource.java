package org.officebridge.standin.control;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.callback.CallbackRecord;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.session.EditorUser;
import org.officebridge.standin.session.SessionView;
import org.officebridge.standin.wopi.WopiOpening;
import org.officebridge.standin.wopi.WopiRecord;

/**
 * The stand-in's controls over HTTP, under {@code /standin/control} (JSON in and out): the same
 * operations as the Java API of {@link RunningStandIn}, for a person, a browser test or a test in
 * another language. Refusals are 409 (wrong state) or 400 (bad input) with {@code {"error":...}}.
 */
public final class ControlResource {

  private static final String P = "/standin/control";

  private final RunningStandIn ds;

  /**
   * @param ds the running stand-in
   */
  public ControlResource(RunningStandIn ds) {
    this.ds = ds;
  }

  @FunctionalInterface
  private interface Op {
    Object run(Request r, Map<String, Object> body) throws Exception;
  }

  private Router.Handler json(Op op) {
    return r -> {
      Map<String, Object> body = r.method().equals("POST") ? jsonOrEmpty(r) : Map.of();
      try {
        Object out = op.run(r, body);
        r.sendJson(200, out == null ? Map.of("ok", true) : out);
      } catch (IllegalStateException e) {
        r.sendJson(409, Map.of("error", String.valueOf(e.getMessage())));
      } catch (IllegalArgumentException | ClassCastException e) {
        r.sendJson(400, Map.of("error", String.valueOf(e.getMessage())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        r.sendJson(503, Map.of("error", "interrupted"));
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private static Map<String, Object> jsonOrEmpty(Request r) throws IOException {
    String text = r.bodyText();
    return text.isBlank() ? Map.of() : Json.parseObject(text);
  }

  private static String need(Map<String, Object> body, String name) {
    return Json.string(body, name)
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new IllegalArgumentException(name + " is required"));
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("GET", P + "/?", json((r, b) -> index()));
    router.route("GET", P + "/settings", json((r, b) -> settings()));
    router.route(
        "GET",
        P + "/sessions",
        json((r, b) -> ds.sessions().stream().map(SessionView::describe).toList()));
    router.route(
        "GET",
        P + "/sessions/([^/]+)",
        json(
            (r, b) ->
                ds.session(r.pathGroup(1))
                    .map(SessionView::describe)
                    .orElseThrow(() -> new IllegalStateException("no such session"))));
    router.route(
        "POST",
        P + "/open-editor",
        json((r, b) -> ds.openEditor(Json.object(b, "config").orElse(b)).describe()));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/join",
        json(
            (r, b) ->
                ds.join(
                        r.pathGroup(1),
                        new EditorUser(need(b, "userId"), Json.string(b, "userName").orElse("")))
                    .describe()));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/edit",
        json((r, b) -> Map.of("line", ds.edit(r.pathGroup(1), need(b, "userId")))));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/leave",
        json(
            (r, b) -> {
              ds.leave(r.pathGroup(1), need(b, "userId"));
              return null;
            }));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/save",
        json((r, b) -> Map.of("result", ds.pressSave(r.pathGroup(1), need(b, "userId")).name())));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/submit",
        json(
            (r, b) -> {
              ds.submitForm(r.pathGroup(1), need(b, "userId"));
              return null;
            }));
    router.route(
        "POST",
        P + "/sessions/([^/]+)/forcesave-timer",
        json((r, b) -> Map.of("queued", ds.forcesaveByTimer(r.pathGroup(1)))));
    router.route("POST", P + "/fail-next-save", json((r, b) -> failNextSave(b)));
    router.route("GET", P + "/callbacks", json((r, b) -> callbacks(r)));
    router.route(
        "DELETE",
        P + "/callbacks",
        json(
            (r, b) -> {
              ds.callbacks().clear();
              return null;
            }));
    router.route(
        "GET",
        P + "/downloads",
        json((r, b) -> ds.downloads().stream().map(d -> d.describe()).toList()));
    router.route("GET", P + "/forgotten", json((r, b) -> forgotten()));
    router.route("GET", P + "/editor-methods", json((r, b) -> ds.editorMethodCalls()));
    router.route("GET", P + "/faults", json((r, b) -> ds.faults().describe()));
    router.route(
        "POST",
        P + "/faults",
        json(
            (r, b) -> {
              ds.faults().apply(b);
              return ds.faults().describe();
            }));
    router.route(
        "POST",
        P + "/proof-keys/rotate",
        json(
            (r, b) -> {
              ds.rotateProofKeys();
              return null;
            }));
    router.route(
        "GET", P + "/discovery-fetches", json((r, b) -> Map.of("count", ds.discoveryFetches())));
    router.route("GET", P + "/wopi/sessions", json((r, b) -> ds.wopi().documents()));
    router.route(
        "GET",
        P + "/wopi/requests",
        json((r, b) -> ds.wopiRequests().stream().map(WopiRecord::describe).toList()));
    router.route("POST", P + "/wopi/open", json((r, b) -> openWopi(b).describe()));
    router.route(
        "POST",
        P + "/wopi/([0-9a-f]{32})/([a-z-]+)",
        json((r, b) -> wopiAction(r.pathGroup(1), r.pathGroup(2), b)));
  }

  private Map<String, Object> index() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("what", "ONLYOFFICE Docs stand-in controls; see docs/standin.md");
    m.put(
        "endpoints",
        List.of(
            "GET settings",
            "GET sessions",
            "GET sessions/{key}",
            "POST open-editor {config}",
            "POST sessions/{key}/join {userId, userName}",
            "POST sessions/{key}/edit {userId}",
            "POST sessions/{key}/leave {userId}",
            "POST sessions/{key}/save {userId}",
            "POST sessions/{key}/submit {userId}",
            "POST sessions/{key}/forcesave-timer",
            "POST fail-next-save {status: 3|7, key?}",
            "GET|DELETE callbacks [?key=]",
            "GET downloads",
            "GET forgotten",
            "GET editor-methods",
            "GET|POST faults",
            "POST proof-keys/rotate",
            "GET discovery-fetches",
            "GET wopi/sessions",
            "GET wopi/requests",
            "POST wopi/open {actionUrl | wopiSrc + action, accessToken, accessTokenTtl, docsApiConfig}",
            "POST wopi/{connection}/{edit|save|autosave|close|rename|refresh-lock|save-as|submit}"));
    return m;
  }

  private Map<String, Object> settings() {
    Map<String, Object> m = new LinkedHashMap<>();
    var s = ds.settings();
    m.put("baseUrl", ds.baseUrl().toString());
    m.put("version", s.version());
    m.put("jwtEnabled", s.jwt().enabled());
    m.put("jwtHeader", s.jwt().header());
    m.put("jwtPrefix", s.jwt().prefix());
    m.put("tokenInBody", s.jwt().outboxInBody());
    m.put("tokenInHeader", s.jwt().outboxInHeader());
    m.put("callbackDelayMillis", s.callbackDelay().toMillis());
    m.put("retryBaseDelayMillis", s.retryBaseDelay().toMillis());
    m.put("callbackRetries", s.callbackRetries());
    m.put("maxDownloadBytes", s.maxDownloadBytes());
    m.put("wopiProofKeys", s.wopiProofKeys());
    m.put("wopiRefreshLockIntervalMillis", s.wopiRefreshLockInterval().toMillis());
    m.put("loopbackOnly", s.loopbackOnly());
    return m;
  }

  private Object failNextSave(Map<String, Object> b) {
    int status =
        Json.number(b, "status")
            .map(Long::intValue)
            .orElseThrow(() -> new IllegalArgumentException("status is required"));
    Optional<String> key = Json.string(b, "key");
    if (key.isPresent()) {
      ds.failNextSave(key.get(), status);
    } else {
      ds.failNextSave(status);
    }
    return null;
  }

  private Object callbacks(Request r) {
    Optional<String> key = Optional.ofNullable(r.query().get("key"));
    List<CallbackRecord> records =
        key.map(k -> ds.callbacks().forKey(k)).orElseGet(() -> ds.callbacks().all());
    return records.stream().map(CallbackRecord::describe).toList();
  }

  private Object forgotten() {
    return ds.forgottenKeys().stream()
        .map(k -> Map.of("key", k, "url", ds.forgottenFile(k).map(URI::toString).orElse("")))
        .toList();
  }

  private WopiOpening openWopi(Map<String, Object> b) throws InterruptedException {
    String token = need(b, "accessToken");
    long ttl = Json.number(b, "accessTokenTtl").orElse(0L);
    Optional<String> actionUrl = Json.string(b, "actionUrl");
    if (actionUrl.isPresent()) {
      return ds.openWopi(
          URI.create(actionUrl.get()),
          token,
          ttl,
          Json.object(b, "docsApiConfig").orElse(Map.of()));
    }
    return ds.openWopiSrc(
        URI.create(need(b, "wopiSrc")), Json.string(b, "action").orElse("edit"), token, ttl);
  }

  private Object wopiAction(String conn, String action, Map<String, Object> b)
      throws InterruptedException {
    var w = ds.wopi();
    return switch (action) {
      case "edit" -> Map.of("line", w.edit(conn, "Edited"));
      case "save" -> Map.of("status", w.save(conn, false).map(a -> a.status()).orElse(0));
      case "autosave" -> Map.of("status", w.save(conn, true).map(a -> a.status()).orElse(0));
      case "close" -> {
        w.close(conn);
        yield null;
      }
      case "rename" -> w.rename(conn, need(b, "name"));
      case "refresh-lock" -> Map.of("status", w.refreshLock(conn));
      case "save-as" -> w.saveAs(conn, need(b, "target"));
      case "submit" -> w.submitForm(conn);
      default -> throw new IllegalArgumentException("unknown WOPI action " + action);
    };
  }
}
