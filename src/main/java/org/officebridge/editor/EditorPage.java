package org.officebridge.editor;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.officebridge.formats.DocumentFormat;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.EditorCustomization;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.Template;
import org.officebridge.spi.User;

/**
 * Everything one editor page is built from, loaded from the host before the config is assembled.
 *
 * @param document the document's current description
 * @param format its format
 * @param user the acting user
 * @param rights the user's rights
 * @param key the document key to open with
 * @param callbackUrl where the Document Server reports the session; present exactly when the editor
 *     opens in {@code mode: edit}
 * @param platform desktop, mobile or embedded
 * @param ownerName the owner's display name, if known
 * @param favorite whether the user marked it a favourite, when the host keeps favourites
 * @param sharing its sharing settings, when the host has them
 * @param recent the user's recent documents of the same editor (not this one)
 * @param templates the host's templates for new documents of this editor
 * @param customization how the editor looks, after the host's customizer
 * @param browserBase the connector's base URL as the browser reaches it, ending with a slash
 * @param actionLink where to scroll to ({@code editorConfig.actionLink}), if asked for
 */
record EditorPage(
    DocumentInfo document,
    DocumentFormat format,
    User user,
    AccessRights rights,
    String key,
    Optional<String> callbackUrl,
    EditorContext.Platform platform,
    Optional<String> ownerName,
    Optional<Boolean> favorite,
    Optional<List<ShareEntry>> sharing,
    List<DocumentInfo> recent,
    List<Template> templates,
    EditorCustomization customization,
    URI browserBase,
    Optional<Map<String, Object>> actionLink) {

  /** Checks that every part is present; copies the lists. */
  EditorPage {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rights, "rights");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(customization, "customization");
    Objects.requireNonNull(browserBase, "browserBase");
    sharing = sharing.map(List::copyOf);
    recent = List.copyOf(recent);
    templates = List.copyOf(templates);
  }

  /**
   * @return whether the editor opens in {@code mode: edit}
   */
  boolean editing() {
    return callbackUrl.isPresent();
  }

  /**
   * @param path a path relative to the connector's pages, such as {@code editor?doc=x}
   * @return its absolute URL as browsers reach it
   */
  String browserUrl(String path) {
    return browserBase.resolve(path).toString();
  }
}
