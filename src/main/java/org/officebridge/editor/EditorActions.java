package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.EditorSettings;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.CommandServiceClient;
import org.officebridge.documentserver.ConversionClient;
import org.officebridge.documentserver.ConversionRequest;
import org.officebridge.documentserver.DocumentServerException;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.documentserver.ForbiddenUrlException;
import org.officebridge.formats.DocumentFormat;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.host.HostServices;
import org.officebridge.security.LinkSigner;
import org.officebridge.session.DocumentKeys;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.Permission;
import org.officebridge.spi.VersionKind;
import org.officebridge.spi.VersionRequest;
import org.officebridge.web.Escape;

/**
 * What the editor's events change in the DMS: rename (then {@code meta} to every co-editor), edit
 * rights (converting a legacy format first when the settings say so), save a copy, favourites. Each
 * checks the acting user's rights first and changes nothing when they do not suffice.
 */
@ApplicationScoped
public class EditorActions {

  private static final Logger LOG = Logger.getLogger(EditorActions.class.getName());

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject DocumentKeys keys;
  @Inject CommandServiceClient commands;
  @Inject ConversionClient conversions;
  @Inject DocumentServerHttp http;
  @Inject LinkSigner links;
  @Inject Clock clock;

  /**
   * @param actor the acting user
   * @param requested the new title from the editor (with or without the extension)
   * @return the stored title
   */
  Map<String, Object> rename(EditorActor actor, String requested) {
    actor.require(Permission.RENAME);
    try {
      DocumentInfo info = host.documents().describe(actor.id());
      String title = withExtension(requested, info.fileType());
      DocumentInfo renamed = host.documents().rename(actor.id(), title, actor.user());
      liveSessionKey(actor.id()).ifPresent(k -> sendMeta(k, renamed.title()));
      LOG.info(() -> "event=rename doc=" + actor.id() + " user=" + actor.user().id());
      return Map.of("title", renamed.title());
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private static String withExtension(String requested, String extension) {
    String title = requested == null ? "" : requested.strip();
    if (!extension.isEmpty() && !FileNames.extension(title).equals(extension)) {
      title = title + "." + extension;
    }
    if (!FileNames.isValid(title)) {
      throw new EditorException(400, "rename.invalid", "invalid title");
    }
    return title;
  }

  /** Best effort: the DMS already holds the new name; editors that miss it see it on reopening. */
  private void sendMeta(String key, String title) {
    try {
      commands.meta(key, title);
    } catch (DocumentServerException e) {
      LOG.warning(() -> "event=meta outcome=failed key=" + key + " reason=" + e.getMessage());
    }
  }

  private Optional<String> liveSessionKey(DocumentId id) throws HostException {
    return host.sessions()
        .load(id, clock.instant())
        .filter(s -> s.protocol() == EditingSession.Protocol.DOCS_API)
        .map(EditingSession::documentKey);
  }

  /**
   * @param actor the acting user
   * @param browserBase the connector's base URL as the browser reaches it
   * @return the URL of the editor in edit mode (of the converted document, for a legacy format)
   * @throws EditorException 403 with "you may only view" when the user may not edit
   */
  Map<String, Object> editRights(EditorActor actor, URI browserBase) {
    try {
      DocumentInfo info = host.documents().describe(actor.id());
      DocumentFormat format = EditorService.formatOf(info);
      DocumentId target = actor.id();
      if (format.needsConversionToEdit()
          && actor.rights().can(Permission.EDIT)
          && settings.editor().legacyConversion() != EditorSettings.LegacyConversion.OFF) {
        target = convertLegacy(actor, info, format);
      } else if (!EditorPermissions.mayOpenForEditing(actor.rights(), format)) {
        throw new EditorException(403, "editRights.denied", "user may only view");
      }
      String url =
          browserBase
              .resolve("editor?doc=" + Escape.urlParam(target.value()) + "&mode=edit")
              .toString();
      return Map.of("url", url, "doc", target.value());
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private DocumentId convertLegacy(EditorActor actor, DocumentInfo info, DocumentFormat format)
      throws HostException {
    String target = format.type().orElseThrow().nativeType();
    String source =
        DocumentDownloadServlet.urlFor(
            links, settings.connector().url().toString(), info.id(), Optional.of(info.version()));
    try {
      URI converted =
          conversions
              .convert(
                  ConversionRequest.of(
                          URI.create(source),
                          info.fileType(),
                          target,
                          conversions.keyFor(info.id(), info.version(), target))
                      .withTitle(info.title()))
              .fileUrl();
      DocumentInfo stored = storeConversion(actor, info, target, converted);
      LOG.info(
          () ->
              "event=legacy-conversion doc="
                  + info.id()
                  + " into="
                  + stored.id()
                  + " as="
                  + settings.editor().legacyConversion().text());
      return stored.id();
    } catch (IOException | InterruptedException | EditorException | DocumentServerException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warning(
          () ->
              "event=legacy-conversion outcome=failed doc="
                  + info.id()
                  + " reason="
                  + e.getMessage());
      throw new EditorException(502, "error.conversion", "conversion failed");
    }
  }

  private DocumentInfo storeConversion(
      EditorActor actor, DocumentInfo info, String target, URI converted)
      throws HostException, IOException, InterruptedException {
    if (settings.editor().legacyConversion() != EditorSettings.LegacyConversion.NEW_VERSION) {
      return download(actor, converted, info.baseName() + "." + target);
    }
    try (InputStream in = http.openDownload(converted, settings.limits().maxFileSize())) {
      return host.documents()
          .storeVersion(
              info.id(),
              new VersionRequest(
                  info.version(), target, actor.user(), VersionKind.CONVERSION, Optional.empty()),
              in);
    }
  }

  private DocumentInfo create(EditorActor actor, String title, DocumentId besides, InputStream in)
      throws HostException, IOException {
    try {
      return host.documents()
          .createDocument(new NewDocument(title, Optional.of(besides)), in, actor.user());
    } catch (NameConflictException e) {
      if (e.suggestion().isEmpty()) {
        throw e;
      }
      throw new RetryWithName(e.suggestion().get());
    }
  }

  /** A name was taken; the caller retries once with the host's suggestion. */
  private static final class RetryWithName extends RuntimeException {
    private final String name;

    RetryWithName(String name) {
      super(null, null, false, false);
      this.name = name;
    }
  }

  /**
   * Saves a copy of what the editor shows (its {@code onRequestSaveAs}) as a new document beside
   * this one, in the format the user chose in the editor.
   *
   * @param actor the acting user (needs the download right)
   * @param body {@code url} (the Document Server's file), {@code fileType}, {@code title}
   * @return the new document's id, title and editor URL
   */
  Map<String, Object> saveAs(EditorActor actor, Map<String, Object> body, URI browserBase) {
    actor.require(Permission.DOWNLOAD);
    String fileType =
        EditorEndpoints.string(body, "fileType", 10).toLowerCase(java.util.Locale.ROOT);
    if (DocumentFormats.of(fileType).isEmpty()) {
      throw EditorException.badRequest("unknown fileType");
    }
    String requested = EditorEndpoints.string(body, "title", 255);
    String title = FileNames.baseName(requested).strip() + "." + fileType;
    if (!FileNames.isValid(title)) {
      throw new EditorException(400, "rename.invalid", "invalid title");
    }
    URI url;
    try {
      url = URI.create(EditorEndpoints.string(body, "url", 4096));
    } catch (IllegalArgumentException e) {
      throw EditorException.badRequest("url is not a URL");
    }
    try {
      DocumentInfo created = download(actor, url, title);
      LOG.info(() -> "event=save-as doc=" + actor.id() + " copy=" + created.id());
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("id", created.id().value());
      out.put("title", created.title());
      out.put(
          "url",
          browserBase.resolve("editor?doc=" + Escape.urlParam(created.id().value())).toString());
      return out;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  private DocumentInfo download(EditorActor actor, URI url, String title) throws HostException {
    for (int attempt = 0; ; attempt++) {
      try (InputStream in = http.openDownload(url, settings.limits().maxFileSize())) {
        return create(actor, title, actor.id(), in);
      } catch (RetryWithName retry) {
        if (attempt > 0) {
          throw new EditorException(409, "rename.conflict", "name taken twice");
        }
        title = retry.name;
      } catch (ForbiddenUrlException e) {
        throw EditorException.badRequest("url is not the Document Server's");
      } catch (IOException e) {
        throw new EditorException(502, "saveAs.failed", "download failed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EditorException(503, "error.unavailable", "interrupted");
      }
    }
  }

  /**
   * @param actor the acting user
   * @param favorite the new state
   * @return the stored state
   */
  Map<String, Object> favorite(EditorActor actor, boolean favorite) {
    var catalog =
        host.catalog().orElseThrow(() -> EditorException.notFound("the host keeps no favourites"));
    try {
      catalog.setFavorite(actor.id(), actor.user(), favorite);
      return Map.of("favorite", catalog.isFavorite(actor.id(), actor.user()));
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  /**
   * A converted file to hand to the browser.
   *
   * @param title its file name
   * @param stream its bytes; the caller closes it
   */
  record Converted(String title, InputStream stream) {}

  /**
   * Converts the stored document into another format through the conversion API.
   *
   * @param actor the acting user (who may download)
   * @param format the wanted extension
   * @return the result, streaming from the Document Server
   * @throws EditorException 400 for a format the document cannot be converted to, 502 when the
   *     conversion fails
   */
  Converted convertForDownload(EditorActor actor, String format) {
    actor.require(Permission.DOWNLOAD);
    String target = format.toLowerCase(java.util.Locale.ROOT);
    try {
      DocumentInfo info = host.documents().describe(actor.id());
      DocumentFormat source = EditorService.formatOf(info);
      if (!source.convertsTo(target)) {
        throw EditorException.badRequest("." + info.fileType() + " does not convert to ." + target);
      }
      String url =
          DocumentDownloadServlet.urlFor(
              links, settings.connector().url().toString(), info.id(), Optional.of(info.version()));
      var result =
          conversions.convert(
              ConversionRequest.of(
                      URI.create(url),
                      info.fileType(),
                      target,
                      conversions.keyFor(info.id(), info.version(), target))
                  .withTitle(info.title()));
      return new Converted(info.baseName() + "." + target, conversions.openResult(result));
    } catch (HostException e) {
      throw EditorException.from(e);
    } catch (IOException | DocumentServerException e) {
      LOG.warning(
          () -> "event=download-as outcome=failed doc=" + actor.id() + " reason=" + e.getMessage());
      throw new EditorException(502, "action.failed", "conversion failed");
    }
  }
}
