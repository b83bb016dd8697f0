package org.officebridge.standin.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What opening an editor gave: a connection to a session, or the error the editor shows.
 *
 * @param connection the new connection, when opened
 * @param config the verified config, when it verified
 * @param error the refusal, when refused
 */
public record OpenOutcome(
    Optional<Connection> connection, Optional<EditorConfig> config, Optional<EditorError> error) {

  /**
   * @return whether the editor opened
   */
  public boolean opened() {
    return connection.isPresent();
  }

  static OpenOutcome refused(Optional<EditorConfig> config, EditorError error) {
    return new OpenOutcome(Optional.empty(), config, Optional.of(error));
  }

  /**
   * @return the JSON-ready view the editor frame renders
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opened", opened());
    error.ifPresent(e -> m.put("error", e.describe()));
    connection.ifPresent(c -> m.put("connection", c.describe()));
    config.ifPresent(
        c -> {
          m.put("key", c.key());
          m.put("title", c.title());
          m.put("fileType", c.fileType());
          m.put("documentType", c.documentType().code());
          EditorMode mode = connection.map(Connection::mode).orElse(c.mode());
          m.put("mode", mode.code());
          m.put("scope", mode == EditorMode.EDIT ? c.scope().code() : null);
          m.put("permissions", c.permissions());
          m.put("user", c.user().describe());
          m.put("forcesaveButton", c.forcesaveButton());
        });
    return m;
  }
}
