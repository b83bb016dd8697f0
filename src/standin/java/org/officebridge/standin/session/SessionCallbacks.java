package org.officebridge.standin.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.officebridge.standin.callback.CallbackStatus;
import org.officebridge.standin.callback.ForcesaveType;
import org.officebridge.standin.callback.ForgottenFiles;

/**
 * What a session sends to the callbackUrls (digest §3): status 1 on join and leave, 4 when the last
 * editor leaves without changes, 2 (or 3) after the save delay to the last changer, 6 (or 7) for
 * forcesaves to the user the type names, and the {@code info} push. Every method that takes a
 * session expects its monitor to be held.
 */
final class SessionCallbacks {

  private static final System.Logger LOG = System.getLogger(SessionCallbacks.class.getName());

  private final EditingService.Parts p;
  private final SaveAssembler assembler;
  private volatile boolean failNextFinal;
  private volatile boolean failNextForcesave;

  SessionCallbacks(EditingService.Parts p, SaveAssembler assembler) {
    this.p = p;
    this.assembler = assembler;
  }

  void joined(DocSession s, String userId) {
    Map<String, Object> body = body(s, CallbackStatus.EDITING);
    body.put("users", s.editorIds());
    body.put("actions", List.of(action(1, userId)));
    sendTo(s, userId, body);
  }

  void left(DocSession s, String userId) {
    Map<String, Object> body = body(s, CallbackStatus.EDITING);
    body.put("users", s.editorIds());
    body.put("actions", List.of(action(0, userId)));
    sendTo(s, userId, body);
  }

  void closedWithoutChanges(DocSession s, String userId) {
    Map<String, Object> body = body(s, CallbackStatus.CLOSED);
    body.put("actions", List.of(action(0, userId)));
    sendTo(s, userId, body);
  }

  /** The last editor left with changes: status 2 after the delay, unless someone comes back. */
  void scheduleFinalSave(DocSession s) {
    s.pendingSave =
        p.timers()
            .schedule(
                () -> p.workers().execute(() -> finalSave(s)),
                p.callbackDelay().toMillis(),
                TimeUnit.MILLISECONDS);
  }

  private void finalSave(DocSession s) {
    CallbackStatus status;
    Map<String, Object> body;
    SaveAssembler.Assembled a;
    String target;
    synchronized (s) {
      if (s.state != DocSession.State.SAVING || !s.editors().isEmpty()) {
        return;
      }
      s.pendingSave = null;
      status = takeFail(s, true) ? CallbackStatus.SAVE_ERROR : CallbackStatus.MUST_SAVE;
      try {
        a = assembler.assemble(s);
      } catch (IOException e) {
        LOG.log(Level.WARNING, "final save assembly failed key=" + s.key, e);
        return;
      }
      body = body(s, status);
      putSave(body, a);
      if (s.forcesavedEdits == s.edits) {
        body.put("notmodified", true);
      }
      body.put("history", a.history());
      body.put("users", List.of(s.lastChanger));
      body.put("actions", List.of(action(0, s.lastLeaver)));
      target = s.lastChanger;
    }
    sendTo(s, target, body).thenAccept(accepted -> finished(s, status, accepted, a));
  }

  private void finished(
      DocSession s, CallbackStatus status, boolean accepted, SaveAssembler.Assembled a) {
    synchronized (s) {
      if (accepted && status == CallbackStatus.MUST_SAVE) {
        s.keyUsed = true;
        s.dirty = false;
        s.modified = false;
        s.changes.clear();
      }
      if (!accepted) {
        p.forgotten().put(new ForgottenFiles.Forgotten(s.key, a.document(), p.clock().instant()));
      }
      if (s.state == DocSession.State.SAVING) {
        s.state = DocSession.State.CLOSED;
      }
    }
  }

