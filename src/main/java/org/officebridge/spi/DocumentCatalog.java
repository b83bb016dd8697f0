package org.officebridge.spi;

import java.util.List;
import java.util.Set;

/**
 * Optional capability: lists of documents shown inside the editor: the recent files menu ({@code
 * editorConfig.recent}), and the pickers behind insert image, mail merge, compare and reference
 * data ({@code onRequestInsertImage}, {@code onRequestSelectSpreadsheet}, {@code
 * onRequestSelectDocument}, {@code onRequestReferenceData}), plus favourites ({@code
 * document.info.favorite}, {@code setFavorite}). Without it those menus stay empty and the
 * favourite star is hidden.
 */
public interface DocumentCatalog {

  /**
   * @param user the acting user
   * @param fileTypes extensions to include; empty means every type
   * @param limit the most documents to return (at least 1)
   * @return documents the user may view, most recently used first
   * @throws HostUnavailableException on a transient failure
   */
  List<DocumentInfo> recentDocuments(User user, Set<String> fileTypes, int limit)
      throws HostUnavailableException;

  /**
   * Tells the host that a user opened a document in the editor, so that {@link #recentDocuments}
   * can list documents most recently used first. The default does nothing.
   *
   * @param id the opened document
   * @param user who opened it
   * @throws HostUnavailableException on a transient failure (the connector logs it and goes on)
   */
  default void noteOpened(DocumentId id, User user) throws HostUnavailableException {}

  /**
   * @param id a document
   * @param user the acting user
   * @return whether the user marked it as a favourite
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  boolean isFavorite(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException;

  /**
   * @param id a document
   * @param user the acting user
   * @param favorite the new state
   * @throws DocumentNotFoundException when there is no such document
   * @throws HostUnavailableException on a transient failure
   */
  void setFavorite(DocumentId id, User user, boolean favorite)
      throws DocumentNotFoundException, HostUnavailableException;
}
