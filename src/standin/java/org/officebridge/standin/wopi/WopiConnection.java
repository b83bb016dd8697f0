package org.officebridge.standin.wopi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.json.Json;

/**
 * One user's WOPI editor (one form POST to an action URL): their access token, what CheckFileInfo
 * said for them, and the mode they got.
 */
public final class WopiConnection {

  private final String id;
  private final String docId;
  private final String accessToken;
  private final long accessTokenTtl;
  private final Map<String, Object> checkFileInfo;
  private final boolean edit;
  private final String uiLanguage;
  private final Map<String, Object> docsApiConfig;
  private final List<Map<String, Object>> events = new ArrayList<>();

  WopiConnection(
      String id,
      String docId,
      String accessToken,
      long accessTokenTtl,
      Map<String, Object> checkFileInfo,
      boolean edit,
      String uiLanguage,
      Map<String, Object> docsApiConfig) {
    this.id = id;
    this.docId = docId;
    this.accessToken = accessToken;
    this.accessTokenTtl = accessTokenTtl;
    this.checkFileInfo = checkFileInfo;
    this.edit = edit;
    this.uiLanguage = uiLanguage;
    this.docsApiConfig = docsApiConfig;
  }

  /**
   * @return the connection id
   */
  public String id() {
    return id;
  }

  /**
   * @return the document id (sanitized last WOPISrc segment, also the lock id)
   */
  public String docId() {
    return docId;
  }

  String accessToken() {
    return accessToken;
  }

  /**
   * @return {@code access_token_ttl} as posted (epoch ms, 0 = unknown)
   */
  public long accessTokenTtl() {
    return accessTokenTtl;
  }

  /**
   * @return the CheckFileInfo answer for this user
   */
  public Map<String, Object> checkFileInfo() {
    return checkFileInfo;
  }

  /**
   * @return whether this user edits (otherwise views)
   */
  public boolean edit() {
    return edit;
  }

  /**
   * @return {@code UserId} from CheckFileInfo (or "" when absent)
   */
  public String userId() {
    return Json.string(checkFileInfo, "UserId").orElse("");
  }

  /**
   * @return {@code UserFriendlyName} (blank for anonymous users)
   */
  public String userName() {
    return Json.bool(checkFileInfo, "IsAnonymousUser").orElse(false)
        ? ""
        : Json.string(checkFileInfo, "UserFriendlyName").orElse(userId());
  }

  /**
   * @param property a boolean CheckFileInfo property
   * @return its value (false when absent)
   */
  public boolean flag(String property) {
    return Json.bool(checkFileInfo, property).orElse(false);
  }

  /**
   * @return {@code PostMessageOrigin} without a trailing slash
   */
  public Optional<String> postMessageOrigin() {
    return Json.string(checkFileInfo, "PostMessageOrigin")
        .filter(s -> !s.isBlank())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /**
   * @return the UI language requested in the action URL
   */
  public String uiLanguage() {
    return uiLanguage;
  }

  /**
   * @return the {@code docs_api_config} posted with the form
   */
  public Map<String, Object> docsApiConfig() {
    return docsApiConfig;
  }

  synchronized void push(String type, Object data) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("type", type);
    e.put("data", data);
    events.add(e);
  }

  synchronized List<Map<String, Object>> drain() {
    List<Map<String, Object>> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /**
   * @return the JSON-ready view
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("docId", docId);
    m.put("userId", userId());
    m.put("userName", userName());
    m.put("mode", edit ? "edit" : "view");
    m.put("accessTokenTtl", accessTokenTtl);
    return m;
  }
}
