package org.officebridge.spi;

/**
 * Required: what a user may do with a document. The connector asks before every editor page, event
 * endpoint and access-token issue, and never grants more than this answer (a user without {@link
 * Permission#EDIT} never gets an edit session, whatever the URL says).
 */
public interface AccessPolicy {

  /**
   * @param id a document
   * @param user the acting user
   * @return the user's rights; {@link AccessRights#none()} when the user may not even view it
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  AccessRights rightsFor(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException;
}
