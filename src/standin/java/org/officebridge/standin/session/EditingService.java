package org.officebridge.standin.session;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.officebridge.standin.callback.CallbackDispatcher;
import org.officebridge.standin.callback.ForcesaveType;
import org.officebridge.standin.callback.ForgottenFiles;
import org.officebridge.standin.office.SimulatedEditor;
import org.officebridge.standin.storage.FileStore;
import org.officebridge.standin.storage.SignedLinks;
import org.officebridge.standin.storage.StoredFile;

/**
 * The Docs API editing sessions: opening (verify, download once per key, join), simulated edits,
 * leaving, forcesave triggers of every type, and the session side of the command service. What is
 * sent to the callbackUrls, and when, is {@link SessionCallbacks}'s job.
 */
public final class EditingService {

  private static final System.Logger LOG = System.getLogger(EditingService.class.getName());

  /** sdkjs {@code c_oAscError.ID.UserDrop}, the error code events.md's onError links to. */
  static final int USER_DROP = -100;

  static final String DROPPED_TEXT =
      "Editing was stopped by the document manager; the document stays open for viewing.";

  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Collaborators and settings. */
  public record Parts(
      EditorConfigReader reader,
      DocumentFetcher fetcher,
      SimulatedEditor editor,
      FileStore store,
      SignedLinks links,
      CallbackDispatcher callbacks,
      ForgottenFiles forgotten,
      Clock clock,
      ScheduledExecutorService timers,
      Executor workers,
      Duration callbackDelay,
      long maxDownloadBytes,
      String serverVersion,
      org.officebridge.standin.formats.FormatTable formats) {}

  private final Parts p;
  private final SaveAssembler assembler;
  private final Map<String, DocSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final Map<String, Object> loading = new ConcurrentHashMap<>();
  private final SessionCallbacks callbacks;

  /**
   * @param parts collaborators and settings
   */
  public EditingService(Parts parts) {
    this.p = parts;
    this.assembler =
        new SaveAssembler(parts.store(), parts.formats(), parts.clock(), parts.serverVersion());
    this.callbacks = new SessionCallbacks(parts, assembler);
  }

  // ---- opening -------------------------------------------------------------------------------

  /**
   * Opens an editor from a config, as the editor frame does: verify, then join (downloading {@code
   * document.url} only when the key is new).
   *
   * @param rawConfig the config as given to {@code DocsAPI.DocEditor} (events are ignored)
   * @return the connection or the refusal
   * @throws InterruptedException when interrupted during the download
   */
  public OpenOutcome open(Map<String, Object> rawConfig) throws InterruptedException {
    EditorConfigReader.Result r = p.reader().read(rawConfig);
    if (r.error().isPresent()) {
      return OpenOutcome.refused(Optional.empty(), r.error().get());
    }
    EditorConfig c = r.config().orElseThrow();
    DocSession s = sessions.get(c.key());
    if (s == null) {
      Optional<EditorError> loadError = load(c);
      if (loadError.isPresent()) {
        return OpenOutcome.refused(Optional.of(c), loadError.get());
      }
    }
    s = sessions.get(c.key());
    synchronized (s) {
      EditorMode mode = s.editingBlocked ? EditorMode.VIEW : c.mode();
      if (mode == EditorMode.EDIT && s.keyUsed) {
        return OpenOutcome.refused(
            Optional.of(c),
            new EditorError(
                EditorError.Kind.OUTDATED,
                "The file version has been changed. The document must be opened with a new key."));
      }
      s.lastConfig = c.merged();
      return new OpenOutcome(
          Optional.of(attach(s, c.user(), mode, c.scope(), c.callbackUrl(), c.forcesaveButton())),
          Optional.of(c),
          Optional.empty());
    }
  }

  private Optional<EditorError> load(EditorConfig c) throws InterruptedException {
    synchronized (loading.computeIfAbsent(c.key(), k -> new Object())) {
      if (sessions.containsKey(c.key())) {
        return Optional.empty();
      }
      try {
        Path original = p.fetcher().fetch(c.url(), p.maxDownloadBytes());
        Path working = p.store().scratch();
        Path scratch = p.store().scratch();
        String workingType =
            p.editor().prepare(original, c.fileType(), c.title(), scratch, working);
        Files.deleteIfExists(original);
        Files.deleteIfExists(scratch);
        sessions.put(
            c.key(),
            new DocSession(
                c.key(), c.url(), c.fileType(), workingType, c.documentType(), c.title(), working));
        return Optional.empty();
      } catch (DocumentFetcher.FetchException | IOException e) {
        return Optional.of(new EditorError(EditorError.Kind.DOWNLOAD, EditorError.DOWNLOAD_TEXT));
      }
    }
  }