  /**
   * A status 6 (or 7) callback; the callbackUrl is {@code userId}'s (clicker, submitter, last
   * changer). A status 6 marks the changes as forcesaved; a 7 leaves them unsaved, so the final
   * save still brings them. {@code notmodified} is true when nothing changed since the last
   * forcesave the host accepted.
   */
  CompletableFuture<Boolean> forcesave(
      DocSession s, ForcesaveType type, String userId, Optional<String> userdata) {
    CallbackStatus status =
        takeFail(s, false) ? CallbackStatus.FORCESAVE_ERROR : CallbackStatus.FORCESAVED;
    Map<String, Object> body = body(s, status);
    try {
      SaveAssembler.Assembled a = assembler.assemble(s);
      if (type == ForcesaveType.FORM_SUBMIT) {
        body.put(
            "formsdataurl", p.links().link(assembler.formsData(s, s.users.get(userId))).toString());
      }
      putSave(body, a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    body.put("users", List.of(userId));
    if (type == ForcesaveType.BUTTON) {
      body.put("actions", List.of(action(2, userId)));
    }
    body.put("forcesavetype", type.code());
    userdata.ifPresent(u -> body.put("userdata", u));
    if (s.forcesavedEdits == s.edits) {
      body.put("notmodified", true);
    }
    if (status == CallbackStatus.FORCESAVED) {
      s.dirty = false;
    }
    int edits = s.edits;
    return sendTo(s, userId, body)
        .thenApply(
            accepted -> {
              if (accepted && status == CallbackStatus.FORCESAVED) {
                synchronized (s) {
                  s.forcesavedEdits = Math.max(s.forcesavedEdits, edits);
                }
              }
              return accepted;
            });
  }

  /** The {@code info} push: status 1 with the users (and userdata), once, no retries. */
  Optional<CompletableFuture<Boolean>> info(DocSession s, Optional<String> userdata) {
    Optional<String> who = s.editors().stream().map(c -> c.user().id()).reduce((a, b) -> b);
    Optional<String> target = who.or(() -> s.callbackUrls.keySet().stream().reduce((a, b) -> b));
    if (target.isEmpty() || !s.callbackUrls.containsKey(target.get())) {
      return Optional.empty();
    }
    Map<String, Object> body = body(s, CallbackStatus.EDITING);
    body.put("users", s.editorIds());
    userdata.ifPresent(u -> body.put("userdata", u));
    return Optional.of(p.callbacks().send(s.key, s.callbackUrls.get(target.get()), body, false));
  }

  /** The next final save (3) or forcesave (7) of any document fails. */
  void failNext(int status) {
    if (status == 3) {
      failNextFinal = true;
    } else {
      failNextForcesave = true;
    }
  }

  private boolean takeFail(DocSession s, boolean finalSave) {
    boolean fail;
    if (finalSave) {
      fail = s.failNextFinal != null || failNextFinal;
      s.failNextFinal = null;
      failNextFinal = false;
    } else {
      fail = s.failNextForcesave != null || failNextForcesave;
      s.failNextForcesave = null;
      failNextForcesave = false;
    }
    return fail;
  }

  private static Map<String, Object> body(DocSession s, CallbackStatus status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", s.key);
    body.put("status", status.code());
    return body;
  }

  private void putSave(Map<String, Object> body, SaveAssembler.Assembled a) {
    body.put("url", p.links().link(a.document()).toString());
    body.put("changesurl", p.links().link(a.changes()).toString());
    body.put("lastsave", a.lastsave());
    body.put("filetype", a.document().fileType());
  }

  private static Map<String, Object> action(int type, String userId) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("type", type);
    a.put("userid", userId);
    return a;
  }

  private CompletableFuture<Boolean> sendTo(DocSession s, String userId, Map<String, Object> body) {
    URI url = s.callbackUrls.get(userId);
    if (url == null) {
      url = s.callbackUrls.values().stream().reduce((a, b) -> b).orElse(null);
    }
    if (url == null) {
      return CompletableFuture.completedFuture(false);
    }
    return p.callbacks().send(s.key, url, body, true);
  }
}
