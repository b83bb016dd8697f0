package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.callback.CallbackUrls;
import org.officebridge.config.EditorSettings;
import org.officebridge.config.Settings;
import org.officebridge.formats.DocumentFormat;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.formats.DocumentType;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditingSession;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.EditorCustomization;
import org.officebridge.spi.HostException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.Template;
import org.officebridge.spi.User;

/**
 * Loads what an editor page shows from the host: the document, its format, whether the user gets an
 * editing session (never beyond their rights), the document key and callback URL (joining a live
 * session; the callback feature records sessions from the Document Server's status callbacks), and
 * the customization from the settings and the host's customizer.
 */
@ApplicationScoped
public class EditorService {

  private static final Logger LOG = Logger.getLogger(EditorService.class.getName());

  @Inject HostServices host;
  @Inject Settings settings;
  @Inject CallbackUrls callbacks;
  @Inject Clock clock;

  /**
   * @param actor the acting user and their rights
   * @param mode the mode asked for, if any
   * @param platform how the editor is shown
   * @param actionLink where to scroll to, if asked for
   * @param browserBase the connector's base URL as the browser reaches it
   * @return the page's content
   * @throws EditorException 404, 415 (no editor for the format), 503
   */
  EditorPage load(
      EditorActor actor,
      Optional<String> mode,
      EditorContext.Platform platform,
      Optional<Map<String, Object>> actionLink,
      URI browserBase) {
    try {
      DocumentInfo info = host.documents().describe(actor.id());
      DocumentFormat format = formatOf(info);
      noteOpened(actor);
      boolean editing =
          !mode.equals(Optional.of("view"))
              && platform != EditorContext.Platform.EMBEDDED
              && EditorPermissions.mayOpenForEditing(actor.rights(), format);
      if (editing && wopiSessionIsOpen(info)) {
        LOG.info(() -> "event=editor-open outcome=view-only reason=wopi-session doc=" + info.id());
        editing = false;
      }
      CallbackUrls.EditorCallback session = callbacks.forEditor(info);
      Optional<String> callbackUrl =
          editing ? Optional.of(session.callbackUrl()) : Optional.empty();
      EditorCustomization customization = customization(actor, info, editing, platform);
      DocumentType type = format.type().orElseThrow();
      return new EditorPage(
          info,
          format,
          actor.user(),
          actor.rights(),
          session.documentKey(),
          callbackUrl,
          platform,
          host.users().findUser(info.ownerId()).map(User::name),
          favorite(actor, info),
          sharing(info),
          recent(actor.user(), info, type, customization.recentFiles()),
          templates(actor.user(), type, customization.templates()),
          customization,
          browserBase,
          actionLink);
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  /**
   * @param info a document
   * @return its format, when an editor opens it
   * @throws EditorException 415 otherwise
   */
  static DocumentFormat formatOf(DocumentInfo info) {
    return DocumentFormats.of(info.fileType())
        .filter(f -> f.type().isPresent())
        .orElseThrow(
            () -> new EditorException(415, "error.format", "no editor for ." + info.fileType()));
  }

  /** Tells the host's catalog, for its recent files; a failure only costs the list's order. */
  private void noteOpened(EditorActor actor) {
    if (host.catalog().isPresent()) {
      try {
        host.catalog().get().noteOpened(actor.id(), actor.user());
      } catch (HostUnavailableException e) {
        LOG.info(() -> "event=note-opened outcome=failed doc=" + actor.id());
      }
    }
  }

  /** While a WOPI session edits the document, the Docs API only views it. */
  private boolean wopiSessionIsOpen(DocumentInfo info) throws HostUnavailableException {
    return host.sessions()
        .load(info.id(), clock.instant())
        .filter(s -> s.protocol() != EditingSession.Protocol.DOCS_API)
        .isPresent();
  }

  private EditorCustomization customization(
      EditorActor actor, DocumentInfo info, boolean editing, EditorContext.Platform platform)
      throws HostUnavailableException {
    EditorSettings s = settings.editor();
    EditorCustomization c = new EditorCustomization();
    c.locale(EditorRequestParameters.hasLanguage(actor.locale()) ? actor.locale() : Locale.ENGLISH)
        .theme(s.theme())
        .chat(s.chat())
        .comments(s.comments())
        .goback(s.goback())
        .close(s.close())
        .compactHeader(s.toolbar().contains(EditorSettings.Toolbar.COMPACT_HEADER))
        .compactToolbar(s.toolbar().contains(EditorSettings.Toolbar.COMPACT_TOOLBAR))
        .hideFileName(s.toolbar().contains(EditorSettings.Toolbar.HIDE_FILE_NAME))
        .hideRightMenu(s.toolbar().contains(EditorSettings.Toolbar.HIDE_RIGHT_MENU))
        .hideRulers(s.toolbar().contains(EditorSettings.Toolbar.HIDE_RULERS))
        .autosave(s.autosave())
        .forcesave(s.forcesave())
        .strictCoEditing(s.coEditingMode() == EditorSettings.CoEditingMode.STRICT)
        .coEditingChangeable(s.coEditingChangeable())
        .reviewDisplay(s.reviewDisplay().name().toLowerCase(Locale.ROOT))
        .recentFiles(s.recentFiles())
        .templates(s.templates());
    s.customer().name().ifPresent(v -> c.customer().put("name", v));
    s.customer().info().ifPresent(v -> c.customer().put("info", v));
    s.customer().www().ifPresent(v -> c.customer().put("www", v));
    s.customer().mail().ifPresent(v -> c.customer().put("mail", v));
    s.customer().logo().ifPresent(v -> c.customer().put("logo", v.toString()));
    c.plugins().addAll(s.plugins());
    if (host.customizer().isPresent()) {
      host.customizer()
          .get()
          .customize(new EditorContext(info, actor.user(), actor.rights(), editing, platform), c);
    }
    return c;
  }

  private Optional<Boolean> favorite(EditorActor actor, DocumentInfo info) throws HostException {
    if (host.catalog().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(host.catalog().get().isFavorite(info.id(), actor.user()));
  }

  private Optional<List<ShareEntry>> sharing(DocumentInfo info) throws HostException {
    if (host.sharing().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(host.sharing().get().sharing(info.id()));
  }

  private List<DocumentInfo> recent(User user, DocumentInfo info, DocumentType type, int limit)
      throws HostUnavailableException {
    Optional<DocumentCatalog> catalog = host.catalog();
    if (catalog.isEmpty() || limit == 0) {
      return List.of();
    }
    return catalog
        .get()
        .recentDocuments(user, DocumentFormats.extensionsOf(type), limit + 1)
        .stream()
        .filter(d -> !d.id().equals(info.id()))
        .limit(limit)
        .toList();
  }

  private List<Template> templates(User user, DocumentType type, boolean wanted)
      throws HostUnavailableException {
    if (!wanted || host.templates().isEmpty() || !OfficeTemplates.canCreate(type.nativeType())) {
      return List.of();
    }
    return host.templates().get().templates(type.nativeType(), user);
  }
}
