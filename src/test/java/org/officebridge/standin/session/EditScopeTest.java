package org.officebridge.standin.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.formats.DocumentType;

/** The editing scope a config's permissions give, as permissions.md describes them. */
class EditScopeTest {

  private static Optional<EditScope> word(Map<String, Object> permissions) {
    return EditScope.of(DocumentType.WORD, permissions);
  }

  @Test
  void editIsFullEditingAndIsTheDefault() {
    assertEquals(Optional.of(EditScope.FULL), word(Map.of()));
    assertEquals(Optional.of(EditScope.FULL), word(Map.of("edit", true, "review", false)));
  }

  @Test
  void withoutEditAndWithoutOtherRightsTheUserOnlyViews() {
    assertEquals(Optional.empty(), word(Map.of("edit", false)));
  }

  @Test
  void commentAndReviewDefaultToEditSoEditFalseAloneGrantsNeither() {
    assertEquals(Optional.empty(), EditScope.of(DocumentType.CELL, Map.of("edit", false)));
    assertEquals(Optional.empty(), EditScope.of(DocumentType.PDF, Map.of("edit", false)));
  }

  @Test
  void reviewWithoutEditIsReviewOnlyInTheDocumentEditor() {
    assertEquals(Optional.of(EditScope.REVIEW), word(Map.of("edit", false, "review", true)));
    assertEquals(
        Optional.of(EditScope.REVIEW),
        word(Map.of("edit", false, "review", true, "comment", true, "fillForms", true)));
  }

  @Test
  void reviewIsNotAvailableOutsideTheDocumentEditor() {
    assertEquals(
        Optional.of(EditScope.COMMENT),
        EditScope.of(DocumentType.CELL, Map.of("edit", false, "review", true, "comment", true)));
    assertEquals(
        Optional.empty(), EditScope.of(DocumentType.SLIDE, Map.of("edit", false, "review", true)));
  }

  @Test
  void fillFormsDefaultsToReviewSoAReviewerFillsPdfForms() {
    assertEquals(
        Optional.of(EditScope.FILL_FORMS),
        EditScope.of(DocumentType.PDF, Map.of("edit", false, "review", true)));
  }

  @Test
  void commentWithoutEditIsCommentOnlyInEveryEditorButDiagrams() {
    Map<String, Object> p = Map.of("edit", false, "comment", true);
    for (DocumentType t :
        new DocumentType[] {
          DocumentType.WORD, DocumentType.CELL, DocumentType.SLIDE, DocumentType.PDF
        }) {
      assertEquals(Optional.of(EditScope.COMMENT), EditScope.of(t, p), t.code());
    }
    assertEquals(Optional.empty(), EditScope.of(DocumentType.DIAGRAM, p));
  }

  @Test
  void fillFormsWithoutEditIsFormFillingInDocumentAndPdfEditorsOnly() {
    Map<String, Object> p = Map.of("edit", false, "fillForms", true);
    assertEquals(Optional.of(EditScope.FILL_FORMS), EditScope.of(DocumentType.WORD, p));
    assertEquals(Optional.of(EditScope.FILL_FORMS), EditScope.of(DocumentType.PDF, p));
    assertEquals(Optional.empty(), EditScope.of(DocumentType.CELL, p));
  }

  @Test
  void commentAndFillFormsTogetherChooseFormFillingWhereFormsExist() {
    Map<String, Object> p = Map.of("edit", false, "comment", true, "fillForms", true);
    assertEquals(Optional.of(EditScope.FILL_FORMS), EditScope.of(DocumentType.PDF, p));
    assertEquals(Optional.of(EditScope.COMMENT), EditScope.of(DocumentType.SLIDE, p));
  }
}
