package org.officebridge.editor;

import java.util.Locale;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/**
 * Who acts on which document in a browser request, and what they may do, as the host decided on
 * this very request.
 *
 * @param id the document
 * @param user the acting user
 * @param rights the user's rights on the document
 * @param locale the language of the connector's texts for this user
 */
record EditorActor(DocumentId id, User user, AccessRights rights, Locale locale) {

  /**
   * @param permission a permission
   * @throws EditorException 403 when it is not granted
   */
  void require(Permission permission) {
    if (!rights.can(permission)) {
      throw EditorException.forbidden("user=" + user.id() + " lacks " + permission);
    }
  }

  /**
   * @param permissions permissions of which one suffices
   * @throws EditorException 403 when none is granted
   */
  void requireAny(Permission... permissions) {
    for (Permission p : permissions) {
      if (rights.can(p)) {
        return;
      }
    }
    throw EditorException.forbidden("user=" + user.id() + " lacks every permission asked for");
  }

  /**
   * @return the connector's texts in the user's language
   */
  EditorMessages messages() {
    return EditorMessages.forLocale(locale);
  }
}
