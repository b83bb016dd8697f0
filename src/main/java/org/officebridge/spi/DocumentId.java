package org.officebridge.spi;

import java.util.regex.Pattern;

/**
 * The host's stable identifier of a document: the same for every user, across edits, renames and
 * moves. It appears in URLs (WOPI file ids, editor links) and in document keys, so it is limited to
 * the characters the Document Server accepts in keys and WOPI file ids: {@code 0-9 A-Z a-z - . _
 * =}, 1 to 200 characters, not dots only (so {@code .} and {@code ..} can never name a folder of a
 * host that keeps documents in a file system).
 *
 * @param value the identifier
 */
public record DocumentId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("(?!\\.+$)[0-9A-Za-z._=-]{1,200}");

  /**
   * @throws IllegalArgumentException when the value is empty, longer than 200 characters, has a
   *     character outside {@code 0-9 A-Z a-z - . _ =} or is dots only
   * @param value the identifier
   */
  public DocumentId {
    if (value == null || !ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a document id is 1-200 characters of 0-9 A-Z a-z - . _ =, not dots only");
    }
  }

  /**
   * Parses untrusted input.
   *
   * @param value a candidate id, possibly {@code null}
   * @return the id, or empty when the value is not a valid id
   */
  public static java.util.Optional<DocumentId> parse(String value) {
    return value != null && ALLOWED.matcher(value).matches()
        ? java.util.Optional.of(new DocumentId(value))
        : java.util.Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
