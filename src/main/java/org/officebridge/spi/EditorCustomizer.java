package org.officebridge.spi;

/**
 * Optional capability: adjusts the editor's customization for one editor page, after the connector
 * has filled it from the deployment's settings ({@code officebridge.editor.*}). Use it for per-user
 * or per-folder choices: a theme, a customer name per tenant, the chat off in some folders, a logo
 * where the Document Server's licence allows it ({@link EditorCustomization#set}).
 *
 * <p>It can only change how the editor looks and behaves, never what the user may do: document,
 * key, URLs, mode, user and permissions are decided by the connector from {@link AccessPolicy} and
 * are not offered here. Without this part the settings apply unchanged.
 */
public interface EditorCustomizer {

  /**
   * Called once for every editor page (and every refreshed editor config), on the request thread.
   *
   * @param context the document, the user, their rights and how the editor opens
   * @param customization the customization so far; change it in place. It belongs to this call only
   *     and must not be kept
   * @throws HostUnavailableException on a transient failure; the connector answers 503
   */
  void customize(EditorContext context, EditorCustomization customization)
      throws HostUnavailableException;
}