  /** Call with the session's monitor held. */
  private Connection attach(
      DocSession s,
      EditorUser user,
      EditorMode mode,
      EditScope scope,
      Optional<URI> callbackUrl,
      boolean forcesave) {
    if (s.pendingSave != null) {
      s.pendingSave.cancel(false);
      s.pendingSave = null;
    }
    s.state = DocSession.State.OPEN;
    Connection conn =
        new Connection(
            org.officebridge.standin.storage.FileStore.newId(),
            s.key,
            user,
            mode,
            scope,
            callbackUrl,
            forcesave);
    s.connections.add(conn);
    s.users.put(user.id(), user);
    connections.put(conn.id(), conn);
    if (mode == EditorMode.EDIT) {
      callbackUrl.ifPresent(u -> s.callbackUrls.put(user.id(), u));
      callbacks.joined(s, user.id());
    }
    return conn;
  }

  /**
   * Joins another user to an open session, as if they opened the same key in edit mode (their
   * callbackUrl is the session's most recent one).
   *
   * @param key the document key
   * @param user the user
   * @return the new connection
   * @throws IllegalStateException when the key has no session or may not be edited
   */
  public Connection join(String key, EditorUser user) {
    DocSession s = require(key);
    synchronized (s) {
      if (s.keyUsed || s.editingBlocked) {
        throw new IllegalStateException("key " + key + " cannot be edited any more");
      }
      Optional<URI> url = s.callbackUrls.values().stream().reduce((a, b) -> b);
      boolean forcesave = s.connections.stream().anyMatch(Connection::forcesaveButton);
      return attach(s, user, EditorMode.EDIT, EditScope.FULL, url, forcesave);
    }
  }

  // ---- editing -------------------------------------------------------------------------------

  /**
   * Makes one simulated change as the given user (their latest edit connection).
   *
   * @param key the document key
   * @param userId the user
   * @return the visible line added to the document
   */
  public String edit(String key, String userId) {
    DocSession s = require(key);
    synchronized (s) {
      return edit(s, editConnection(s, userId));
    }
  }

  /**
   * @param connectionId a connection
   * @return the visible line added (it starts with what the connection's scope may change, e.g.
   *     "Commented" for a comment-only user)
   */
  public String editByConnection(String connectionId) {
    return editByConnection(connectionId, null);
  }

  /**
   * @param connectionId a connection
   * @param what what the change was (the line starts with it), e.g. "Inserted image x.png"; null
   *     for the connection's kind of change
   * @return the visible line added
   */
  public String editByConnection(String connectionId, String what) {
    Connection c = requireConnection(connectionId);
    DocSession s = require(c.key());
    synchronized (s) {
      if (c.mode() != EditorMode.EDIT || !s.connections.contains(c)) {
        throw new IllegalStateException("connection cannot edit");
      }
      return edit(s, c, what);
    }
  }

  private String edit(DocSession s, Connection c) {
    return edit(s, c, null);
  }

