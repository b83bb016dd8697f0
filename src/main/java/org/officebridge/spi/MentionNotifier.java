package org.officebridge.spi;

/**
 * Optional capability: tells users they were mentioned in a comment ({@code onRequestSendNotify}).
 * The Document Server only reports the mention; sending the e-mail or in-app notification is the
 * host's job. Without this part mentions are offered but nobody is notified.
 */
public interface MentionNotifier {

  /**
   * Called after the connector checked that the author may comment on the document; at most once
   * per mention event.
   *
   * @param mention who mentioned whom, where, and the link that opens the comment
   * @throws HostUnavailableException on a transient failure; the connector answers 503
   */
  void notifyMentioned(Mention mention) throws HostUnavailableException;
}
