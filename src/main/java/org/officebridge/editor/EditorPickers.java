package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officebridge.config.Settings;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.host.HostServices;
import org.officebridge.security.JwtService;
import org.officebridge.security.LinkSigner;
import org.officebridge.session.DocumentKeys;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;

/**
 * The editor's pickers: documents from the DMS to insert as an image, to merge mail from, to
 * compare with, or to take external data from. Lists only documents the user may view and download,
 * and answers with the signed argument of the editor method that inserts the choice ({@code
 * insertImage}, {@code setRequestedSpreadsheet}, {@code setMailMergeRecipients}, {@code
 * setRequestedDocument}, {@code setRevisedFile}, {@code setReferenceData}); the Document Server
 * downloads the choice through a signed download link.
 */
@ApplicationScoped
public class EditorPickers {

  private static final Set<String> SPREADSHEETS =
      Set.of("csv", "fods", "ods", "ots", "xls", "xlsm", "xlsx", "xlt", "xltm", "xltx");
  private static final Set<String> DOCUMENTS =
      Set.of(
          "doc", "docm", "docx", "dot", "dotm", "dotx", "epub", "fodt", "odt", "ott", "rtf", "wps");

  /** What a picker is for: which types it lists and which commands ({@code c}) it accepts. */
  enum Kind {
    IMAGE(DocumentFormats.imageExtensions(), Set.of("add", "change", "fill", "watermark", "slide")),
    SPREADSHEET(SPREADSHEETS, Set.of("mailmerge")),
    RECIPIENTS(SPREADSHEETS, Set.of("mailmerge")),
    DOCUMENT(DOCUMENTS, Set.of("compare", "combine", "insert-text")),
    REVISED(DOCUMENTS, Set.of("compare"));

    private final Set<String> types;
    private final Set<String> commands;

    Kind(Set<String> types, Set<String> commands) {
      this.types = types;
      this.commands = commands;
    }

    static Kind parse(String value) {
      for (Kind k : values()) {
        if (k.name().equalsIgnoreCase(value)) {
          return k;
        }
      }
      throw EditorException.badRequest("unknown picker kind");
    }
  }

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject LinkSigner links;
  @Inject JwtService jwt;
  @Inject DocumentKeys keys;

  private DocumentCatalog catalog() {
    return host.catalog().orElseThrow(() -> EditorException.notFound("the host has no catalog"));
  }

  /**
   * @param actor the acting user
   * @param kind the picker
   * @return {@code {documents:[{id, title, fileType}]}}
   */
  Map<String, Object> list(EditorActor actor, Kind kind) {
    try {
      List<Map<String, Object>> documents = new ArrayList<>();
      for (DocumentInfo d : catalog().recentDocuments(actor.user(), kind.types, 50)) {
        if (!d.id().equals(actor.id()) && mayCopy(actor, d.id())) {
          documents.add(Map.of("id", d.id().value(), "title", d.title(), "fileType", d.fileType()));
        }
      }
      return Map.of("documents", documents);
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private boolean mayCopy(EditorActor actor, DocumentId source) throws HostException {
    AccessRights rights = host.access().rightsFor(source, actor.user());
    return rights.can(Permission.VIEW) && rights.can(Permission.DOWNLOAD);
  }

  /**
   * @param actor the acting user (needs to be able to change the document)
   * @param kind the picker
   * @param sourceId the chosen document
   * @param command the editor's {@code c}
   * @return the signed argument of the editor method
   */
  Map<String, Object> answer(EditorActor actor, Kind kind, String sourceId, String command) {
    actor.requireAny(Permission.EDIT, Permission.REVIEW);
    if (!kind.commands.contains(command)) {
      throw EditorException.badRequest("command not allowed for this picker");
    }
    DocumentId source =
        DocumentId.parse(sourceId).orElseThrow(() -> EditorException.badRequest("bad source"));
    try {
      DocumentInfo info = readable(actor, source);
      if (!kind.types.contains(info.fileType())) {
        throw EditorException.badRequest("source has the wrong type");
      }
      String url = downloadUrl(info);
      Map<String, Object> arg = new LinkedHashMap<>();
      switch (kind) {
        case IMAGE -> {
          arg.put("c", command);
          arg.put("images", List.of(Map.of("fileType", info.fileType(), "url", url)));
        }
        case SPREADSHEET, DOCUMENT -> {
          arg.put("c", command);
          arg.put("fileType", info.fileType());
          arg.put("url", url);
        }
        default -> {
          arg.put("fileType", info.fileType());
          arg.put("url", url);
        }
      }
      arg.put("token", jwt.sign(arg));
      return arg;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private DocumentInfo readable(EditorActor actor, DocumentId source) throws HostException {
    AccessRights rights = host.access().rightsFor(source, actor.user());
    if (!rights.can(Permission.VIEW)) {
      throw EditorException.notFound("source invisible to the user");
    }
    if (!rights.can(Permission.DOWNLOAD)) {
      throw EditorException.forbidden("source may not be copied");
    }
    return host.documents().describe(source);
  }

  private String downloadUrl(DocumentInfo info) {
    return DocumentDownloadServlet.urlFor(
        links, settings.connector().url().toString(), info.id(), Optional.of(info.version()));
  }

  /**
   * Answers {@code onRequestReferenceData}: finds the source spreadsheet by its {@code
   * referenceData} (a document of this DMS) or else by its title, and returns the signed argument
   * of {@code setReferenceData}.
   *
   * @param actor the acting user
   * @param body the event's data: {@code referenceData{fileKey, instanceId}}, {@code path}, {@code
   *     link}
   * @return the signed argument
   */
  Map<String, Object> referenceData(EditorActor actor, Map<String, Object> body) {
    try {
      DocumentInfo info = readable(actor, referenceSource(actor, body));
      Map<String, Object> arg = new LinkedHashMap<>();
      arg.put("fileType", info.fileType());
      arg.put("key", keys.current(info));
      arg.put("path", info.title());
      arg.put(
          "referenceData",
          Map.of(
              "fileKey", info.id().value(), "instanceId", settings.connector().url().toString()));
      arg.put("url", downloadUrl(info));
      arg.put("token", jwt.sign(arg));
      return arg;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private DocumentId referenceSource(EditorActor actor, Map<String, Object> body)
      throws HostException {
    if (body.get("referenceData") instanceof Map<?, ?> ref
        && settings.connector().url().toString().equals(ref.get("instanceId"))
        && ref.get("fileKey") instanceof String key) {
      return DocumentId.parse(key).orElseThrow(() -> EditorException.notFound("bad fileKey"));
    }
    String path = EditorEndpoints.optionalString(body, "path", 255).orElse("");
    for (DocumentInfo d : catalog().recentDocuments(actor.user(), SPREADSHEETS, 200)) {
      if (d.title().equals(path)) {
        return d.id();
      }
    }
    throw EditorException.notFound("no such source");
  }
}
