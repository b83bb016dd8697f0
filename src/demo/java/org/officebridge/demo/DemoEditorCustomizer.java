package org.officebridge.demo;

import jakarta.enterprise.context.ApplicationScoped;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.EditorCustomization;
import org.officebridge.spi.EditorCustomizer;

/**
 * The demo's per-page customization: names the demo in the editor's About box unless the deployment
 * set a customer, and shows viewers the editor in its dark theme, to show a per-user choice.
 */
@ApplicationScoped
public class DemoEditorCustomizer implements EditorCustomizer {

  @Override
  public void customize(EditorContext context, EditorCustomization customization) {
    customization.customer().putIfAbsent("name", "officebridge demo DMS");
    customization.customer().putIfAbsent("info", "A document folder on disk, edited in ONLYOFFICE");
    if (!context.editing() && context.user().id().equals(DemoUsers.Role.VIEWER.user().id())) {
      customization.theme(java.util.Optional.of("theme-dark"));
    }
  }
}
