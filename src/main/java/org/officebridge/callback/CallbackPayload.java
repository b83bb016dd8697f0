package org.officebridge.callback;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.officebridge.session.DocumentKeys;

/**
 * The members of a callback the connector uses (protocol digest §3), read from the verified token's
 * claims, never from unsigned body members.
 *
 * @param key the document key
 * @param statusCode the raw {@code status}
 * @param users ids of the users in the session; for 2 and 6 the last editor comes first
 * @param actions user events ({@code type} 0 disconnected, 1 connected, 2 pressed Save)
 * @param url the assembled file (2, 3, 6, 7)
 * @param fileType the lower-case extension of the file at {@code url}
 * @param changesUrl the changes archive (2, 3, 6, 7)
 * @param history the history data (2, 3)
 * @param forcesaveTypeCode the raw {@code forcesavetype} (6, 7)
 * @param formsDataUrl the submitted form data (6 with forcesave type 3)
 * @param userdata echoed from the command that caused the callback
 * @param lastSave when the file was last saved (not documented; sent with saves)
 * @param notModified whether nothing changed since the last save (not documented)
 */
public record CallbackPayload(
    String key,
    int statusCode,
    List<String> users,
    List<Action> actions,
    Optional<URI> url,
    Optional<String> fileType,
    Optional<URI> changesUrl,
    Optional<History> history,
    Optional<Integer> forcesaveTypeCode,
    Optional<String> formsDataUrl,
    Optional<String> userdata,
    Optional<String> lastSave,
    boolean notModified) {

  private static final Pattern FILE_TYPE = Pattern.compile("[a-z0-9]{1,10}");

  /**
   * A user event.
   *
   * @param type 0 disconnected, 1 connected, 2 pressed Save
   * @param userId the user
   */
  public record Action(int type, String userId) {}

  /**
   * The history data of a final save.
   *
   * @param changesJson {@code history.changes} as JSON text
   * @param serverVersion {@code history.serverVersion}
   */
  public record History(String changesJson, String serverVersion) {}

  /** Copies the lists and checks that every part is present. */
  public CallbackPayload {
    Objects.requireNonNull(key, "key");
    users = List.copyOf(users);
    actions = List.copyOf(actions);
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(fileType, "fileType");
    Objects.requireNonNull(changesUrl, "changesUrl");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(forcesaveTypeCode, "forcesaveTypeCode");
    Objects.requireNonNull(formsDataUrl, "formsDataUrl");
    Objects.requireNonNull(userdata, "userdata");
    Objects.requireNonNull(lastSave, "lastSave");
  }

  /**
   * @return the status
   */
  public CallbackStatus status() {
    return CallbackStatus.fromCode(statusCode);
  }

  /**
   * @return the forcesave type ({@link ForcesaveType#UNKNOWN} when absent)
   */
  public ForcesaveType forcesaveType() {
    return forcesaveTypeCode.map(ForcesaveType::fromCode).orElse(ForcesaveType.UNKNOWN);
  }

  /**
   * @return the last editor (for 2 and 6), or the first user listed
   */
  public Optional<String> lastEditor() {
    return users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
  }

  /**
   * Reads the claims of a verified callback token.
   *
   * @param claims the claims
   * @return the callback
   * @throws IllegalArgumentException when a member the connector uses is missing or malformed
   */
  public static CallbackPayload read(JsonObject claims) {
    String key = string(claims, "key").orElseThrow(() -> malformed("key"));
    if (!DocumentKeys.VALID.matcher(key).matches()) {
      throw malformed("key");
    }
    int status = integer(claims, "status").orElseThrow(() -> malformed("status"));
    Optional<String> fileType = string(claims, "filetype").map(t -> t.toLowerCase(Locale.ROOT));
    if (fileType.isPresent() && !FILE_TYPE.matcher(fileType.get()).matches()) {
      throw malformed("filetype");
    }
    return new CallbackPayload(
        key,
        status,
        strings(claims, "users"),
        actions(claims),
        uri(claims, "url"),
        fileType,
        uri(claims, "changesurl"),
        history(claims),
        integer(claims, "forcesavetype"),
        string(claims, "formsdataurl"),
        string(claims, "userdata"),
        string(claims, "lastsave"),
        claims.get("notmodified") == JsonValue.TRUE);
  }

  private static IllegalArgumentException malformed(String member) {
    return new IllegalArgumentException("callback member " + member + " is missing or malformed");
  }

  private static Optional<String> string(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    if (v instanceof JsonNumber n) {
      return Optional.of(n.toString());
    }
    throw malformed(name);
  }

  private static Optional<Integer> integer(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    try {
      if (v instanceof JsonNumber n) {
        return Optional.of(n.intValueExact());
      }
      if (v instanceof JsonString s) {
        return Optional.of(Integer.parseInt(s.getString().trim()));
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw malformed(name);
    }
    throw malformed(name);
  }

  private static List<String> strings(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw malformed(name);
    }
    List<String> out = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonString s) || s.getString().isEmpty()) {
        throw malformed(name);
      }
      out.add(s.getString());
    }
    return out;
  }

  private static List<Action> actions(JsonObject o) {
    JsonValue v = o.get("actions");
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw malformed("actions");
    }
    List<Action> out = new ArrayList<>();
    for (JsonValue item : array) {
      if (!(item instanceof JsonObject action)) {
        throw malformed("actions");
      }
      out.add(new Action(integer(action, "type").orElse(-1), string(action, "userid").orElse("")));
    }
    return out;
  }

  private static Optional<URI> uri(JsonObject o, String name) {
    Optional<String> text = string(o, name).filter(s -> !s.isBlank());
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get().trim());
      if (!uri.isAbsolute()) {
        throw malformed(name);
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw malformed(name);
    }
  }

  private static Optional<History> history(JsonObject o) {
    JsonValue v = o.get("history");
    if (v == null || v == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonObject h)) {
      throw malformed("history");
    }
    JsonValue changes = h.getOrDefault("changes", JsonValue.NULL);
    Optional<String> serverVersion = string(h, "serverVersion");
    if (changes == JsonValue.NULL || serverVersion.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new History(changes.toString(), serverVersion.get()));
  }
}
