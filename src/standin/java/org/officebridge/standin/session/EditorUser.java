package org.officebridge.standin.session;

import java.util.Map;

/**
 * A user as {@code editorConfig.user} names them.
 *
 * @param id the user id (≤128)
 * @param name the display name
 */
public record EditorUser(String id, String name) {

  /** Validates the user. */
  public EditorUser {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("user id required");
    }
    name = name == null || name.isBlank() ? id : name;
  }

  /**
   * @return {@code {id, name}}
   */
  public Map<String, Object> describe() {
    return Map.of("id", id, "name", name);
  }
}
