package org.officebridge.standin.command;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.callback.ForgottenFiles;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.InboxTokens;
import org.officebridge.standin.jwt.JwtSettings;
import org.officebridge.standin.jwt.TokenException;
import org.officebridge.standin.session.EditingService;
import org.officebridge.standin.storage.SignedLinks;

/**
 * The command service: {@code POST /command} (and the pre-8.2 {@code
 * /coauthoring/CommandService.ashx}), JWT-checked like the DS (body token first, else header
 * token's {@code payload}), always answering HTTP 200 with a JSON {@code error} code 0-6.
 */
public final class CommandResource {

  private static final System.Logger LOG = System.getLogger(CommandResource.class.getName());

  private final EditingService editing;
  private final ForgottenFiles forgotten;
  private final SignedLinks links;
  private final JwtSettings jwt;
  private final InboxTokens inbox;
  private final Faults faults;
  private final Clock clock;
  private final LicenseInfo license;

  /**
   * @param editing the sessions
   * @param forgotten the forgotten files
   * @param links signs file links
   * @param jwt the JWT settings
   * @param faults forced errors
   * @param clock the time source
   * @param license what {@code version}/{@code license} report
   */
  public CommandResource(
      EditingService editing,
      ForgottenFiles forgotten,
      SignedLinks links,
      JwtSettings jwt,
      Faults faults,
      Clock clock,
      LicenseInfo license) {
    this.editing = editing;
    this.forgotten = forgotten;
    this.links = links;
    this.jwt = jwt;
    this.inbox = new InboxTokens(jwt);
    this.faults = faults;
    this.clock = clock;
    this.license = license;
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("POST", "/command", this::handle);
    router.route("POST", "/coauthoring/CommandService\\.ashx", this::handle);
  }

  private void handle(Request request) throws IOException {
    Map<String, Object> body;
    try {
      body = Json.parseObject(request.bodyText());
    } catch (Json.JsonException e) {
      request.sendJson(200, Map.of("error", CommandError.COMMAND_NOT_CORRECT.code()));
      return;
    }
    Map<String, Object> params;
    try {
      params = inbox.parameters(body, request.header(jwt.header()), clock.instant());
    } catch (TokenException e) {
      request.sendJson(200, Map.of("error", CommandError.INVALID_TOKEN.code()));
      return;
    }
    request.sendJson(200, answer(params));
  }

  /**
   * @param params the verified command parameters
   * @return the JSON answer
   */
  public Map<String, Object> answer(Map<String, Object> params) {
    Optional<String> key = Json.string(params, "key").filter(k -> !k.isBlank());
    Map<String, Object> out = new LinkedHashMap<>();
    Optional<Integer> forced = faults.takeCommandError();
    if (forced.isPresent()) {
      out.put("error", forced.get());
      key.ifPresent(k -> out.put("key", k));
      return out;
    }
    try {
      String c = Json.string(params, "c").orElse("");
      CommandError error = run(c, key, params, out);
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("error", error.code());
      if (error == CommandError.OK || !out.isEmpty()) {
        answer.putAll(out);
      }
      if (key.isPresent() && !answer.containsKey("key") && !c.startsWith("getForgottenList")) {
        answer.put("key", key.get());
      }
      return answer;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "command failed", e);
      return Map.of("error", CommandError.INTERNAL.code());
    }
  }

  private CommandError run(
      String c, Optional<String> key, Map<String, Object> params, Map<String, Object> out) {
    Optional<String> userdata = Json.string(params, "userdata");
    switch (c) {
      case "version" -> {
        out.put("version", license.version());
        return CommandError.OK;
      }
      case "license" -> {
        out.putAll(license.describe(editing));
        return CommandError.OK;
      }
      case "getForgottenList" -> {
        out.put("keys", forgotten.keys());
        return CommandError.OK;
      }
      case "forcesave", "drop", "info", "meta", "getForgotten", "deleteForgotten" -> {
        if (key.isEmpty()) {
          return CommandError.KEY_NOT_FOUND;
        }
        return keyed(c, key.get(), params, userdata, out);
      }
      default -> {
        return CommandError.COMMAND_NOT_CORRECT;
      }
    }
  }

  private CommandError keyed(
      String c,
      String key,
      Map<String, Object> params,
      Optional<String> userdata,
      Map<String, Object> out) {
    return switch (c) {
      case "forcesave" -> fromCode(editing.commandForcesave(key, userdata));
      case "drop" -> {
        Optional<List<String>> users =
            Json.array(params, "users").map(l -> l.stream().map(String::valueOf).toList());
        yield fromCode(editing.drop(key, users));
      }
      case "info" -> info(key, userdata, out);
      case "meta" -> {
        Optional<String> title = Json.object(params, "meta").flatMap(m -> Json.string(m, "title"));
        yield title.isEmpty()
            ? CommandError.COMMAND_NOT_CORRECT
            : fromCode(editing.meta(key, title.get()));
      }
      case "getForgotten" ->
          forgotten
              .get(key)
              .map(
                  f -> {
                    out.put("key", key);
                    out.put("url", links.link(f.file()).toString());
                    return CommandError.OK;
                  })
              .orElse(CommandError.KEY_NOT_FOUND);
      case "deleteForgotten" ->
          forgotten.delete(key) ? CommandError.OK : CommandError.KEY_NOT_FOUND;
      default -> CommandError.COMMAND_NOT_CORRECT;
    };
  }

  private CommandError info(String key, Optional<String> userdata, Map<String, Object> out) {
    Optional<List<String>> users = editing.editors(key);
    if (users.isEmpty()) {
      return CommandError.KEY_NOT_FOUND;
    }
    if (editing.pushInfo(key, userdata).isEmpty()) {
      return CommandError.CALLBACK_URL;
    }
    out.put("key", key);
    out.put("users", users.get());
    return CommandError.OK;
  }

  private static CommandError fromCode(int code) {
    return CommandError.fromCode(code).orElse(CommandError.INTERNAL);
  }
}
