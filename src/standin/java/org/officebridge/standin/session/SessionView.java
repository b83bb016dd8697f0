package org.officebridge.standin.session;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A snapshot of a session, for tests and the control endpoints.
 *
 * @param key the document key
 * @param state where it stands
 * @param title the current title
 * @param fileType the opened type
 * @param workingType the type it is edited and saved as
 * @param documentType the document type
 * @param sourceUrl the {@code document.url} it was downloaded from
 * @param editors the ids of the users editing now
 * @param connections every open connection
 * @param dirty whether there are changes not yet forcesaved
 * @param modified whether anything changed since the session opened (the final save is then status
 *     2, with {@code notmodified=true} when a forcesave the host accepted already has it all)
 * @param edits how many simulated edits were made in total
 * @param lastChanger who changed it last
 * @param keyUsed whether a final save was accepted (the key may not be edited again)
 * @param editingBlocked whether {@code drop} without users blocked editing
 */
public record SessionView(
    String key,
    DocSession.State state,
    String title,
    String fileType,
    String workingType,
    String documentType,
    URI sourceUrl,
    List<String> editors,
    List<Map<String, Object>> connections,
    boolean dirty,
    boolean modified,
    int edits,
    Optional<String> lastChanger,
    boolean keyUsed,
    boolean editingBlocked) {

  /**
   * @return the JSON-ready view
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("state", state.name());
    m.put("title", title);
    m.put("fileType", fileType);
    m.put("workingType", workingType);
    m.put("documentType", documentType);
    m.put("sourceUrl", sourceUrl.toString());
    m.put("editors", editors);
    m.put("connections", connections);
    m.put("dirty", dirty);
    m.put("modified", modified);
    m.put("edits", edits);
    m.put("lastChanger", lastChanger.orElse(null));
    m.put("keyUsed", keyUsed);
    m.put("editingBlocked", editingBlocked);
    return m;
  }
}
