package org.officebridge.spi;

import java.util.Objects;

/**
 * What the Document Server reported about the editing session that produced a version, kept so that
 * the editor's version history can highlight the changes later.
 *
 * @param documentKey the document key in force while the version was edited
 * @param changesJson the callback's {@code history.changes}, as raw JSON text
 * @param serverVersion the callback's {@code history.serverVersion}
 */
public record HistoryRecord(String documentKey, String changesJson, String serverVersion) {

  /**
   * Checks that every part is present.
   *
   * @param documentKey the document key in force while the version was edited
   * @param changesJson the callback's {@code history.changes}, as raw JSON text
   * @param serverVersion the callback's {@code history.serverVersion}
   */
  public HistoryRecord {
    Objects.requireNonNull(documentKey, "documentKey");
    Objects.requireNonNull(changesJson, "changesJson");
    Objects.requireNonNull(serverVersion, "serverVersion");
  }
}
