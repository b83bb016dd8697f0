package org.officebridge.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.documentserver.ForbiddenUrlException;
import org.officebridge.documentserver.SizeLimitExceededException;
import org.officebridge.host.HostServices;
import org.officebridge.platform.Metrics;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HistoryRecord;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionHistory;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * Stores what a callback carries: downloads the file server-side from the Document Server (only
 * from its addresses, streaming, behind the size limit and the timeouts) straight into the host's
 * {@code storeVersion}; keeps the edit as a conflict copy beside the document when the document
 * changed in the DMS meanwhile (unless the change is this very save, repeated where no marker
 * recorded it: {@link RepeatedSaves}); makes recovery copies; keeps the history data with a
 * version.
 */
@ApplicationScoped
public class VersionSaver {

  private static final Logger LOG = Logger.getLogger(VersionSaver.class.getName());
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss").withZone(ZoneOffset.UTC);
  private static final int NAME_ATTEMPTS = 5;

  /**
   * Where a save ended up.
   *
   * @param asVersion true for a new version of the document, false for a conflict copy
   * @param document the document's new description, or the copy's
   */
  public record Saved(boolean asVersion, DocumentInfo document) {}

  @Inject HostServices host;
  @Inject DocumentServerHttp http;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject RepeatedSaves repeats;
  @Inject Metrics metrics;

  /**
   * Stores the callback's file as a new version of the document, based on {@code baseVersion}; if
   * the document has another version by now, stores it as a conflict copy beside it instead.
   *
   * @param id the document
   * @param baseVersion the version the session is based on
   * @param callback the callback (its {@code url}, {@code filetype} and key)
   * @param kind final or intermediate
   * @param author the last editor
   * @return the new version (or the version that already holds exactly this save), or the conflict
   *     copy
   * @throws SaveFailure when nothing was stored
   */
  public Saved save(
      DocumentId id, String baseVersion, CallbackPayload callback, VersionKind kind, User author)
      throws SaveFailure {
    URI url = callback.url().orElseThrow(() -> failure(SaveFailure.Kind.MALFORMED, "no url"));
    String fileType = callback.fileType().orElseGet(() -> currentFileType(id));
    VersionRequest request =
        new VersionRequest(baseVersion, fileType, author, kind, Optional.of(callback.key()));
    try (InputStream in = open(url)) {
      Saved saved = new Saved(true, host.documents().storeVersion(id, request, in));
      metrics.saved(Metrics.DOCS_API, kind == VersionKind.EDIT_FINAL ? "final" : "intermediate");
      return saved;
    } catch (VersionConflictException e) {
      Optional<DocumentInfo> stored = repeats.findStored(id, baseVersion, url);
      if (stored.isPresent()) {
        return new Saved(true, stored.get());
      }
      return new Saved(false, copy(id, callback, author, "conflict"));
    } catch (DocumentNotFoundException e) {
      throw new SaveFailure(SaveFailure.Kind.DOCUMENT_GONE, "the document is gone", e);
    } catch (HostUnavailableException e) {
      throw new SaveFailure(SaveFailure.Kind.TRANSIENT, "the host is unavailable", e);
    } catch (IOException e) {
      throw classify(e);
    }
  }

