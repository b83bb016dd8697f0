package org.officebridge.standin.wopi;

import java.util.Map;
import java.util.Optional;

/**
 * An action URL invocation: what the host page's form POST (or a test) asks for.
 *
 * @param wopiSrc the file's WOPISrc
 * @param action view, edit, embedview, mobileView, mobileEdit, editnew, formsubmit or convert
 * @param accessToken {@code access_token}
 * @param accessTokenTtl {@code access_token_ttl} (epoch ms, 0 = unknown)
 * @param docsApiConfig {@code docs_api_config}, parsed
 * @param sessionContext the {@code sc} placeholder value, sent as {@code X-WOPI-SessionContext}
 * @param uiLanguage the {@code ui} placeholder value
 * @param convertTarget for {@code convert}: the target extension
 */
public record WopiRequest(
    String wopiSrc,
    String action,
    String accessToken,
    long accessTokenTtl,
    Map<String, Object> docsApiConfig,
    Optional<String> sessionContext,
    String uiLanguage,
    Optional<String> convertTarget) {

  /**
   * @return whether the action asks for editing
   */
  public boolean wantsEdit() {
    return action.equals("edit")
        || action.equals("mobileEdit")
        || action.equals("editnew")
        || action.equals("formsubmit");
  }
}
