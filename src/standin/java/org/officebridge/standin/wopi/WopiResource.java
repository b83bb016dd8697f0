package org.officebridge.standin.wopi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.json.Json;

/**
 * The WOPI client's HTTP side: {@code /hosting/discovery}, {@code /hosting/capabilities}, the
 * action URLs the host page's form POSTs to (answering with the WOPI editor frame), the convert
 * flow, and the frame's own calls ({@code /standin/wopi/action}, {@code /standin/wopi/poll}).
 */
public final class WopiResource {

  private final WopiService service;
  private final DiscoveryXml discovery;
  private final ProofKeys keys;
  private final ProofSigner signer;
  private final Supplier<URI> baseUrl;
  private final String version;
  private final AtomicLong discoveryFetches = new AtomicLong();

  /**
   * @param service the WOPI sessions
   * @param discovery renders discovery
   * @param keys the proof keys
   * @param signer whether proofs are on
   * @param baseUrl the stand-in's base URL
   * @param version the version string
   */
  public WopiResource(
      WopiService service,
      DiscoveryXml discovery,
      ProofKeys keys,
      ProofSigner signer,
      Supplier<URI> baseUrl,
      String version) {
    this.service = service;
    this.discovery = discovery;
    this.keys = keys;
    this.signer = signer;
    this.baseUrl = baseUrl;
    this.version = version;
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("GET", "/hosting/discovery", this::discovery);
    router.route("GET", "/hosting/capabilities", this::capabilities);
    router.route("*", "/hosting/wopi/(word|cell|slide|pdf|diagram)/(view|edit)", this::action);
    router.route("*", "/hosting/wopi/convert-and-edit/([a-z0-9]+)/([a-z0-9]+)", this::convert);
    router.route("POST", "/standin/wopi/action", this::frameAction);
    router.route("GET", "/standin/wopi/poll", this::poll);
    router.route("GET", "/web-apps/apps/standin/wopi-editor\\.js", this::script);
  }

  private void script(Request r) throws IOException {
    try (InputStream in = WopiResource.class.getResourceAsStream("/standin/wopi-editor.js")) {
      r.send(200, "application/javascript; charset=utf-8", in.readAllBytes());
    }
  }

  private void discovery(Request r) throws IOException {
    discoveryFetches.incrementAndGet();
    String xml =
        discovery.render(baseUrl.get(), signer.enabled() ? keys.discoveryAttributes() : null);
    r.send(200, "text/xml; charset=utf-8", xml.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return how many times {@code /hosting/discovery} was fetched since the stand-in started
   */
  public long discoveryFetches() {
    return discoveryFetches.get();
  }

  private void capabilities(Request r) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("convert-to", Map.of("available", true));
    m.put("hasMobileSupport", true);
    m.put("hasProxyPrefix", false);
    m.put("hasTemplateSaveAs", false);
    m.put("hasTemplateSource", true);
    m.put("productName", "ONLYOFFICE Docs (stand-in)");
    m.put("productVersion", version);
    r.sendJson(200, m);
  }

  private static Map<String, String> params(Request r) throws IOException {
    Map<String, String> p = new LinkedHashMap<>();
    r.query().forEach((k, v) -> p.put(k.toLowerCase(java.util.Locale.ROOT), v));
    if (r.method().equals("POST")) {
      r.formBody().forEach((k, v) -> p.put(k.toLowerCase(java.util.Locale.ROOT), v));
    }
    return p;
  }

  private static WopiRequest request(
      Map<String, String> p, String action, Optional<String> target) {
    long ttl;
    try {
      ttl = Long.parseLong(p.getOrDefault("access_token_ttl", "0").trim());
    } catch (NumberFormatException e) {
      ttl = 0;
    }
    Map<String, Object> docsApi;
    try {
      docsApi =
          p.containsKey("docs_api_config") ? Json.parseObject(p.get("docs_api_config")) : Map.of();
    } catch (Json.JsonException e) {
      docsApi = Map.of();
    }
    return new WopiRequest(
        p.getOrDefault("wopisrc", ""),
        action,
        p.getOrDefault("access_token", ""),
        ttl,
        docsApi,
        Optional.ofNullable(p.get("sc")).filter(s -> !s.isBlank()),
        p.getOrDefault("ui", "en-US"),
        target);
  }

  private static String actionName(boolean edit, Map<String, String> p) {
    if ("1".equals(p.get("formsubmit"))) {
      return "formsubmit";
    }
    if ("1".equals(p.get("embed")) || "true".equals(p.get("embed"))) {
      return "embedview";
    }
    if ("1".equals(p.get("mobile"))) {
      return edit ? "mobileEdit" : "mobileView";
    }
    return edit ? "edit" : "view";
  }

  private static final java.util.regex.Pattern ACTION_PATH =
      java.util.regex.Pattern.compile(
          ".*/hosting/wopi/(?:(word|cell|slide|pdf|diagram)/(view|edit)|convert-and-edit/([a-z0-9]+)/([a-z0-9]+))");

  /**
   * Reads an action URL (discovery urlsrc with the placeholders resolved) as the form POST would.
   *
   * @param actionUrl the action URL, with {@code wopisrc} in the query
   * @param accessToken the access token
   * @param ttl the access token expiry (epoch ms)
   * @param docsApiConfig the {@code docs_api_config} object, or an empty map
   * @return the request
   * @throws IllegalArgumentException when the URL is not an action URL
   */
  public static WopiRequest requestFor(
      URI actionUrl, String accessToken, long ttl, Map<String, Object> docsApiConfig) {
    java.util.regex.Matcher m = ACTION_PATH.matcher(actionUrl.getRawPath());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a WOPI action URL: " + actionUrl.getPath());
    }
    Map<String, String> p = new LinkedHashMap<>();
    org.officebridge.standin.http.FormEncoding.decode(actionUrl.getRawQuery())
        .forEach((k, v) -> p.put(k.toLowerCase(java.util.Locale.ROOT), v));
    p.put("access_token", accessToken);
    p.put("access_token_ttl", Long.toString(ttl));
    p.put("docs_api_config", Json.write(docsApiConfig));
    boolean convert = m.group(3) != null;
    return request(
        p,
        convert ? "convert" : actionName(m.group(2).equals("edit"), p),
        convert ? Optional.of(m.group(4)) : Optional.empty());
  }

