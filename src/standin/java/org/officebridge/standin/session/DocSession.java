package org.officebridge.standin.session;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.officebridge.standin.formats.DocumentType;

/**
 * One co-editing session, per document key, as the DS keeps it: the cached working copy, who is
 * connected, who changed what since the last save, and where the session stands. Guarded by its own
 * monitor; only {@link EditingService} mutates it.
 */
public final class DocSession {

  /** Where a session stands. */
  public enum State {
    /** Editors may be connected. */
    OPEN,
    /** The last editor left with changes; the final save is pending or in flight. */
    SAVING,
    /** Nobody is connected; the cached copy is kept. */
    CLOSED
  }

  /**
   * One change, for {@code history.changes}.
   *
   * @param created when, as {@code yyyy-MM-dd HH:mm:ss} (UTC)
   * @param user who
   * @param text the line the simulated edit added
   */
  public record Change(String created, EditorUser user, String text) {}

  final String key;
  final URI sourceUrl;
  final String fileType;
  final String workingType;
  final DocumentType documentType;
  String title;
  Path content;
  State state = State.OPEN;
  final List<Connection> connections = new ArrayList<>();
  final Map<String, URI> callbackUrls = new LinkedHashMap<>();
  final Map<String, EditorUser> users = new LinkedHashMap<>();
  String lastChanger;
  String lastLeaver;

  /** Changes not yet forcesaved (a failed forcesave, status 7, leaves them unsaved). */
  boolean dirty;

  /** Changes since the session opened: the last editor leaving then gives status 2, not 4. */
  boolean modified;

  /** {@link #edits} when the last forcesave the host accepted was made; -1 before any. */
  int forcesavedEdits = -1;

  final List<Change> changes = new ArrayList<>();
  int edits;
  Instant lastChange;
  boolean keyUsed;
  boolean editingBlocked;
  ScheduledFuture<?> pendingSave;
  Integer failNextFinal;
  Integer failNextForcesave;
  Map<String, Object> lastConfig;

  DocSession(
      String key,
      URI sourceUrl,
      String fileType,
      String workingType,
      DocumentType documentType,
      String title,
      Path content) {
    this.key = key;
    this.sourceUrl = sourceUrl;
    this.fileType = fileType;
    this.workingType = workingType;
    this.documentType = documentType;
    this.title = title;
    this.content = content;
  }

  List<Connection> editors() {
    return connections.stream().filter(c -> c.mode() == EditorMode.EDIT).toList();
  }

  List<String> editorIds() {
    return new ArrayList<>(
        new LinkedHashSet<>(editors().stream().map(c -> c.user().id()).toList()));
  }

  Optional<Connection> lastConnectionOf(String userId, EditorMode mode) {
    for (int i = connections.size() - 1; i >= 0; i--) {
      Connection c = connections.get(i);
      if (c.user().id().equals(userId) && (mode == null || c.mode() == mode)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  synchronized SessionView view() {
    return new SessionView(
        key,
        state,
        title,
        fileType,
        workingType,
        documentType.code(),
        sourceUrl,
        editorIds(),
        connections.stream().map(Connection::describe).toList(),
        dirty,
        modified,
        edits,
        Optional.ofNullable(lastChanger),
        keyUsed,
        editingBlocked);
  }

  /**
   * @return the document key
   */
  public String key() {
    return key;
  }
}
