package org.officebridge.spi;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A comment mentioning users, to notify them.
 *
 * @param document the commented document
 * @param author who wrote the comment
 * @param recipients the mentioned users the host knows (unknown addresses are dropped)
 * @param message the comment text as the editor sent it (untrusted text: escape it when shown)
 * @param link a link that opens the editor at the comment
 */
public record Mention(
    DocumentInfo document, User author, List<User> recipients, String message, URI link) {

  /**
   * Checks that every part is present; copies the list.
   *
   * @param document the commented document
   * @param author who wrote the comment
   * @param recipients the mentioned users the host knows (unknown addresses are dropped)
   * @param message the comment text as the editor sent it (untrusted text: escape it when shown)
   * @param link a link that opens the editor at the comment
   */
  public Mention {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(link, "link");
    recipients = List.copyOf(recipients);
  }
}
