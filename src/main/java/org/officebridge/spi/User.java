package org.officebridge.spi;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person known to the host, as shown to co-editors, in mentions and in version history.
 *
 * @param id opaque, stable id (1-128 characters); sent to the Document Server as {@code
 *     editorConfig.user.id}, so prefer an opaque value to an e-mail address
 * @param name display name (1-128 characters)
 * @param email e-mail address for mentions and notifications, if the host has one
 * @param avatar URL of the user's picture, reachable by browsers, if any
 * @param groups names of the groups the user belongs to (for comment/review group restrictions)
 * @param locale the user's preferred locale (interface language and region)
 */
public record User(
    String id,
    String name,
    Optional<String> email,
    Optional<URI> avatar,
    Set<String> groups,
    Locale locale) {

  /**
   * @throws IllegalArgumentException when id or name are blank or longer than 128 characters
   * @param id opaque, stable id (1-128 characters); sent to the Document Server as {@code
   *     editorConfig.user.id}, so prefer an opaque value to an e-mail address
   * @param name display name (1-128 characters)
   * @param email e-mail address for mentions and notifications, if the host has one
   * @param avatar URL of the user's picture, reachable by browsers, if any
   * @param groups names of the groups the user belongs to (for comment/review group restrictions)
   * @param locale the user's preferred locale (interface language and region)
   */
  public User {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(locale, "locale");
    requireText(id, "user id");
    requireText(name, "user name");
    groups = Set.copyOf(groups);
  }

  /**
   * A user with only an id, a name and a locale.
   *
   * @param id the id
   * @param name the display name
   * @param locale the preferred locale
   * @return the user
   */
  public static User of(String id, String name, Locale locale) {
    return new User(id, name, Optional.empty(), Optional.empty(), Set.of(), locale);
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank() || value.length() > 128) {
      throw new IllegalArgumentException(what + " must be 1-128 characters");
    }
  }
}
