package org.officebridge.standin.editor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.office.DocumentWriter;
import org.officebridge.standin.office.TextExtractor;
import org.officebridge.standin.session.Connection;
import org.officebridge.standin.session.DocumentFetcher;
import org.officebridge.standin.session.EditScope;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.session.EditorMode;
import org.officebridge.standin.session.OpenOutcome;
import org.officebridge.standin.storage.FileStore;
import org.officebridge.standin.storage.SignedLinks;
import org.officebridge.standin.storage.StoredFile;

/**
 * The editor in the browser: serves {@code /web-apps/apps/api/documents/api.js} and the editor
 * frame, and the frame's calls back to the stand-in: open (server-side config and token check,
 * download, join), actions (edit, Save, close, submit, downloadAs), signed method verification and
 * the event poll.
 */
public final class EditorResource {

  private final EditingService editing;
  private final SignedMethods signed;
  private final DocumentFetcher fetcher;
  private final SignedLinks links;
  private final FileStore store;
  private final FormatTable formats;
  private final long maxDownloadBytes;
  private final EditorAssets assets;
  private final List<Map<String, Object>> methodLog =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * @param editing the sessions
   * @param signed verifies signed method arguments
   * @param fetcher downloads the URLs signed methods name
   * @param links signs file links
   * @param store the stand-in's files (for downloadAs conversions)
   * @param formats the format table
   * @param maxDownloadBytes size limit for those downloads
   * @param version the version string api.js reports
   */
  public EditorResource(
      EditingService editing,
      SignedMethods signed,
      DocumentFetcher fetcher,
      SignedLinks links,
      FileStore store,
      FormatTable formats,
      long maxDownloadBytes,
      String version) {
    this.editing = editing;
    this.signed = signed;
    this.fetcher = fetcher;
    this.links = links;
    this.store = store;
    this.formats = formats;
    this.maxDownloadBytes = maxDownloadBytes;
    this.assets = new EditorAssets(version);
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route(
        "GET",
        "/web-apps/apps/api/documents/api\\.js",
        r -> asset(r, "api.js", "application/javascript"));
    router.route(
        "GET", "/web-apps/apps/standin/editor\\.html", r -> asset(r, "editor.html", "text/html"));
    router.route(
        "GET",
        "/web-apps/apps/standin/editor\\.js",
        r -> asset(r, "editor.js", "application/javascript"));
    router.route(
        "GET", "/web-apps/apps/standin/standin\\.css", r -> asset(r, "standin.css", "text/css"));
    router.route("POST", "/standin/editor/open", this::open);
    router.route("POST", "/standin/editor/action", this::action);
    router.route("POST", "/standin/editor/method", this::method);
    router.route("GET", "/standin/editor/poll", this::poll);
  }

  private void asset(Request r, String name, String type) throws IOException {
    r.send(200, type + "; charset=utf-8", assets.get(name));
  }

  private void open(Request r) throws IOException {
    Map<String, Object> body = r.jsonBody();
    Map<String, Object> config = Json.object(body, "config").orElse(Map.of());
    try {
      OpenOutcome outcome = editing.open(config);
      r.sendJson(200, outcome.describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      r.sendText(503, "shutting down");
    }
  }

  private Connection connection(Map<String, Object> body) {
    String id = Json.string(body, "connection").orElse("");
    return editing
        .connection(id)
        .orElseThrow(() -> new Request.BadRequestException("unknown connection"));
  }

  private void action(Request r) throws IOException {
    Map<String, Object> body = r.jsonBody();
    Connection c = connection(body);
    String action = Json.string(body, "action").orElse("");
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", action);
    try {
      switch (action) {
        case "edit" -> out.put("line", editing.editByConnection(c.id()));
        case "save" -> out.put("result", editing.pressSaveByConnection(c.id()).name());
        case "submit" -> out.put("accepted", editing.submitFormByConnection(c.id()).get());
        case "close" -> editing.leaveConnection(c.id());
        case "snapshot", "downloadAs" -> out.putAll(snapshot(c, Json.string(body, "format")));
        default -> throw new Request.BadRequestException("unknown action");
      }
      out.put("ok", true);
    } catch (IllegalStateException e) {
      out.put("ok", false);
      out.put("reason", e.getMessage());
    } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
      out.put("ok", false);
      out.put("reason", "interrupted");
    }
    r.sendJson(200, out);
  }

