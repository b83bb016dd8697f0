package org.officebridge.standin.wopi;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.officebridge.standin.formats.Format;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.office.DocumentWriter;
import org.officebridge.standin.office.SimulatedEditor;
import org.officebridge.standin.session.DocumentFetcher;
import org.officebridge.standin.storage.FileStore;

/**
 * Drives a WOPI host as ONLYOFFICE does (digest §11-15): CheckFileInfo, Lock with the document id
 * as lock id, GetFile with {@code X-WOPI-MaxExpectedSize}, REFRESH_LOCK on a timer, PutFile (Save:
 * not autosave, not exit; timer: autosave; close: exit save, then Unlock), PutRelativeFile with a
 * UTF-7 suggested target (Save Copy As, form submit, and the convert flow with {@code
 * X-WOPI-FileConversion}), RenameFile with a UTF-7 requested name.
 *
 * <p>One class because every operation works under the same per-document monitor and lock state;
 * the requests themselves are built by {@link WopiHostCalls}.
 */
public final class WopiService {

  /** Collaborators and settings. */
  public record Parts(
      WopiClient client,
      SimulatedEditor editor,
      DocumentFetcher fetcher,
      FileStore store,
      FormatTable formats,
      java.time.Clock clock,
      ScheduledExecutorService timers,
      Executor workers,
      Duration saveDelay,
      Duration refreshLockInterval,
      long maxBytes) {}

  /** The default {@code FileNameMaxLength}. */
  static final int FILE_NAME_MAX = 250;

  private final Parts p;
  private final WopiHostCalls calls;
  private final Map<String, WopiDocument> documents = new ConcurrentHashMap<>();
  private final Map<String, WopiConnection> connections = new ConcurrentHashMap<>();
  private final Map<String, Object> opening = new ConcurrentHashMap<>();

  /**
   * @param parts collaborators and settings
   */
  public WopiService(Parts parts) {
    this.p = parts;
    this.calls =
        new WopiHostCalls(parts.client(), parts.formats(), parts.store(), parts.maxBytes());
  }

  /**
   * @param wopiSrc a WOPISrc
   * @return the DS document id: its last path segment, characters outside {@code [0-9A-Za-z-._=]}
   *     replaced with {@code _}, at most 240 characters
   */
  public static String documentId(String wopiSrc) {
    String path = URI.create(wopiSrc).getRawPath();
    String last = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    last = java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
    String id = last.replaceAll("[^0-9A-Za-z\\-._=]", "_");
    return id.length() > 240 ? id.substring(0, 240) : id;
  }

  // ---- opening -------------------------------------------------------------------------------

  /**
   * @param r the action URL invocation
   * @return the editor connection, the conversion's HostEditUrl, or the error
   * @throws InterruptedException when interrupted
   */
  public WopiOpening open(WopiRequest r) throws InterruptedException {
    if (r.wopiSrc() == null
        || r.wopiSrc().isBlank()
        || r.accessToken() == null
        || r.accessToken().isBlank()) {
      return WopiOpening.failed("WOPISrc and access_token are required");
    }
    String docId = documentId(r.wopiSrc());
    String session =
        Optional.ofNullable(documents.get(docId))
            .map(d -> d.sessionId)
            .orElse(java.util.UUID.randomUUID().toString());
    WopiClient.Call cfi =
        p.client().call("CheckFileInfo", "GET", r.wopiSrc(), "", r.accessToken(), session);
    r.sessionContext().ifPresent(sc -> cfi.header("X-WOPI-SessionContext", sc));
    WopiClient.Answer info = cfi.send();
    if (!info.ok()) {
      return WopiOpening.failed(
          "The document could not be loaded: CheckFileInfo answered HTTP " + info.status());
    }
    Map<String, Object> fileInfo;
    try {
      fileInfo = Json.parseObject(info.body());
    } catch (Json.JsonException e) {
      return WopiOpening.failed("The document could not be loaded: CheckFileInfo is not JSON");
    }
    Optional<String> baseName = Json.string(fileInfo, "BaseFileName").filter(s -> !s.isBlank());
    if (baseName.isEmpty()) {
      return WopiOpening.failed("The document could not be loaded: BaseFileName is missing");
    }
    String ext =
        Json.string(fileInfo, "FileExtension")
            .filter(s -> !s.isBlank())
            .map(s -> s.replaceFirst("^\\.", "").toLowerCase(java.util.Locale.ROOT))
            .orElse(FormatTable.extensionOf(baseName.get()));
    Optional<Format> format = p.formats().find(ext).filter(f -> f.type().isPresent());
    if (format.isEmpty()) {
      return WopiOpening.failed("The document could not be loaded: ." + ext + " is not supported");
    }
    Map<String, Object> shown = new LinkedHashMap<>(fileInfo);
    shown.remove("FileUrl");
    if (r.action().equals("convert")) {
      return convert(r, fileInfo, baseName.get(), ext, session);
    }
    boolean canWrite =
        !Json.bool(fileInfo, "ReadOnly").orElse(false)
            && (Json.bool(fileInfo, "UserCanWrite").orElse(false)
                || Json.bool(fileInfo, "UserCanReview").orElse(false)
                || Json.bool(fileInfo, "UserCanOnlyComment").orElse(false)
                || r.action().equals("formsubmit"));
    boolean edit = r.wantsEdit() && canWrite && format.get().editable();
    synchronized (opening.computeIfAbsent(docId, k -> new Object())) {
      return attach(r, docId, fileInfo, shown, baseName.get(), ext, edit, session);
    }
  }

