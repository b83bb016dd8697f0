package org.officebridge.standin.session;

import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.formats.DocumentType;
import org.officebridge.standin.json.Json;

/**
 * What an edit connection may change, from {@code document.permissions} (permissions.md): all of
 * it, or, with {@code edit=false}, only tracked changes (review), only comments, or only form
 * fields. Every scope is an editing session: the user connects as an editor, counts in {@code
 * users}, and their changes are saved like any other.
 */
public enum EditScope {
  /** {@code edit=true}: everything. */
  FULL("full", "Edited"),
  /** {@code edit=false, review=true}, document editor only: changes are tracked. */
  REVIEW("review", "Suggested a tracked change"),
  /** {@code edit=false, comment=true}: comments only. */
  COMMENT("comment", "Commented"),
  /** {@code edit=false, fillForms=true}, document and pdf editors only: form fields only. */
  FILL_FORMS("fillForms", "Filled in a form field");

  private final String code;
  private final String change;

  EditScope(String code, String change) {
    this.code = code;
    this.change = change;
  }

  /**
   * @return the name the frame and the controls show
   */
  public String code() {
    return code;
  }

  /**
   * @return how a simulated change of this scope starts its line
   */
  public String change() {
    return change;
  }

  /**
   * Which scope a user in {@code mode=edit} gets, following permissions.md: {@code comment} and
   * {@code review} default to {@code edit}, {@code fillForms} to {@code edit || review}; review is
   * for the document editor, form filling for the document and pdf editors. When {@code edit} and
   * {@code review} are false and both {@code comment} and {@code fillForms} are true, the page
   * contradicts itself (each note says the other value "is not considered"); the stand-in then
   * chooses form filling where forms exist and comments elsewhere.
   *
   * @param type the document type
   * @param permissions {@code document.permissions}
   * @return the scope, or empty when the user can only view
   */
  public static Optional<EditScope> of(DocumentType type, Map<String, Object> permissions) {
    boolean edit = Json.bool(permissions, "edit").orElse(true);
    if (edit) {
      return Optional.of(FULL);
    }
    boolean review = Json.bool(permissions, "review").orElse(false);
    boolean comment = Json.bool(permissions, "comment").orElse(false);
    boolean fillForms = Json.bool(permissions, "fillForms").orElse(review);
    if (review && type == DocumentType.WORD) {
      return Optional.of(REVIEW);
    }
    if (fillForms && (type == DocumentType.WORD || type == DocumentType.PDF)) {
      return Optional.of(FILL_FORMS);
    }
    if (comment && type != DocumentType.DIAGRAM) {
      return Optional.of(COMMENT);
    }
    return Optional.empty();
  }
}
