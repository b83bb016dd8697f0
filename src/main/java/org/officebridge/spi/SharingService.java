package org.officebridge.spi;

import java.util.List;

/**
 * Optional capability: a document's sharing settings, shown in the editor ({@code
 * document.info.sharingSettings}, {@code onRequestSharingSettings}, WOPI {@code UI_Sharing}) and,
 * when {@link #canChangeSharing()}, changed from there. The connector checks {@link
 * Permission#SHARE} before {@link #updateSharing}.
 */
public interface SharingService {

  /**
   * @param id a document
   * @return its sharing settings
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  List<ShareEntry> sharing(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * @return whether {@link #updateSharing} is implemented
   */
  default boolean canChangeSharing() {
    return false;
  }

  /**
   * Replaces a document's sharing settings.
   *
   * @param id a document
   * @param entries the new settings
   * @param actor the user changing them (who holds {@link Permission#SHARE})
   * @throws OperationNotSupportedException when sharing cannot be changed (the default)
   * @throws AccessDeniedException when the host refuses the change
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  default void updateSharing(DocumentId id, List<ShareEntry> entries, User actor)
      throws OperationNotSupportedException,
          AccessDeniedException,
          DocumentNotFoundException,
          HostUnavailableException {
    throw new OperationNotSupportedException("this host does not change sharing");
  }
}