  private WopiOpening attach(
      WopiRequest r,
      String docId,
      Map<String, Object> fileInfo,
      Map<String, Object> shown,
      String baseName,
      String ext,
      boolean edit,
      String session)
      throws InterruptedException {
    Optional<String> warning = Optional.empty();
    boolean supportsLocks = Json.bool(fileInfo, "SupportsLocks").orElse(false);
    WopiDocument doc = documents.get(docId);
    String version = Json.string(fileInfo, "Version").orElse("");
    if (doc != null) {
      synchronized (doc) {
        if (doc.connections.isEmpty() && doc.pendingClose == null && !version.equals(doc.version)) {
          documents.remove(docId);
          doc = null;
        }
      }
    }
    if (doc == null) {
      boolean blank = Json.number(fileInfo, "Size").orElse(-1L) == 0 && edit;
      try {
        Path original = blank ? uploadBlank(r, baseName, ext, session) : null;
        boolean locked = false;
        if (edit && supportsLocks) {
          WopiClient.Answer lock = calls.lock(r.wopiSrc(), docId, session, r.accessToken(), "LOCK");
          locked = lock.ok();
          if (!locked) {
            edit = false;
            warning = Optional.of(lockWarning(lock));
          }
        }
        if (!blank) {
          try {
            original = download(r, session);
          } catch (LoadException e) {
            if (locked) {
              calls.lock(r.wopiSrc(), docId, session, r.accessToken(), "UNLOCK");
            }
            throw e;
          }
        }
        doc = create(r, docId, fileInfo, baseName, ext, original, session);
        synchronized (doc) {
          doc.locked = locked;
          if (locked) {
            scheduleRefresh(doc);
          }
        }
      } catch (LoadException e) {
        return WopiOpening.failed(e.getMessage());
      }
    }
    synchronized (doc) {
      if (doc.pendingClose != null) {
        doc.pendingClose.cancel(false);
        doc.pendingClose = null;
      }
      if (edit && supportsLocks && !doc.locked) {
        WopiClient.Answer lock =
            calls.lock(doc.wopiSrc, doc.docId, doc.sessionId, r.accessToken(), "LOCK");
        if (lock.ok()) {
          doc.locked = true;
          scheduleRefresh(doc);
        } else {
          edit = false;
          warning = Optional.of(lockWarning(lock));
        }
      }
      WopiConnection c =
          new WopiConnection(
              FileStore.newId(),
              docId,
              r.accessToken(),
              r.accessTokenTtl(),
              shown,
              edit,
              r.uiLanguage(),
              r.docsApiConfig());
      doc.connections.add(c);
      if (edit) {
        doc.editors.add(c.userId());
      }
      connections.put(c.id(), c);
      return new WopiOpening(Optional.of(c), Optional.empty(), warning, Optional.empty(), Map.of());
    }
  }

