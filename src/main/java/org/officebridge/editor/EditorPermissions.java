package org.officebridge.editor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.formats.DocumentFormat;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.Permission;

/**
 * Maps the host's {@link AccessRights} to the editor's {@code document.permissions}, and decides
 * whether a user may have an editing session at all. The editor never gets more than the rights
 * say: {@code edit} needs {@link Permission#EDIT} and a format the editor can change.
 */
final class EditorPermissions {

  private EditorPermissions() {}

  /**
   * @param rights the user's rights
   * @param format the document's format
   * @return whether the user may open it in {@code mode: edit} (to edit, review, comment or fill)
   */
  static boolean mayOpenForEditing(AccessRights rights, DocumentFormat format) {
    return mayEdit(rights, format);
  }

  private static boolean mayEdit(AccessRights rights, DocumentFormat format) {
    return format.isEditable()
        && (rights.can(Permission.EDIT)
            || rights.can(Permission.REVIEW)
            || rights.can(Permission.COMMENT)
            || rights.can(Permission.FILL_FORMS));
  }

  /**
   * @param rights the user's rights
   * @param format the document's format
   * @param chatEnabled whether the deployment (or host) allows the chat at all
   * @param convertible whether a view-only legacy format is converted when the user asks to edit
   * @return {@code document.permissions}, every flag explicit
   */
  static Map<String, Object> of(
      AccessRights rights, DocumentFormat format, boolean chatEnabled, boolean convertible) {
    boolean changeable = format.isEditable();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(
        "edit",
        (changeable || convertible && format.needsConversionToEdit())
            && rights.can(Permission.EDIT));
    p.put("review", changeable && rights.can(Permission.REVIEW));
    p.put("comment", changeable && rights.can(Permission.COMMENT));
    p.put(
        "fillForms",
        changeable && (rights.can(Permission.FILL_FORMS) || rights.can(Permission.EDIT)));
    p.put("modifyContentControl", changeable && rights.can(Permission.MODIFY_CONTENT_CONTROL));
    p.put("modifyFilter", rights.can(Permission.MODIFY_FILTER));
    p.put("copy", rights.can(Permission.COPY));
    p.put("download", rights.can(Permission.DOWNLOAD));
    p.put("print", rights.can(Permission.PRINT));
    p.put("rename", rights.can(Permission.RENAME));
    p.put("chat", chatEnabled && rights.can(Permission.CHAT));
    p.put("protect", changeable && rights.can(Permission.PROTECT));
    AccessRights.GroupRestrictions g = rights.groups();
    Map<String, Object> commentGroups = new LinkedHashMap<>();
    putGroups(commentGroups, "view", g.commentView());
    putGroups(commentGroups, "edit", g.commentEdit());
    putGroups(commentGroups, "remove", g.commentRemove());
    if (!commentGroups.isEmpty()) {
      p.put("commentGroups", commentGroups);
    }
    putGroups(p, "reviewGroups", g.review());
    putGroups(p, "userInfoGroups", g.userInfo());
    return p;
  }

  /** An empty list means "only users without a group", the Document Server's {@code ""}. */
  private static void putGroups(Map<String, Object> p, String name, Optional<List<String>> groups) {
    groups.ifPresent(list -> p.put(name, list.isEmpty() ? List.of("") : list));
  }
}
