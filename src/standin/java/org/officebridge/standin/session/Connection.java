package org.officebridge.standin.session;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One open editor (a browser tab, or a simulated one): a user, a mode and what it may change, the
 * callbackUrl from that tab's config, and the queue of events the tab's frame has not fetched yet.
 * The mode only ever goes from edit to view (command service {@code drop}), under the session's
 * monitor.
 */
public final class Connection {

  private final String id;
  private final String key;
  private final EditorUser user;
  private volatile EditorMode mode;
  private final EditScope scope;
  private final Optional<URI> callbackUrl;
  private final boolean forcesaveButton;
  private final List<Map<String, Object>> events = new ArrayList<>();

  Connection(
      String id,
      String key,
      EditorUser user,
      EditorMode mode,
      EditScope scope,
      Optional<URI> callbackUrl,
      boolean forcesaveButton) {
    this.id = id;
    this.key = key;
    this.user = user;
    this.mode = mode;
    this.scope = scope;
    this.callbackUrl = callbackUrl;
    this.forcesaveButton = forcesaveButton;
  }

  /**
   * @return the connection id
   */
  public String id() {
    return id;
  }

  /**
   * @return the document key
   */
  public String key() {
    return key;
  }

  /**
   * @return the user
   */
  public EditorUser user() {
    return user;
  }

  /**
   * @return the mode
   */
  public EditorMode mode() {
    return mode;
  }

  /**
   * @return what an edit connection may change ({@link EditScope#FULL} for viewers)
   */
  public EditScope scope() {
    return scope;
  }

  /** The user may only view from now on ({@code drop}); call with the session's monitor held. */
  void toViewMode() {
    mode = EditorMode.VIEW;
  }

  /**
   * @return this tab's callbackUrl
   */
  public Optional<URI> callbackUrl() {
    return callbackUrl;
  }

  /**
   * @return whether the Save button sends a forcesave (type 1)
   */
  public boolean forcesaveButton() {
    return forcesaveButton;
  }

  /**
   * Queues an event for the tab's frame.
   *
   * @param type what happened (e.g. {@code onMetaChange}, {@code dropped})
   * @param data its data
   */
  public synchronized void push(String type, Object data) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", type);
    e.put("data", data);
    events.add(e);
  }

  /**
   * @return the queued events, removed from the queue
   */
  public synchronized List<Map<String, Object>> drain() {
    List<Map<String, Object>> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /**
   * @return {@code {id, user, mode}}
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("user", user.describe());
    m.put("mode", mode.code());
    m.put("scope", mode == EditorMode.EDIT ? scope.code() : null);
    m.put("callbackUrl", callbackUrl.map(URI::toString).orElse(null));
    m.put("forcesaveButton", forcesaveButton);
    return m;
  }
}