  private void action(Request r) throws IOException {
    Map<String, String> p = params(r);
    String action = actionName(r.pathGroup(2).equals("edit"), p);
    try {
      WopiOpening o = service.open(request(p, action, Optional.empty()));
      r.sendHtml(o.opened() ? 200 : 400, WopiPage.render(o, action, version));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.sendText(503, "shutting down");
    }
  }

  private void convert(Request r) throws IOException {
    Map<String, String> p = params(r);
    try {
      WopiOpening o = service.open(request(p, "convert", Optional.of(r.pathGroup(2))));
      r.sendHtml(o.hostEditUrl().isPresent() ? 200 : 400, WopiPage.render(o, "convert", version));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.sendText(503, "shutting down");
    }
  }

  private void frameAction(Request r) throws IOException {
    Map<String, Object> body = r.jsonBody();
    String id = Json.string(body, "connection").orElse("");
    if (service.connection(id).isEmpty()) {
      throw new Request.BadRequestException("unknown connection");
    }
    String action = Json.string(body, "action").orElse("");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", action);
    try {
      switch (action) {
        case "edit" -> out.put("line", service.edit(id, "Edited"));
        case "save" ->
            out.put("status", service.save(id, false).map(WopiClient.Answer::status).orElse(0));
        case "autosave" ->
            out.put("status", service.save(id, true).map(WopiClient.Answer::status).orElse(0));
        case "close" -> service.close(id);
        case "rename" -> out.putAll(service.rename(id, Json.string(body, "name").orElse("")));
        case "refreshLock" -> out.put("status", service.refreshLock(id));
        case "saveAs" -> out.putAll(service.saveAs(id, Json.string(body, "target").orElse(".pdf")));
        case "submit" -> out.putAll(service.submitForm(id));
        case "insertGraphic" ->
            out.put("line", service.insertGraphic(id, Json.string(body, "url").orElse("")));
        default -> throw new Request.BadRequestException("unknown action");
      }
      out.put("ok", true);
    } catch (IllegalStateException e) {
      out.put("ok", false);
      out.put("reason", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.put("ok", false);
      out.put("reason", "interrupted");
    }
    r.sendJson(200, out);
  }

  private void poll(Request r) throws IOException {
    String id = r.query().getOrDefault("connection", "");
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<WopiConnection> c = service.connection(id);
    out.put("open", c.isPresent());
    out.put("events", service.drain(id));
    c.flatMap(x -> service.document(x.docId())).ifPresent(d -> out.put("document", d));
    r.sendJson(200, out);
  }

  /** Renders the WOPI frame pages from resources. */
  static final class WopiPage {
    private static final Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private WopiPage() {}

    static String render(WopiOpening o, String action, String version) {
      Map<String, Object> state = new LinkedHashMap<>(o.describe());
      state.put("action", action);
      o.connection()
          .ifPresent(
              c -> {
                state.put("checkFileInfo", c.checkFileInfo());
                state.put("postMessageOrigin", c.postMessageOrigin().orElse(null));
                state.put("uiLanguage", c.uiLanguage());
                state.put("docsApiConfig", c.docsApiConfig());
              });
      String json =
          Json.write(state).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
      return template()
          .replace("@@VERSION@@", OfficeDocuments.escapeXml(version))
          .replace("@@STATE@@", json);
    }

    private static String template() {
      return CACHE.computeIfAbsent(
          "wopi-editor.html",
          name -> {
            try (InputStream in = WopiPage.class.getResourceAsStream("/standin/" + name)) {
              return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
