package org.officebridge.spi;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A document template the host offers for new documents ({@code editorConfig.templates}).
 *
 * @param id the template's id, passed back to {@link TemplateCatalog#openTemplate}
 * @param title the name shown in the "create new" menu
 * @param fileType the extension of documents created from it (docx, xlsx, pptx, pdf ...)
 * @param image a preview image URL reachable by browsers, if any
 */
public record Template(String id, String title, String fileType, Optional<URI> image) {

  /**
   * Checks that every part is present.
   *
   * @param id the template's id, passed back to {@link TemplateCatalog#openTemplate}
   * @param title the name shown in the "create new" menu
   * @param fileType the extension of documents created from it (docx, xlsx, pptx, pdf ...)
   * @param image a preview image URL reachable by browsers, if any
   */
  public Template {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(fileType, "fileType");
    Objects.requireNonNull(image, "image");
  }
}