  private String edit(DocSession s, Connection c, String what) {
    s.edits++;
    String line =
        (what == null ? c.scope().change() : what)
            + " by "
            + c.user().name()
            + " ("
            + c.user().id()
            + ") at "
            + p.clock().instant()
            + " - change #"
            + s.edits;
    try {
      Path next = p.store().scratch();
      Path scratch = p.store().scratch();
      p.editor().edit(s.content, s.workingType, s.title, line, scratch, next);
      Files.deleteIfExists(scratch);
      Path old = s.content;
      s.content = next;
      Files.deleteIfExists(old);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    s.dirty = true;
    s.modified = true;
    s.lastChanger = c.user().id();
    s.lastChange = p.clock().instant();
    s.changes.add(new DocSession.Change(CREATED.format(s.lastChange), c.user(), line));
    for (Connection other : s.connections) {
      other.push("edited", Map.of("user", c.user().describe(), "line", line, "self", other == c));
    }
    return line;
  }

  // ---- leaving -------------------------------------------------------------------------------

  /**
   * Closes the given user's latest connection.
   *
   * @param key the document key
   * @param userId the user
   */
  public void leave(String key, String userId) {
    DocSession s = require(key);
    synchronized (s) {
      Connection c =
          s.lastConnectionOf(userId, EditorMode.EDIT)
              .or(() -> s.lastConnectionOf(userId, null))
              .orElseThrow(() -> new IllegalStateException(userId + " is not connected"));
      detach(s, c);
    }
  }

  /**
   * @param connectionId a connection to close
   */
  public void leaveConnection(String connectionId) {
    Connection c = connections.get(connectionId);
    if (c == null) {
      return;
    }
    DocSession s = require(c.key());
    synchronized (s) {
      if (s.connections.contains(c)) {
        detach(s, c);
      }
    }
  }

  private void detach(DocSession s, Connection c) {
    s.connections.remove(c);
    connections.remove(c.id());
    if (c.mode() == EditorMode.EDIT) {
      editorLeft(s, c.user().id());
    }
  }

  /**
   * An editor is gone (left, or dropped to viewing): status 1, or, for the last one, the final save
   * (status 2 after the delay) when anything changed since the session opened, else status 4.
   */
  private void editorLeft(DocSession s, String userId) {
    if (!s.editors().isEmpty()) {
      callbacks.left(s, userId);
      return;
    }
    s.lastLeaver = userId;
    if (s.modified) {
      s.state = DocSession.State.SAVING;
      callbacks.scheduleFinalSave(s);
    } else {
      s.state = DocSession.State.CLOSED;
      callbacks.closedWithoutChanges(s, userId);
    }
  }

  // ---- forcesave -----------------------------------------------------------------------------

  /** What pressing Save did. */
  public enum SaveButton {
    /** A status 6 (or 7) callback with forcesavetype 1 was queued. */
    FORCESAVED,
    /** {@code customization.forcesave} is off: changes are kept, no callback. */
    NOT_ENABLED,
    /** Nothing changed since the last save. */
    NO_CHANGES
  }

  /**
   * The Save button of the user's latest edit connection.
   *
   * @param key the document key
   * @param userId the user who clicks
   * @return what happened
   */
  public SaveButton pressSave(String key, String userId) {
    DocSession s = require(key);
    synchronized (s) {
      return pressSave(s, editConnection(s, userId));
    }
  }

  /**
   * @param connectionId the connection whose Save button is clicked
   * @return what happened
   */
  public SaveButton pressSaveByConnection(String connectionId) {
    Connection c = requireConnection(connectionId);
    DocSession s = require(c.key());
    synchronized (s) {
      return pressSave(s, c);
    }
  }

  private SaveButton pressSave(DocSession s, Connection c) {
    if (!c.forcesaveButton()) {
      return SaveButton.NOT_ENABLED;
    }
    if (!s.dirty) {
      return SaveButton.NO_CHANGES;
    }
    callbacks.forcesave(s, ForcesaveType.BUTTON, c.user().id(), Optional.empty());
    return SaveButton.FORCESAVED;
  }

  /**
   * A PDF form's "Complete &amp; Submit" (forcesave type 3 with {@code formsdataurl}), sent to the
   * submitter's callbackUrl.
   *
   * @param key the document key
   * @param userId the submitter
   * @return completes with whether the callback was accepted (the frame then fires onSubmit)
   * @throws IllegalStateException when the document is not a PDF
   */
  public CompletableFuture<Boolean> submitForm(String key, String userId) {
    DocSession s = require(key);
    synchronized (s) {
      return submit(s, editConnection(s, userId));
    }
  }

  /**
   * @param connectionId the submitting connection
   * @return completes with whether the callback was accepted
   */
  public CompletableFuture<Boolean> submitFormByConnection(String connectionId) {
    Connection c = requireConnection(connectionId);
    DocSession s = require(c.key());
    synchronized (s) {
      return submit(s, c);
    }
  }

  private CompletableFuture<Boolean> submit(DocSession s, Connection c) {
    if (!s.workingType.equals("pdf")) {
      throw new IllegalStateException("only PDF forms can be submitted");
    }
    return callbacks.forcesave(s, ForcesaveType.FORM_SUBMIT, c.user().id(), Optional.empty());
  }

  /**
   * The server's timer forcesave ({@code autoAssembly}), type 2, when there are changes.
   *
   * @param key the document key
   * @return whether a forcesave was queued
   */
  public boolean forcesaveByTimer(String key) {
    DocSession s = require(key);
    synchronized (s) {
      if (!s.dirty || s.state != DocSession.State.OPEN) {
        return false;
      }
      callbacks.forcesave(s, ForcesaveType.TIMER, s.lastChanger, Optional.empty());
      return true;
    }
  }

  // ---- command service -----------------------------------------------------------------------

  /**
   * @param key a document key
   * @param userdata optional userdata
   * @return 0 (queued), 1 (no open session) or 4 (no changes)
   */
  public int commandForcesave(String key, Optional<String> userdata) {
    DocSession s = sessions.get(key);
    if (s == null) {
      return 1;
    }
    synchronized (s) {
      if (s.state != DocSession.State.OPEN || s.editors().isEmpty()) {
        return 1;
      }
      if (!s.dirty) {
        return 4;
      }
      callbacks.forcesave(s, ForcesaveType.COMMAND, s.lastChanger, userdata);
      return 0;
    }
  }

  /**
   * The {@code drop} command (drop.md): the users' edit connections stay open for viewing only,
   * each frame fires {@code onError} with {@code UserDrop} (-100), and the session goes on as if
   * they had left editing (status 1, or the final save / status 4 for the last editor).
   *
   * @param key a document key
   * @param users who to disconnect, or empty to block editing for everyone (8.3+)
   * @return 0, or 1 when the key has no open session
   */
  public int drop(String key, Optional<List<String>> users) {
    DocSession s = sessions.get(key);
    if (s == null) {
      return 1;
    }
    synchronized (s) {
      if (s.state != DocSession.State.OPEN) {
        return 1;
      }
      if (users.isEmpty()) {
        s.editingBlocked = true;
      }
      for (Connection c : new ArrayList<>(s.connections)) {
        boolean hit = users.map(u -> u.contains(c.user().id())).orElse(true);
        if (hit && c.mode() == EditorMode.EDIT) {
          c.toViewMode();
          c.push("dropped", Map.of("errorCode", USER_DROP, "errorDescription", DROPPED_TEXT));
          editorLeft(s, c.user().id());
        }
      }
      return 0;
    }
  }

  /**
   * @param key a document key
   * @return the ids of the users editing it, or empty when it has no session
   */
  public Optional<List<String>> editors(String key) {
    DocSession s = sessions.get(key);
    if (s == null) {
      return Optional.empty();
    }
    synchronized (s) {
      return Optional.of(s.editorIds());
    }
  }

  /**
   * The {@code info} command's push: a status 1 callback with the current users (and userdata) to
   * the most recent editor's callbackUrl, sent once, without retries.
   *
   * @param key a document key
   * @param userdata optional userdata
   * @return completes with whether it was accepted; empty when there is nowhere to send it
   */
  public Optional<CompletableFuture<Boolean>> pushInfo(String key, Optional<String> userdata) {
    DocSession s = require(key);
    synchronized (s) {
      return callbacks.info(s, userdata);
    }
  }

  /**
   * @param key a document key
   * @param title the new title
   * @return 0, or 1 when the key has no session
   */
  public int meta(String key, String title) {
    DocSession s = sessions.get(key);
    if (s == null) {
      return 1;
    }
    synchronized (s) {
      s.title = title;
      for (Connection c : s.connections) {
        c.push("onMetaChange", Map.of("title", title));
      }
      return 0;
    }
  }

  // ---- faults and views ----------------------------------------------------------------------

  /**
   * Makes the next save fail: 3 for the next final save, 7 for the next forcesave.
   *
   * @param key a document key, or empty for whichever document saves next
   * @param status 3 or 7
   */
  public void failNextSave(Optional<String> key, int status) {
    if (status != 3 && status != 7) {
      throw new IllegalArgumentException("status must be 3 or 7");
    }
    if (key.isEmpty()) {
      callbacks.failNext(status);
      return;
    }
    DocSession s = require(key.get());
    synchronized (s) {
      if (status == 3) {
        s.failNextFinal = status;
      } else {
        s.failNextForcesave = status;
      }
    }
  }

  /**
   * @return every session
   */
  public List<SessionView> sessions() {
    return sessions.values().stream().map(DocSession::view).toList();
  }

  /**
   * @param key a document key
   * @return its session
   */
  public Optional<SessionView> session(String key) {
    return Optional.ofNullable(sessions.get(key)).map(DocSession::view);
  }

  /**
   * @param connectionId a connection id
   * @return the connection, while open
   */
  public Optional<Connection> connection(String connectionId) {
    return Optional.ofNullable(connections.get(connectionId));
  }

  /**
   * @param key a document key
   * @return a fresh link to the session's current working copy (for downloadAs and Save As)
   * @throws IOException when the copy cannot be made
   */
  public StoredFile snapshot(String key) throws IOException {
    DocSession s = require(key);
    synchronized (s) {
      return assembler.assemble(s).document();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private DocSession require(String key) {
    DocSession s = sessions.get(key);
    if (s == null) {
      throw new IllegalStateException("no session for key " + key);
    }
    return s;
  }

  private Connection requireConnection(String id) {
    Connection c = connections.get(id);
    if (c == null) {
      throw new IllegalStateException("no such connection");
    }
    return c;
  }

  private static Connection editConnection(DocSession s, String userId) {
    return s.lastConnectionOf(userId, EditorMode.EDIT)
        .orElseThrow(() -> new IllegalStateException(userId + " is not editing " + s.key));
  }
}