  private static String lockWarning(WopiClient.Answer lock) {
    return "Lock failed (HTTP "
        + lock.status()
        + ", X-WOPI-Lock: "
        + lock.header("X-WOPI-Lock").orElse("")
        + "): opened for viewing";
  }

  private static final class LoadException extends Exception {
    LoadException(String message) {
      super(message);
    }
  }

  /** A new, empty file (Size 0): a blank document goes up by PutFile, without a lock. */
  private Path uploadBlank(WopiRequest r, String baseName, String ext, String session)
      throws InterruptedException, LoadException {
    try {
      Path original = p.store().scratch();
      Path scratch = p.store().scratch();
      try (OutputStream out = Files.newOutputStream(original)) {
        DocumentWriter.write(ext, baseName, List.of(), scratch, out);
      }
      Files.deleteIfExists(scratch);
      WopiClient.Answer put =
          calls
              .putFile(
                  r.wopiSrc(),
                  r.accessToken(),
                  session,
                  ext,
                  Optional.empty(),
                  List.of(),
                  new WopiHostCalls.PutFlags(false, false, false),
                  Optional.empty())
              .body(original)
              .send();
      if (!put.ok()) {
        throw new LoadException(
            "The blank document could not be uploaded: PutFile answered HTTP " + put.status());
      }
      return original;
    } catch (IOException e) {
      throw new LoadException("The blank document could not be made");
    }
  }

  private Path download(WopiRequest r, String session) throws InterruptedException, LoadException {
    try {
      Path original = p.store().scratch();
      WopiClient.Answer get = calls.getFile(r.wopiSrc(), r.accessToken(), session, original);
      if (get.status() != 200) {
        throw new LoadException(
            "The document could not be loaded: GetFile answered HTTP " + get.status());
      }
      return original;
    } catch (IOException e) {
      throw new LoadException("The document could not be loaded");
    }
  }

  private WopiDocument create(
      WopiRequest r,
      String docId,
      Map<String, Object> fileInfo,
      String baseName,
      String ext,
      Path original,
      String session)
      throws LoadException {
    try {
      Path working = p.store().scratch();
      Path scratch = p.store().scratch();
      String workingType = p.editor().prepare(original, ext, baseName, scratch, working);
      Files.deleteIfExists(original);
      Files.deleteIfExists(scratch);
      WopiDocument doc =
          new WopiDocument(docId, r.wopiSrc(), session, ext, workingType, baseName, working);
      doc.version = Json.string(fileInfo, "Version").orElse("");
      doc.lastModifiedTime = Json.string(fileInfo, "LastModifiedTime").filter(s -> !s.isBlank());
      documents.put(docId, doc);
      return doc;
    } catch (IOException e) {
      throw new LoadException("The document could not be read");
    }
  }

  private WopiOpening convert(
      WopiRequest r, Map<String, Object> fileInfo, String baseName, String ext, String session)
      throws InterruptedException {
    if (r.accessTokenTtl() == 0) {
      return WopiOpening.failed("access_token_ttl must be set for convert");
    }
    String target = r.convertTarget().orElse("docx");
    try {
      Path original = p.store().scratch();
      WopiClient.Answer get = calls.getFile(r.wopiSrc(), r.accessToken(), session, original);
      if (get.status() != 200) {
        return WopiOpening.failed(
            "The document could not be converted: GetFile answered HTTP " + get.status());
      }
      Path converted = calls.convertFile(original, ext, target, baseName);
      WopiClient.Answer put =
          calls
              .putRelative(r.wopiSrc(), r.accessToken(), session, "." + target, converted, target)
              .header("X-WOPI-FileConversion", "true")
              .send();
      Files.deleteIfExists(original);
      Files.deleteIfExists(converted);
      if (!put.ok()) {
        return WopiOpening.failed(
            "The converted document could not be stored: PutRelativeFile answered HTTP "
                + put.status());
      }
      Map<String, Object> answer = Json.parseObject(put.body());
      Optional<String> hostEditUrl = Json.string(answer, "HostEditUrl");
      if (hostEditUrl.isEmpty()) {
        return WopiOpening.failed("PutRelativeFile answered without HostEditUrl");
      }
      return new WopiOpening(
          Optional.empty(), Optional.empty(), Optional.empty(), hostEditUrl, answer);
    } catch (IOException | Json.JsonException e) {
      return WopiOpening.failed("The document could not be converted");
    }
  }

