package org.officebridge.spi;

/**
 * What a user may do with a document. The editor-side flags map one to one to ONLYOFFICE's {@code
 * document.permissions}; {@link #SHARE} and {@link #DELETE} are DMS-side rights.
 */
public enum Permission {
  /** Open the document at all. Every other permission implies it. */
  VIEW,
  /** Change the content ({@code permissions.edit}; WOPI {@code UserCanWrite}). */
  EDIT,
  /** Edit in track-changes mode ({@code permissions.review}; WOPI {@code UserCanReview}). */
  REVIEW,
  /** Add comments ({@code permissions.comment}; WOPI {@code UserCanOnlyComment}). */
  COMMENT,
  /** Fill in forms ({@code permissions.fillForms}). */
  FILL_FORMS,
  /** Change content controls ({@code permissions.modifyContentControl}). */
  MODIFY_CONTENT_CONTROL,
  /** Change filters in spreadsheets for everyone ({@code permissions.modifyFilter}). */
  MODIFY_FILTER,
  /** Copy content to the clipboard ({@code permissions.copy}). */
  COPY,
  /** Download or save a copy ({@code permissions.download}). */
  DOWNLOAD,
  /** Print ({@code permissions.print}). */
  PRINT,
  /** Rename the document ({@code permissions.rename}; WOPI {@code UserCanRename}). */
  RENAME,
  /** Use the editor chat ({@code permissions.chat}). */
  CHAT,
  /** Protect ranges or the document ({@code permissions.protect}). */
  PROTECT,
  /** See and change who the document is shared with. */
  SHARE,
  /** Delete the document. */
  DELETE
}