  /**
   * Keeps the callback's file as a new document beside {@code id}, titled {@code <title> (<label>
   * <UTC time>).<filetype>}.
   *
   * @param id the document the file belongs to
   * @param callback the callback with the file
   * @param author who becomes the copy's owner
   * @param label {@code conflict} or {@code recovered}
   * @return the copy
   * @throws SaveFailure when nothing was stored
   */
  public DocumentInfo copy(DocumentId id, CallbackPayload callback, User author, String label)
      throws SaveFailure {
    URI url = callback.url().orElseThrow(() -> failure(SaveFailure.Kind.MALFORMED, "no url"));
    Optional<DocumentInfo> original = describe(id);
    String baseName = original.map(DocumentInfo::baseName).orElse("Document");
    String fileType =
        callback.fileType().orElse(original.map(DocumentInfo::fileType).orElse("bin"));
    String title = copyTitle(baseName, label, fileType);
    Optional<DocumentId> besides = original.map(DocumentInfo::id);
    for (int attempt = 1; attempt <= NAME_ATTEMPTS; attempt++) {
      try (InputStream in = open(url)) {
        DocumentInfo copy =
            host.documents().createDocument(new NewDocument(title, besides), in, author);
        metrics.saved(
            Metrics.DOCS_API, "conflict".equals(label) ? "conflict-copy" : "recovery-copy");
        return copy;
      } catch (NameConflictException e) {
        title = e.suggestion().filter(FileNames::isValid).orElse(numbered(title, attempt + 1));
      } catch (DocumentNotFoundException e) {
        besides = Optional.empty();
      } catch (InvalidNameException e) {
        title = copyTitle("Document", label, fileType);
      } catch (HostUnavailableException e) {
        throw new SaveFailure(SaveFailure.Kind.TRANSIENT, "the host is unavailable", e);
      } catch (IOException e) {
        throw classify(e);
      }
    }
    throw failure(SaveFailure.Kind.REFUSED, "the host refused every name for the " + label);
  }

  /**
   * Keeps the history data and the changes archive of a final save with the version it made, when
   * the host keeps history. The version is already stored, so a failure here is logged and does not
   * fail the save.
   *
   * @param id the document
   * @param version the version the save made
   * @param callback the final callback
   */
  public void storeHistory(DocumentId id, String version, CallbackPayload callback) {
    Optional<VersionHistory> versions = host.versions();
    if (versions.isEmpty()) {
      return;
    }
    try {
      if (callback.history().isPresent()) {
        CallbackPayload.History h = callback.history().get();
        versions
            .get()
            .storeHistory(
                id, version, new HistoryRecord(callback.key(), h.changesJson(), h.serverVersion()));
      }
      if (callback.changesUrl().isPresent()) {
        try (InputStream zip = open(callback.changesUrl().get())) {
          versions.get().storeChanges(id, version, zip);
        }
      }
    } catch (IOException | DocumentNotFoundException | HostUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "event=history outcome=failed doc={0} version={1} reason={2}",
          new Object[] {id, version, e.getClass().getSimpleName()});
    }
  }

  private InputStream open(URI url) throws IOException {
    try {
      return metrics.counting(
          http.openDownload(url, settings.limits().maxFileSize()), "callback-download");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading");
    }
  }

  private static SaveFailure classify(IOException e) {
    if (e instanceof ForbiddenUrlException) {
      return new SaveFailure(SaveFailure.Kind.FORBIDDEN_URL, "not a Document Server url", e);
    }
    if (e instanceof SizeLimitExceededException) {
      return new SaveFailure(SaveFailure.Kind.TOO_LARGE, "larger than the size limit", e);
    }
    return new SaveFailure(SaveFailure.Kind.TRANSIENT, "the download failed", e);
  }

  private static SaveFailure failure(SaveFailure.Kind kind, String message) {
    return new SaveFailure(kind, message, null);
  }

  private Optional<DocumentInfo> describe(DocumentId id) throws SaveFailure {
    try {
      return Optional.of(host.documents().describe(id));
    } catch (DocumentNotFoundException e) {
      return Optional.empty();
    } catch (HostUnavailableException e) {
      throw new SaveFailure(SaveFailure.Kind.TRANSIENT, "the host is unavailable", e);
    }
  }

  private String currentFileType(DocumentId id) {
    try {
      String type = host.documents().describe(id).fileType();
      return type.matches("[a-z0-9]{1,10}") ? type : "bin";
    } catch (DocumentNotFoundException | HostUnavailableException e) {
      return "bin";
    }
  }

  private String copyTitle(String baseName, String label, String fileType) {
    String suffix = " (" + label + " " + STAMP.format(clock.instant()) + ")." + fileType;
    int room = FileNames.MAX_LENGTH - suffix.length();
    String base = baseName.length() > room ? baseName.substring(0, room).trim() : baseName;
    String title = base + suffix;
    return FileNames.isValid(title) ? title : "Document" + suffix;
  }

  private static String numbered(String title, int n) {
    String base = FileNames.baseName(title);
    String ext = FileNames.extension(title);
    return base + " " + n + (ext.isEmpty() ? "" : "." + ext);
  }
}