  private Map<String, Object> snapshot(Connection c, Optional<String> format) throws IOException {
    StoredFile current = editing.snapshot(c.key());
    Optional<String> target =
        format
            .map(x -> x.toLowerCase(java.util.Locale.ROOT))
            .filter(x -> !x.isEmpty() && !x.equals(current.fileType()))
            .filter(DocumentWriter::canWrite);
    StoredFile f = target.isPresent() ? convert(current, target.get()) : current;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("fileType", f.fileType());
    out.put("url", links.link(f).toString());
    return out;
  }

  private StoredFile convert(StoredFile source, String target) throws IOException {
    List<String> lines = TextExtractor.lines(source.path(), source.fileType());
    Path out = store.scratch();
    Path scratch = store.scratch();
    try (java.io.OutputStream o = Files.newOutputStream(out)) {
      DocumentWriter.write(target, source.fileName(), lines, scratch, o);
    } finally {
      Files.deleteIfExists(scratch);
    }
    return store.adopt(out, "output." + target, formats.mime(target), Faults.FileKind.DOCUMENT);
  }

  private void method(Request r) throws IOException {
    Map<String, Object> body = r.jsonBody();
    Connection c = connection(body);
    String method = Json.string(body, "method").orElse("");
    Map<String, Object> argument = Json.object(body, "argument").orElse(Map.of());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("method", method);
    if (!SignedMethods.NAMES.contains(method)) {
      out.put("signedMethod", false);
      out.put("accepted", true);
    } else {
      SignedMethods.Verdict v = signed.verify(method, argument);
      out.put("signedMethod", true);
      out.put("accepted", v.accepted());
      out.put("reason", v.reason());
      if (v.accepted()) {
        out.put("effective", v.effective());
        if (!method.equals("refreshFile") && !method.equals("setHistoryData")) {
          out.put("downloads", downloads(SignedMethods.urls(v.effective())));
        }
        if (method.equals("insertImage")
            && c.mode() == EditorMode.EDIT
            && c.scope() == EditScope.FULL) {
          out.put(
              "line",
              editing.editByConnection(
                  c.id(), "Inserted " + SignedMethods.urls(v.effective()).size() + " image(s)"));
        }
        if (method.equals("refreshFile")) {
          out.put("refresh", refresh(c, argument));
        }
      }
    }
    Map<String, Object> logged = new LinkedHashMap<>(out);
    logged.put("connection", c.id());
    logged.put("argument", argument);
    methodLog.add(logged);
    r.sendJson(200, out);
  }

  private List<Object> downloads(List<String> urls) {
    List<Object> out = new ArrayList<>();
    for (String u : urls) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("url", u);
      try {
        Path p = fetcher.fetch(URI.create(u), maxDownloadBytes);
        d.put("bytes", Files.size(p));
        d.put("outcome", "ok");
        Files.deleteIfExists(p);
      } catch (DocumentFetcher.FetchException | IOException | IllegalArgumentException e) {
        d.put("outcome", "failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        d.put("outcome", "interrupted");
      }
      out.add(d);
    }
    return out;
  }

  private Map<String, Object> refresh(Connection old, Map<String, Object> config)
      throws IOException {
    editing.leaveConnection(old.id());
    try {
      return editing.open(config).describe();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of("opened", false);
    }
  }

  private void poll(Request r) throws IOException {
    String id = r.query().getOrDefault("connection", "");
    Optional<Connection> c = editing.connection(id);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("open", c.isPresent());
    out.put("events", c.map(Connection::drain).orElse(List.of()));
    c.flatMap(x -> editing.session(x.key()))
        .ifPresent(
            s -> {
              out.put("title", s.title());
              out.put("editors", s.editors());
              out.put("dirty", s.dirty());
              out.put("state", s.state().name());
            });
    r.sendJson(200, out);
  }

  /**
   * @return every method call the editor frames reported, with the verdicts
   */
  public List<Map<String, Object>> methodLog() {
    return List.copyOf(methodLog);
  }
}
