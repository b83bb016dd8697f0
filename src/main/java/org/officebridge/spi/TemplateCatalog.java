package org.officebridge.spi;

import java.util.List;

/**
 * Optional capability: templates for new documents. Without it the connector offers only blank
 * documents of each type.
 */
public interface TemplateCatalog {

  /**
   * @param fileType an extension (docx, xlsx, pptx ...)
   * @param user who is creating a document
   * @return templates producing that type the user may use
   * @throws HostUnavailableException on a transient failure
   */
  List<Template> templates(String fileType, User user) throws HostUnavailableException;

  /**
   * Opens a template's bytes; the connector closes the content.
   *
   * @param templateId a {@link Template#id()}
   * @param user who is creating a document
   * @return the template's bytes with a description ({@code info().title()} is the template file)
   * @throws DocumentNotFoundException when there is no such template for this user
   * @throws HostUnavailableException on a transient failure
   */
  Content openTemplate(String templateId, User user)
      throws DocumentNotFoundException, HostUnavailableException;
}
