package org.officebridge.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.CommandError;
import org.officebridge.documentserver.CommandServiceClient;
import org.officebridge.documentserver.CommandServiceException;
import org.officebridge.documentserver.DocumentServerException;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.documentserver.ForbiddenUrlException;
import org.officebridge.documentserver.ForgottenFile;
import org.officebridge.host.HostServices;
import org.officebridge.session.DocumentKeys;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.User;
import org.officebridge.spi.VersionConflictException;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;

/**
 * The Document Server's forgotten files: files whose final save no connector acknowledged (protocol
 * digest §6, {@code getForgottenList}, {@code getForgotten}, {@code deleteForgotten}). Lists them
 * with the document each key names (for keys this connector derived), and recovers one into the
 * DMS, as a new version of its document or as a recovery copy beside it, before asking the Document
 * Server to delete it.
 */
@ApplicationScoped
public class ForgottenFiles {

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss").withZone(ZoneOffset.UTC);

  /** How a forgotten file is recovered. */
  public enum Recovery {
    /** As the document's new current version. */
    VERSION,
    /** As a new document beside it (or in the administrator's default place). */
    COPY
  }

  @Inject CommandServiceClient commands;
  @Inject DocumentServerHttp http;
  @Inject DocumentKeys keys;
  @Inject HostServices host;
  @Inject Settings settings;
  @Inject AdminAudit audit;
  @Inject Clock clock;

