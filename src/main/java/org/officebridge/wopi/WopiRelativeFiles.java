package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.LimitedInputStream;
import org.officebridge.documentserver.SizeLimitExceededException;
import org.officebridge.host.HostServices;
import org.officebridge.security.WopiAccessTokens;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.Permission;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * PutRelativeFile: a new file beside the current one (Save Copy As, and the converted file of the
 * binary-format convert flow). Suggested mode turns the request into a free, valid name; relative
 * mode uses the name exactly, refuses a taken one unless overwriting is asked for and the existing
 * file is unlocked. The source's lock is not checked: ONLYOFFICE sends no lock and holds the
 * source's lock itself while editing. The body is spooled to a temporary file first, so the
 * creation can be retried under another name.
 */
@ApplicationScoped
public class WopiRelativeFiles {

  private static final Logger LOG = Logger.getLogger(WopiRelativeFiles.class.getName());
  private static final int NAME_ATTEMPTS = 20;

  @Inject HostServices host;
  @Inject WopiLocks locks;
  @Inject WopiLinks links;
  @Inject WopiAccessTokens tokens;
  @Inject Settings settings;

  /**
   * What a PutRelativeFile request asks for.
   *
   * @param suggested {@code X-WOPI-SuggestedTarget}, UTF-7
   * @param relative {@code X-WOPI-RelativeTarget}, UTF-7
   * @param overwrite {@code X-WOPI-OverwriteRelativeTarget}
   * @param conversion {@code X-WOPI-FileConversion}
   * @param declaredSize {@code X-WOPI-Size} or the Content-Length, or -1
   */
  public record Request(
      Optional<String> suggested,
      Optional<String> relative,
      boolean overwrite,
      boolean conversion,
      long declaredSize) {}

  /**
   * @param call the admitted request
   * @param request what it asks for
   * @param body the new file's content
   * @return the answer's properties: Name, Url, HostViewUrl, HostEditUrl
   * @throws WopiException 400, 401, 409, 413 or 501 as WOPI defines them
   * @throws HostException when the DMS fails
   */
  public Map<String, Object> create(WopiCall call, Request request, InputStream body)
      throws HostException {
    if (!CheckFileInfoAssembler.canWriteRelative(call)) {
      throw WopiException.notImplemented("this user cannot create files from this one");
    }
    if (request.suggested().isPresent() == request.relative().isPresent()) {
      throw WopiException.badRequest(
          "send exactly one of X-WOPI-SuggestedTarget and X-WOPI-RelativeTarget");
    }
    if (request.conversion()) {
      call.require(Permission.EDIT, "the convert flow");
    }
    long limit = settings.limits().maxFileSize();
    if (request.declaredSize() > limit) {
      throw WopiException.tooLarge("the content is larger than limits.max-file-size");
    }
    DocumentInfo source = host.documents().describe(call.document());
    Path spool = spool(body, limit);
    try {
      DocumentInfo created =
          request.suggested().isPresent()
              ? createSuggested(call, source, decode(request.suggested().get()), spool)
              : createRelative(call, source, request, spool);
      return answer(call, created);
    } finally {
      try {
        Files.deleteIfExists(spool);
      } catch (IOException e) {
        LOG.warning(() -> "event=wopi-putrelative outcome=spool-not-deleted path=" + spool);
      }
    }
  }

  private DocumentInfo createSuggested(
      WopiCall call, DocumentInfo source, String suggestion, Path spool) throws HostException {
    String title =
        WopiFileNames.fromSuggestion(suggestion, source.baseName())
            .or(() -> WopiFileNames.title("Untitled", source.fileType()))
            .orElseThrow(() -> WopiException.invalidFileName("no usable name", Optional.empty()));
    String attempt = title;
    for (int i = 2; i < NAME_ATTEMPTS + 2; i++) {
      try {
        return createFrom(spool, attempt, source.id(), call);
      } catch (NameConflictException e) {
        String tried = attempt;
        Optional<String> offered =
            e.suggestion()
                .filter(s -> FileNames.extension(s).equals(FileNames.extension(title)))
                .filter(s -> !s.equalsIgnoreCase(tried));
        Optional<String> next =
            i == 2 && offered.isPresent() ? offered : WopiFileNames.numbered(title, i);
        if (next.isEmpty()) {
          break;
        }
        attempt = next.get();
      } catch (InvalidNameException e) {
        throw WopiException.invalidFileName("the DMS does not accept the name", Optional.empty());
      }
    }
    throw WopiException.nameTaken("", "no free name found", Optional.empty());
  }

