package org.officebridge.standin.wopi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One WOPI co-editing session, per document id: the cached working copy, the lock, who is
 * connected. Guarded by its own monitor; only {@link WopiService} mutates it.
 */
final class WopiDocument {

  final String docId;
  final String wopiSrc;
  final String sessionId;
  final String fileType;
  final String workingType;
  String baseFileName;
  String version;
  Path content;
  boolean locked;
  boolean dirty;
  int edits;
  Optional<String> lastModifiedTime = Optional.empty();
  final List<WopiConnection> connections = new ArrayList<>();
  final Set<String> editors = new LinkedHashSet<>();

  /** Who made the last change: the exit save uses their access token. */
  WopiConnection lastChanger;

  /** The last edit connection that closed: the lock calls fall back to its access token. */
  WopiConnection lastEditorLeft;

  ScheduledFuture<?> refreshTask;
  ScheduledFuture<?> pendingClose;

  WopiDocument(
      String docId,
      String wopiSrc,
      String sessionId,
      String fileType,
      String workingType,
      String baseFileName,
      Path content) {
    this.docId = docId;
    this.wopiSrc = wopiSrc;
    this.sessionId = sessionId;
    this.fileType = fileType;
    this.workingType = workingType;
    this.baseFileName = baseFileName;
    this.content = content;
  }

  List<WopiConnection> editConnections() {
    return connections.stream().filter(WopiConnection::edit).toList();
  }

  /**
   * @return whose access token the lock calls use: the most recent edit connection, else the last
   *     one that closed (never a viewer's: a view-only token may not lock or write)
   */
  WopiConnection lockHolder() {
    List<WopiConnection> editing = editConnections();
    return editing.isEmpty() ? lastEditorLeft : editing.get(editing.size() - 1);
  }

  /**
   * @return whose access token the exit save and the Unlock after it use: the last changer's, as
   *     status 2 goes to the last changer's callbackUrl in the Docs API (digest §3); the lock
   *     holder's when nothing changed
   */
  WopiConnection exitSaver() {
    return dirty && lastChanger != null ? lastChanger : lockHolder();
  }

  synchronized Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("docId", docId);
    m.put("wopiSrc", wopiSrc);
    m.put("baseFileName", baseFileName);
    m.put("fileType", fileType);
    m.put("workingType", workingType);
    m.put("locked", locked);
    m.put("lockId", docId);
    m.put("dirty", dirty);
    m.put("edits", edits);
    m.put("connections", connections.stream().map(WopiConnection::describe).toList());
    return m;
  }
}