  /**
   * @return the forgotten files, each with the document its key names, if known
   * @throws AdminException 502 when the Document Server cannot be asked
   */
  public List<Map<String, Object>> list() {
    List<String> forgotten;
    try {
      forgotten = commands.forgottenList();
    } catch (DocumentServerException e) {
      throw unreachable(e);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : forgotten) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", key);
      document(keys.documentOf(key))
          .ifPresent(
              info -> {
                row.put("document", info.id().value());
                row.put("title", info.title());
              });
      out.add(row);
    }
    return out;
  }

  /**
   * Recovers a forgotten file into the DMS, then deletes it from the Document Server.
   *
   * @param admin who asks
   * @param key the forgotten file's key
   * @param how as a version or as a copy
   * @param target the document to recover into; empty for the one the key names
   * @return {@code {"outcome": "recovered", "document", "version"|"copy", "deleted"}}
   */
  public Map<String, Object> recover(
      AdminGuard.Administrator admin, String key, Recovery how, Optional<DocumentId> target) {
    String action = "recover-" + how.name().toLowerCase(Locale.ROOT);
    Optional<DocumentId> doc = target.or(() -> keys.documentOf(key));
    AdminAudit.Target audited =
        new AdminAudit.Target(doc.map(DocumentId::value).orElse(null), key, null);
    Optional<DocumentInfo> info = document(doc);
    if (how == Recovery.VERSION && info.isEmpty()) {
      audit.record(admin, action, audited, "no-document", null);
      throw AdminException.badRequest(
          "name the document to recover into (doc): this key names no document of this DMS");
    }
    ForgottenFile file;
    try {
      file = commands.forgotten(key);
    } catch (CommandServiceException e) {
      audit.record(admin, action, audited, "unknown-key", null);
      if (e.error() == CommandError.KEY_NOT_FOUND) {
        throw AdminException.notFound(
            "unknown-key", "the Document Server has no such forgotten file");
      }
      throw unreachable(e);
    } catch (DocumentServerException e) {
      audit.record(admin, action, audited, "failed", e.getMessage());
      throw unreachable(e);
    }
    String fileType = fileType(file, info);
    User author = author(admin);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("outcome", "recovered");
    try (InputStream in = http.openDownload(file.url(), settings.limits().maxFileSize())) {
      if (how == Recovery.VERSION) {
        DocumentInfo stored = storeVersion(info.get(), fileType, author, key, in);
        out.put("document", stored.id().value());
        out.put("version", stored.version());
      } else {
        DocumentInfo copy = storeCopy(info, fileType, author, in);
        out.put("document", copy.id().value());
        out.put("copy", copy.title());
      }
    } catch (ForbiddenUrlException e) {
      audit.record(admin, action, audited, "failed", "forbidden-url");
      throw new AdminException(
          502,
          "forbidden-url",
          "the Document Server's link to the file is not on an allowed address"
              + " (officebridge.ds.allowed-addresses)");
    } catch (IOException e) {
      audit.record(admin, action, audited, "failed", e.getClass().getSimpleName());
      throw new AdminException(
          502, "download-failed", "the file could not be downloaded from the Document Server");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AdminException.unavailable("interrupted");
    } catch (VersionConflictException e) {
      audit.record(admin, action, audited, "conflict", null);
      throw AdminException.conflict(
          "version-conflict", "the document changed meanwhile: try again");
    } catch (HostException e) {
      audit.record(admin, action, audited, "failed", e.getClass().getSimpleName());
      throw AdminException.unavailable("the DMS refused or failed to store the file");
    }
    out.put("deleted", delete(key));
    audit.record(
        admin,
        action,
        new AdminAudit.Target(String.valueOf(out.get("document")), key, null),
        "recovered",
        null);
    return out;
  }

  /**
   * Deletes a forgotten file from the Document Server without recovering it.
   *
   * @param admin who asks
   * @param key the forgotten file's key
   * @return {@code {"outcome": "deleted"}}
   */
  public Map<String, Object> delete(AdminGuard.Administrator admin, String key) {
    AdminAudit.Target target = new AdminAudit.Target(null, key, null);
    try {
      commands.deleteForgotten(key);
    } catch (CommandServiceException e) {
      audit.record(admin, "delete-forgotten", target, "unknown-key", null);
      if (e.error() == CommandError.KEY_NOT_FOUND) {
        throw AdminException.notFound(
            "unknown-key", "the Document Server has no such forgotten file");
      }
      throw unreachable(e);
    } catch (DocumentServerException e) {
      audit.record(admin, "delete-forgotten", target, "failed", e.getMessage());
      throw unreachable(e);
    }
    audit.record(admin, "delete-forgotten", target, "deleted", null);
    return Map.of("outcome", "deleted");
  }

  private boolean delete(String key) {
    try {
      commands.deleteForgotten(key);
      return true;
    } catch (DocumentServerException e) {
      return false;
    }
  }

  private DocumentInfo storeVersion(
      DocumentInfo info, String fileType, User author, String key, InputStream in)
      throws HostException, IOException {
    VersionRequest request =
        new VersionRequest(
            info.version(), fileType, author, VersionKind.EDIT_FINAL, Optional.of(key));
    return host.documents().storeVersion(info.id(), request, in);
  }

  private DocumentInfo storeCopy(
      Optional<DocumentInfo> info, String fileType, User author, InputStream in)
      throws HostException, IOException {
    String base = info.map(DocumentInfo::baseName).orElse("Document");
    String suffix = " (recovered " + STAMP.format(clock.instant()) + ")." + fileType;
    String title =
        base.length() + suffix.length() > FileNames.MAX_LENGTH
            ? "Document" + suffix
            : base + suffix;
    if (!FileNames.isValid(title)) {
      title = "Document" + suffix;
    }
    try {
      return host.documents()
          .createDocument(new NewDocument(title, info.map(DocumentInfo::id)), in, author);
    } catch (NameConflictException e) {
      throw new HostUnavailableException("the recovery copy's name is taken; try again", e);
    }
  }

  private Optional<DocumentInfo> document(Optional<DocumentId> id) {
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(host.documents().describe(id.get()));
    } catch (DocumentNotFoundException e) {
      return Optional.empty();
    } catch (HostUnavailableException e) {
      throw AdminException.unavailable("the DMS cannot be reached");
    }
  }

  /** The file's extension from its link, else the document's, else {@code bin}. */
  private static String fileType(ForgottenFile file, Optional<DocumentInfo> info) {
    String path = file.url().getPath() == null ? "" : file.url().getPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    String ext = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (ext.matches("[a-z0-9]{1,10}")) {
      return ext;
    }
    return info.map(DocumentInfo::fileType).filter(t -> t.matches("[a-z0-9]{1,10}")).orElse("bin");
  }

  private User author(AdminGuard.Administrator admin) {
    try {
      Optional<User> known = host.users().findUser(admin.name());
      if (known.isPresent()) {
        return known.get();
      }
    } catch (HostUnavailableException e) {
      // the administrator's own name will do
    }
    String id = admin.name().length() > 128 ? admin.name().substring(0, 128) : admin.name();
    return User.of(id, id, Locale.ROOT);
  }

  private static AdminException unreachable(DocumentServerException e) {
    return new AdminException(
        502,
        "documentserver",
        e instanceof CommandServiceException c
            ? "the Document Server answered error " + c.code() + " (" + c.error() + ")"
            : "the Document Server cannot be reached: run the settings check");
  }
}