  private DocumentInfo createRelative(
      WopiCall call, DocumentInfo source, Request request, Path spool) throws HostException {
    String name = decode(request.relative().get());
    if (!FileNames.isValid(name) || FileNames.extension(name).isEmpty()) {
      throw WopiException.invalidFileName(
          "not a valid file name",
          WopiFileNames.title(FileNames.baseName(name), FileNames.extension(name)));
    }
    try {
      return createFrom(spool, name, source.id(), call);
    } catch (NameConflictException e) {
      if (!request.overwrite() || e.existing().isEmpty()) {
        String lock = e.existing().isEmpty() ? "" : locks.currentLock(e.existing().get());
        throw WopiException.nameTaken(lock, "a file has that name", e.suggestion());
      }
      return overwrite(call, e.existing().get(), spool, e.suggestion());
    } catch (InvalidNameException e) {
      throw WopiException.invalidFileName("the DMS does not accept the name", Optional.empty());
    }
  }

  private DocumentInfo overwrite(
      WopiCall call, DocumentId target, Path spool, Optional<String> suggestion)
      throws HostException {
    locks.requireUnlocked(target);
    AccessRights rights = host.access().rightsFor(target, call.user());
    if (!rights.can(Permission.EDIT)) {
      throw WopiException.nameTaken("", "the existing file may not be overwritten", suggestion);
    }
    DocumentInfo existing = host.documents().describe(target);
    VersionRequest version =
        new VersionRequest(
            existing.version(),
            existing.fileType(),
            call.user(),
            VersionKind.EDIT_FINAL,
            Optional.empty());
    try (InputStream in = Files.newInputStream(spool)) {
      return host.documents().storeVersion(target, version, in);
    } catch (IOException e) {
      throw WopiException.unavailable("the spooled content could not be read");
    }
  }

  private DocumentInfo createFrom(Path spool, String title, DocumentId besides, WopiCall call)
      throws HostException {
    try (InputStream in = Files.newInputStream(spool)) {
      return host.documents()
          .createDocument(new NewDocument(title, Optional.of(besides)), in, call.user());
    } catch (IOException e) {
      throw WopiException.unavailable("the spooled content could not be read");
    }
  }

  private Map<String, Object> answer(WopiCall call, DocumentInfo created) throws HostException {
    AccessRights rights = host.access().rightsFor(created.id(), call.user());
    String token =
        tokens
            .issue(created.id(), call.user().id(), rights.granted(), call.grant().hostPage())
            .value();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Name", created.title());
    p.put("Url", links.fileUrl(links.fileId(created.id()), token));
    p.put("HostViewUrl", WopiLinks.hostPage(call.grant().hostPage(), created.id(), "view"));
    p.put("HostEditUrl", WopiLinks.hostPage(call.grant().hostPage(), created.id(), "edit"));
    LOG.info(
        () ->
            "event=wopi-putrelative file="
                + call.fileId()
                + " user="
                + call.user().id()
                + " created="
                + created.id());
    return p;
  }

  private static Path spool(InputStream body, long limit) {
    Path file = null;
    try (InputStream in = new LimitedInputStream(body, limit)) {
      file = Files.createTempFile("officebridge-wopi-", ".part");
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (SizeLimitExceededException e) {
      deleteQuietly(file);
      throw WopiException.tooLarge("the content is larger than limits.max-file-size");
    } catch (IOException e) {
      deleteQuietly(file);
      throw WopiException.badRequest("the content could not be read completely");
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file; the system's cleanup removes it
      }
    }
  }

  private static String decode(String utf7) {
    try {
      return Utf7.decode(utf7);
    } catch (IllegalArgumentException e) {
      throw WopiException.invalidFileName("the name is not valid UTF-7", Optional.empty());
    }
  }
}
