package org.officebridge.wopi;

import java.util.Locale;
import java.util.Optional;
import org.officebridge.documentserver.WopiAction;
import org.officebridge.documentserver.WopiDiscovery;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.Permission;

/**
 * Chooses the discovery action the host page opens, never granting more than the user's rights:
 * editing needs the edit, review or comment right and an {@code edit} action for the extension; a
 * requested edit of a binary format the client can only view becomes its {@code convert} action
 * (which needs the edit right); {@code editnew} applies to empty files; on a mobile device the
 * mobile variants are used when offered. Anything else falls back to {@code view}.
 */
final class WopiActionChoice {

  private WopiActionChoice() {}

  /**
   * @param discovery the client's discovery
   * @param info the document
   * @param rights the user's rights
   * @param requested the requested action (view, edit, editnew, embedview, convert), or empty for
   *     the best one the user may use
   * @param mobile whether the browser is a mobile one
   * @return the action, or empty when the client offers nothing for the extension
   */
  static Optional<WopiAction> choose(
      WopiDiscovery discovery,
      DocumentInfo info,
      AccessRights rights,
      Optional<String> requested,
      boolean mobile) {
    String ext = info.fileType();
    boolean mayEdit =
        rights.can(Permission.EDIT)
            || rights.can(Permission.REVIEW)
            || rights.can(Permission.COMMENT);
    String want = requested.map(r -> r.toLowerCase(Locale.ROOT)).orElse("edit");
    Optional<WopiAction> view = pick(discovery, ext, mobile ? "mobileview" : "view", "view");
    Optional<WopiAction> edit =
        mayEdit ? pick(discovery, ext, mobile ? "mobileedit" : "edit", "edit") : Optional.empty();
    Optional<WopiAction> convert =
        rights.can(Permission.EDIT) ? discovery.action(ext, "convert") : Optional.empty();
    Optional<WopiAction> chosen =
        switch (want) {
          case "view" -> view;
          case "embedview" -> discovery.action(ext, "embedview").or(() -> view);
          case "editnew" ->
              info.size() == 0 && mayEdit
                  ? discovery.action(ext, "editnew").or(() -> edit)
                  : edit.or(() -> view);
          case "convert" -> convert.or(() -> view);
          case "edit" ->
              requested.isPresent() ? edit.or(() -> convert).or(() -> view) : edit.or(() -> view);
          default -> view;
        };
    return chosen.or(() -> view);
  }

  private static Optional<WopiAction> pick(
      WopiDiscovery discovery, String ext, String first, String fallback) {
    return discovery.action(ext, first).or(() -> discovery.action(ext, fallback));
  }
}
