package org.officebridge.documentserver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.officebridge.security.WopiProofKeys;

/**
 * What a WOPI client publishes at {@code /hosting/discovery}: its actions per extension and its
 * proof keys.
 *
 * @param actions extension (lower case) to action name (lower case) to action
 * @param proofKeys the proof keys, if the client publishes them (ONLYOFFICE only does when both its
 *     current and old keys are configured)
 */
public record WopiDiscovery(
    Map<String, Map<String, WopiAction>> actions, Optional<WopiProofKeys> proofKeys) {

  /** Copies the maps. */
  public WopiDiscovery {
    Map<String, Map<String, WopiAction>> copy = new HashMap<>();
    actions.forEach((ext, byName) -> copy.put(ext, Map.copyOf(byName)));
    actions = Map.copyOf(copy);
  }

  /**
   * @param ext a file extension, any case, without the dot
   * @param name an action name, any case (view, edit, editnew, embedview, mobileview, mobileedit,
   *     convert, ...)
   * @return the action, if the client offers it for that extension
   */
  public Optional<WopiAction> action(String ext, String name) {
    return Optional.ofNullable(actions.get(ext.toLowerCase(Locale.ROOT)))
        .map(byName -> byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * @param ext a file extension
   * @return the names (lower case) of the actions offered for it
   */
  public Set<String> actionNames(String ext) {
    return actions.getOrDefault(ext.toLowerCase(Locale.ROOT), Map.of()).keySet();
  }
}