  // ---- requests ------------------------------------------------------------------------------

  private WopiClient.Answer lock(WopiDocument doc, String token, String override)
      throws InterruptedException {
    return calls.lock(doc.wopiSrc, doc.docId, doc.sessionId, token, override);
  }

  /** Call with the document's monitor held. */
  private WopiClient.Answer putFile(
      WopiDocument doc, WopiConnection by, boolean autosave, boolean exit)
      throws InterruptedException, IOException {
    Path body = p.store().scratch();
    Files.copy(doc.content, body, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try {
      WopiClient.Answer a =
          calls
              .putFile(
                  doc.wopiSrc,
                  by.accessToken(),
                  doc.sessionId,
                  doc.workingType,
                  doc.locked ? Optional.of(doc.docId) : Optional.empty(),
                  new ArrayList<>(doc.editors),
                  new WopiHostCalls.PutFlags(doc.dirty, autosave, exit),
                  doc.lastModifiedTime)
              .body(body)
              .send();
      if (a.ok()) {
        doc.dirty = false;
        try {
          Json.string(Json.parseObject(a.body()), "LastModifiedTime")
              .ifPresent(t -> doc.lastModifiedTime = Optional.of(t));
        } catch (Json.JsonException e) {
          // an empty or non-JSON body is fine
        }
      }
      return a;
    } finally {
      Files.deleteIfExists(body);
    }
  }

  private void scheduleRefresh(WopiDocument doc) {
    long every = Math.max(1, p.refreshLockInterval().toMillis());
    doc.refreshTask =
        p.timers()
            .scheduleWithFixedDelay(
                () -> p.workers().execute(() -> refreshQuietly(doc)),
                every,
                every,
                TimeUnit.MILLISECONDS);
  }

  private void refreshQuietly(WopiDocument doc) {
    try {
      synchronized (doc) {
        if (doc.locked && doc.lockHolder() != null) {
          lock(doc, doc.lockHolder().accessToken(), "REFRESH_LOCK");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- user actions --------------------------------------------------------------------------

  /**
   * A simulated change by the connection's user.
   *
   * @param connectionId an edit connection
   * @param what what the change was
   * @return the visible line added
   */
  public String edit(String connectionId, String what) {
    WopiConnection c = require(connectionId);
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      if (!c.edit() || !doc.connections.contains(c)) {
        throw new IllegalStateException("connection cannot edit");
      }
      doc.edits++;
      String line =
          what
              + " by "
              + c.userName()
              + " ("
              + c.userId()
              + ") at "
              + p.clock().instant()
              + " - change #"
              + doc.edits;
      try {
        Path next = p.store().scratch();
        Path scratch = p.store().scratch();
        p.editor().edit(doc.content, doc.workingType, doc.baseFileName, line, scratch, next);
        Files.deleteIfExists(scratch);
        Files.deleteIfExists(doc.content);
        doc.content = next;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      doc.dirty = true;
      doc.lastChanger = c;
      return line;
    }
  }

  /**
   * Save (forcesave) as PutFile: not autosave (Save button) or autosave (timer), never exit save.
   *
   * @param connectionId an edit connection
   * @param autosave true for the timer, false for the Save button
   * @return the host's answer, or empty when there was nothing to save
   * @throws InterruptedException when interrupted
   */
  public Optional<WopiClient.Answer> save(String connectionId, boolean autosave)
      throws InterruptedException {
    WopiConnection c = require(connectionId);
    if (!c.edit()) {
      throw new IllegalStateException("a view connection cannot save");
    }
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      if (!doc.dirty) {
        return Optional.empty();
      }
      try {
        return Optional.of(putFile(doc, c, autosave, false));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * Closes a connection. When the last editor leaves: after the save delay, PutFile with
   * IsExitSave=true if there are changes, then Unlock, both with the token of a user who could edit
   * (see {@link WopiDocument#exitSaver()}); a viewer closing changes nothing.
   *
   * @param connectionId a connection
   */
  public void close(String connectionId) {
    WopiConnection c = connections.remove(connectionId);
    if (c == null) {
      return;
    }
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      doc.connections.remove(c);
      if (!c.edit()) {
        return;
      }
      doc.lastEditorLeft = c;
      if (!doc.editConnections().isEmpty() || (!doc.locked && !doc.dirty)) {
        return;
      }
      doc.pendingClose =
          p.timers()
              .schedule(
                  () -> p.workers().execute(() -> finish(doc)),
                  doc.dirty ? p.saveDelay().toMillis() : 0,
                  TimeUnit.MILLISECONDS);
    }
  }

  private void finish(WopiDocument doc) {
    synchronized (doc) {
      if (!doc.editConnections().isEmpty() || doc.pendingClose == null) {
        return;
      }
      doc.pendingClose = null;
      try {
        WopiConnection saver = doc.exitSaver();
        if (doc.dirty) {
          putFile(doc, saver, false, true);
        }
        if (doc.locked) {
          lock(doc, saver.accessToken(), "UNLOCK");
          doc.locked = false;
          if (doc.refreshTask != null) {
            doc.refreshTask.cancel(false);
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * RenameFile with the UTF-7 requested name (without extension, cut to FileNameMaxLength).
   *
   * @param connectionId an edit connection whose user may rename
   * @param requested the new name, with or without the extension
   * @return the answer: status, the final name, the invalid-name reason if any
   * @throws InterruptedException when interrupted
   */
  public Map<String, Object> rename(String connectionId, String requested)
      throws InterruptedException {
    WopiConnection c = require(connectionId);
    if (!c.edit() || !c.flag("SupportsRename") || !c.flag("UserCanRename")) {
      throw new IllegalStateException(
          "rename is not available (needs edit mode, SupportsRename and UserCanRename)");
    }
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      String name =
          requested.endsWith("." + doc.fileType)
              ? requested.substring(0, requested.length() - doc.fileType.length() - 1)
              : requested;
      long max =
          Json.number(c.checkFileInfo(), "FileNameMaxLength")
              .filter(n -> n > 0)
              .orElse((long) FILE_NAME_MAX);
      if (name.length() > max) {
        name = name.substring(0, (int) max);
      }
      WopiClient.Call call =
          p.client()
              .call("RenameFile", "POST", doc.wopiSrc, "", c.accessToken(), doc.sessionId)
              .header("X-WOPI-Override", "RENAME_FILE")
              .header("X-WOPI-RequestedName", Utf7.encode(name));
      if (doc.locked) {
        call.header("X-WOPI-Lock", doc.docId);
      }
      WopiClient.Answer a = call.send();
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("status", a.status());
      if (a.ok()) {
        String fin = name;
        try {
          fin = Json.string(Json.parseObject(a.body()), "Name").orElse(name);
        } catch (Json.JsonException e) {
          // empty body: the requested name was used
        }
        doc.baseFileName = fin + "." + doc.fileType;
        out.put("name", fin);
        for (WopiConnection other : doc.connections) {
          other.push("renamed", Map.of("name", fin, "baseFileName", doc.baseFileName));
        }
      }
      a.header("X-WOPI-InvalidFileNameError").ifPresent(e -> out.put("invalidFileNameError", e));
      return out;
    }
  }

  /**
   * REFRESH_LOCK now.
   *
   * @param connectionId a connection of a locked document
   * @return the HTTP status
   * @throws InterruptedException when interrupted
   */
  public int refreshLock(String connectionId) throws InterruptedException {
    WopiConnection c = require(connectionId);
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      if (!doc.locked) {
        throw new IllegalStateException("the document is not locked");
      }
      return lock(doc, c.accessToken(), "REFRESH_LOCK").status();
    }
  }

  /**
   * Save Copy As: PutRelativeFile with the UTF-7 suggested target, converted to its extension.
   *
   * @param connectionId a connection whose user may write relative
   * @param target a file name ("Copy.pdf") or an extension (".pdf")
   * @return the status and the host's JSON answer
   * @throws InterruptedException when interrupted
   */
  public Map<String, Object> saveAs(String connectionId, String target)
      throws InterruptedException {
    WopiConnection c = require(connectionId);
    if (c.flag("UserCanNotWriteRelative")) {
      throw new IllegalStateException("UserCanNotWriteRelative: Save Copy As is not available");
    }
    return putRelative(c, target, false);
  }

  /**
   * A PDF form's Complete &amp; Submit, which under WOPI is a PutRelativeFile.
   *
   * @param connectionId an edit connection of a pdf
   * @return the status and the host's JSON answer
   * @throws InterruptedException when interrupted
   */
  public Map<String, Object> submitForm(String connectionId) throws InterruptedException {
    WopiConnection c = require(connectionId);
    WopiDocument doc = documents.get(c.docId());
    if (!doc.workingType.equals("pdf")) {
      throw new IllegalStateException("only PDF forms can be submitted");
    }
    return putRelative(c, doc.baseFileName, false);
  }

  private Map<String, Object> putRelative(WopiConnection c, String target, boolean conversion)
      throws InterruptedException {
    WopiDocument doc = documents.get(c.docId());
    synchronized (doc) {
      String ext = FormatTable.extensionOf(target.startsWith(".") ? "x" + target : target);
      ext = ext.isEmpty() ? doc.workingType : ext;
      try {
        Path body = calls.convertFile(doc.content, doc.workingType, ext, doc.baseFileName);
        WopiClient.Call call =
            calls.putRelative(doc.wopiSrc, c.accessToken(), doc.sessionId, target, body, ext);
        if (conversion) {
          call.header("X-WOPI-FileConversion", "true");
        }
        WopiClient.Answer a = call.send();
        Files.deleteIfExists(body);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", a.status());
        try {
          out.put("answer", a.ok() ? Json.parseObject(a.body()) : Map.of());
        } catch (Json.JsonException e) {
          out.put("answer", Map.of());
        }
        return out;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /**
   * Action_InsertGraphic: downloads the host's one-time image URL and inserts it (a simulated
   * edit).
   *
   * @param connectionId an edit connection
   * @param url the image URL
   * @return the visible line added
   * @throws InterruptedException when interrupted
   */
  public String insertGraphic(String connectionId, String url) throws InterruptedException {
    try {
      Path image = p.fetcher().fetch(URI.create(url), p.maxBytes());
      long size = Files.size(image);
      Files.deleteIfExists(image);
      return edit(connectionId, "Inserted image (" + size + " bytes)");
    } catch (DocumentFetcher.FetchException | IOException | IllegalArgumentException e) {
      throw new IllegalStateException("the image could not be downloaded");
    }
  }

  // ---- views ---------------------------------------------------------------------------------

  private WopiConnection require(String id) {
    WopiConnection c = connections.get(id);
    if (c == null) {
      throw new IllegalStateException("no such WOPI connection");
    }
    return c;
  }

  /**
   * @param id a connection id
   * @return the connection, while open
   */
  public Optional<WopiConnection> connection(String id) {
    return Optional.ofNullable(connections.get(id));
  }

  /**
   * @param id a connection id
   * @return events for its frame (renames by others), removed from the queue
   */
  public List<Map<String, Object>> drain(String id) {
    return connection(id).map(WopiConnection::drain).orElse(List.of());
  }

  /**
   * @param docId a document id
   * @return the document's state
   */
  public Optional<Map<String, Object>> document(String docId) {
    return Optional.ofNullable(documents.get(docId)).map(WopiDocument::describe);
  }

  /**
   * @return every WOPI document session
   */
  public List<Map<String, Object>> documents() {
    return documents.values().stream().map(WopiDocument::describe).toList();
  }

  /**
   * @return the WOPI client (for its request log)
   */
  public WopiClient client() {
    return p.client();
  }
}
