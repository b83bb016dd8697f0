package org.officebridge.documentserver;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Objects;

/**
 * A request to the command service ({@code POST /command}), as JSON-B writes it; absent members are
 * {@code null} and left out. Made through the factories, one per command (protocol digest §6).
 *
 * @param command {@code c}: the command
 * @param key the document key, for the commands about one editing session
 * @param userdata echoed back in the callback the command causes ({@code forcesave}, {@code info})
 * @param users {@code drop}: the users to disconnect
 * @param meta {@code meta}: the new document title
 */
public record CommandRequest(
    @JsonbProperty("c") String command,
    @JsonbProperty("key") String key,
    @JsonbProperty("userdata") String userdata,
    @JsonbProperty("users") List<String> users,
    @JsonbProperty("meta") Meta meta) {

  /**
   * The {@code meta} member.
   *
   * @param title the new title shown in every open editor
   */
  public record Meta(@JsonbProperty("title") String title) {}

  /** Checks that the command is named and copies the user list. */
  public CommandRequest {
    Objects.requireNonNull(command, "command");
    users = users == null ? null : List.copyOf(users);
  }

  static CommandRequest forcesave(String key, String userdata) {
    return new CommandRequest("forcesave", key, userdata, null, null);
  }

  static CommandRequest drop(String key, List<String> users) {
    return new CommandRequest("drop", key, null, users, null);
  }

  static CommandRequest info(String key, String userdata) {
    return new CommandRequest("info", key, userdata, null, null);
  }

  static CommandRequest meta(String key, String title) {
    return new CommandRequest("meta", key, null, null, new Meta(title));
  }

  static CommandRequest withoutKey(String command) {
    return new CommandRequest(command, null, null, null, null);
  }

  static CommandRequest keyed(String command, String key) {
    return new CommandRequest(command, key, null, null, null);
  }
}
