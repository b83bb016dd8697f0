package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.LimitedInputStream;
import org.officebridge.documentserver.SizeLimitExceededException;
import org.officebridge.host.HostServices;
import org.officebridge.platform.LogLine;
import org.officebridge.platform.Metrics;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * GetFile and PutFile: a file's content out of and into the DMS, streamed both ways. A PutFile
 * under a lock is stored against the version the lock's session is based on; when the file was
 * changed outside the editor meanwhile, the client's content is kept as a conflict copy beside it
 * instead of overwriting the other change, and the client is told with a 409.
 */
@ApplicationScoped
public class WopiContents {

  private static final Logger LOG = Logger.getLogger(WopiContents.class.getName());
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH-mm-ss").withZone(ZoneOffset.UTC);

  @Inject HostServices host;
  @Inject WopiLocks locks;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Metrics metrics;

  /**
   * GetFile.
   *
   * @param call the admitted request
   * @param maxExpectedSize {@code X-WOPI-MaxExpectedSize}, if sent
   * @return the content, for the caller to stream and close
   * @throws WopiException 412 when larger than the client accepts, 413 when larger than the limit
   * @throws HostException when the DMS cannot open it
   */
  public Content open(WopiCall call, OptionalLong maxExpectedSize) throws HostException {
    long max = maxExpectedSize.orElse(Integer.MAX_VALUE);
    Content content = host.documents().openContent(call.document());
    long size = content.info().size();
    if (size > max || size > settings.limits().maxFileSize()) {
      try {
        content.close();
      } catch (IOException e) {
        // nothing was read; closing failed, and it does not matter
      }
      throw size > max
          ? WopiException.preconditionFailed("the file is larger than X-WOPI-MaxExpectedSize")
          : WopiException.tooLarge("the file is larger than limits.max-file-size");
    }
    return content;
  }

  /**
   * What a PutFile request says about itself.
   *
   * @param lockId {@code X-WOPI-Lock}
   * @param editors {@code X-WOPI-Editors}
   * @param exitSave {@code X-LOOL-WOPI-IsExitSave}
   * @param autosave {@code X-LOOL-WOPI-IsAutosave}
   * @param declaredSize the Content-Length, or -1
   */
  public record PutFileRequest(
      Optional<String> lockId,
      Optional<String> editors,
      Optional<String> exitSave,
      Optional<String> autosave,
      long declaredSize) {}

  /**
   * PutFile.
   *
   * @param call the admitted request
   * @param request the request's headers
   * @param body the new content
   * @return the stored version
   * @throws WopiException 401 without the edit right, 409 on a lock mismatch, 413 when too large
   * @throws HostException when the DMS fails
   */
  public DocumentInfo store(WopiCall call, PutFileRequest request, InputStream body)
      throws HostException {
    call.require(Permission.EDIT, "PutFile");
    long limit = settings.limits().maxFileSize();
    if (request.declaredSize() > limit) {
      throw WopiException.tooLarge("the content is larger than limits.max-file-size");
    }
    DocumentInfo info = host.documents().describe(call.document());
    Optional<EditingSession> held =
        locks.requireWritable(call.document(), request.lockId(), info.size());
    String base = held.map(EditingSession::baseVersion).orElse(info.version());
    if (!base.equals(info.version())) {
      keepConflictCopy(call, info, body, limit);
    }
    Set<String> editors = editors(request.editors(), call.user());
    VersionKind kind = kind(request);
    VersionRequest version =
        new VersionRequest(
            base,
            info.fileType(),
            author(editors, call.user()),
            kind,
            held.map(s -> s.documentKey() + "." + s.started().toEpochMilli()));
    DocumentInfo stored;
    try (InputStream in = new LimitedInputStream(body, limit)) {
      stored = host.documents().storeVersion(call.document(), version, in);
    } catch (SizeLimitExceededException e) {
      metrics.saveFailed(Metrics.WOPI, "too_large");
      throw WopiException.tooLarge("the content is larger than limits.max-file-size");
    } catch (VersionConflictException e) {
      metrics.saveFailed(Metrics.WOPI, "version_conflict");
      throw WopiException.lockConflict(
          held.flatMap(EditingSession::lockId).orElse(""), "the file changed outside the editor");
    } catch (IOException e) {
      metrics.saveFailed(Metrics.WOPI, "unreadable");
      throw WopiException.badRequest("the content could not be read completely");
    }
    metrics.saved(Metrics.WOPI, kind == VersionKind.EDIT_FINAL ? "final" : "intermediate");
    if (held.isPresent()) {
      locks.recordSave(held.get(), stored.version(), editors, kind != VersionKind.EDIT_FINAL);
    }
    LOG.fine(
        () ->
            LogLine.event("wopi-putfile")
                .with("doc", call.document())
                .with("user", call.user().id())
                .with("version", stored.version())
                .with("kind", kind)
                .toString());
    return stored;
  }

  private void keepConflictCopy(WopiCall call, DocumentInfo info, InputStream body, long limit)
      throws HostException {
    String title =
        WopiFileNames.title(
                info.baseName() + " (conflict " + STAMP.format(clock.instant()) + ")",
                info.fileType())
            .orElse("conflict." + info.fileType());
    String lock = locks.currentLock(call.document());
    try (InputStream in = new LimitedInputStream(body, limit)) {
      DocumentInfo copy =
          host.documents()
              .createDocument(new NewDocument(title, Optional.of(info.id())), in, call.user());
      metrics.saved(Metrics.WOPI, "conflict-copy");
      LOG.warning(
          () ->
              LogLine.event("wopi-putfile")
                  .with("doc", call.document())
                  .with("user", call.user().id())
                  .with("outcome", "conflict-copy")
                  .with("copy", copy.id())
                  .toString());
      throw WopiException.lockConflict(
          lock, "the file changed outside the editor; the save was kept as " + copy.title());
    } catch (SizeLimitExceededException e) {
      throw WopiException.tooLarge("the content is larger than limits.max-file-size");
    } catch (IOException e) {
      throw WopiException.badRequest("the content could not be read completely");
    }
  }

  /** Exit saves end a session (final version); other saves are intermediate ones. */
  static VersionKind kind(PutFileRequest request) {
    boolean exit = request.exitSave().map("true"::equalsIgnoreCase).orElse(false);
    boolean said = request.exitSave().isPresent() || request.autosave().isPresent();
    return exit || !said ? VersionKind.EDIT_FINAL : VersionKind.EDIT_INTERMEDIATE;
  }

  private static Set<String> editors(Optional<String> header, User caller) {
    Set<String> ids = new LinkedHashSet<>();
    header.ifPresent(
        h -> {
          for (String id : h.split(",")) {
            String t = id.strip();
            if (!t.isEmpty() && t.length() <= 128 && ids.size() < 100) {
              ids.add(t);
            }
          }
        });
    if (ids.isEmpty()) {
      ids.add(caller.id());
    }
    return ids;
  }

  /** The author of the version: the caller if among the editors, else the first known editor. */
  private User author(Set<String> editors, User caller) throws HostException {
    if (editors.contains(caller.id())) {
      return caller;
    }
    for (String id : editors) {
      Optional<User> u = host.users().findUser(id);
      if (u.isPresent()) {
        return u.get();
      }
    }
    return caller;
  }
}
