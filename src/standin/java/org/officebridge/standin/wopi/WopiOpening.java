package org.officebridge.standin.wopi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a WOPI action URL gave: an editor connection, a conversion's HostEditUrl, or an error.
 *
 * @param connection the new connection (view or edit)
 * @param error why the editor could not load
 * @param warning a non-fatal problem (e.g. Lock refused, so view mode)
 * @param hostEditUrl for {@code convert}: where the browser goes next
 * @param putRelative for {@code convert}: the host's PutRelativeFile answer
 */
public record WopiOpening(
    Optional<WopiConnection> connection,
    Optional<String> error,
    Optional<String> warning,
    Optional<String> hostEditUrl,
    Map<String, Object> putRelative) {

  static WopiOpening failed(String error) {
    return new WopiOpening(
        Optional.empty(), Optional.of(error), Optional.empty(), Optional.empty(), Map.of());
  }

  /**
   * @return whether an editor opened
   */
  public boolean opened() {
    return connection.isPresent();
  }

  /**
   * @return the JSON-ready view
   */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("opened", opened());
    connection.ifPresent(c -> m.put("connection", c.describe()));
    error.ifPresent(e -> m.put("error", e));
    warning.ifPresent(w -> m.put("warning", w));
    hostEditUrl.ifPresent(u -> m.put("hostEditUrl", u));
    if (!putRelative.isEmpty()) {
      m.put("putRelative", putRelative);
    }
    return m;
  }
}
