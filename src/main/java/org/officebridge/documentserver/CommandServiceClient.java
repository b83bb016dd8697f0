package org.officebridge.documentserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.platform.Metrics;
import org.officebridge.security.JwtService;

/**
 * The Document Server's command service ({@code POST <internal URL>/command}, protocol digest §6):
 * each method sends one signed command and returns its result, or throws {@link
 * CommandServiceException} with the code the service answered, or {@link DocumentServerException}
 * when the service cannot be reached or answers something else. Thread-safe; blocking.
 *
 * <pre>{@code
 * commands.meta(key, "Renamed.docx");              // after a rename: every open editor shows it
 * commands.forcesave(key, Optional.empty());       // STARTED: a status-6 callback will follow
 * commands.drop(key, List.of(userId));             // rights revoked: that user drops to viewing
 * }</pre>
 */
@ApplicationScoped
public class CommandServiceClient {

  private URI endpoint;
  private SignedPost post;
  private Metrics metrics;

  /** For CDI. */
  protected CommandServiceClient() {}

  /**
   * @param settings the connector's settings (the Document Server's internal URL)
   * @param http the HTTP client to the Document Server
   * @param jwt signs the requests
   * @param jsonb reads and writes the JSON
   * @param metrics counts and times the calls
   */
  @Inject
  public CommandServiceClient(
      Settings settings, DocumentServerHttp http, JwtService jwt, Jsonb jsonb, Metrics metrics) {
    this.endpoint = URI.create(settings.documentServer().internalUrl() + "/command");
    this.post = new SignedPost(http, jwt, jsonb);
    this.metrics = metrics;
  }

  /**
   * Saves an open session now, without ending it.
   *
   * @param key the session's document key
   * @param userdata text echoed back in the status-6 callback, if any
   * @return {@link ForcesaveResult#STARTED}, or {@link ForcesaveResult#NO_CHANGES} (error 4)
   * @throws CommandServiceException for any other error, for example {@link
   *     CommandError#KEY_NOT_FOUND} when no session has the key
   */
  public ForcesaveResult forcesave(String key, Optional<String> userdata) {
    CommandReply reply = call(CommandRequest.forcesave(key, userdata.orElse(null)));
    return switch (CommandError.fromCode(reply.error())) {
      case OK -> ForcesaveResult.STARTED;
      case NO_CHANGES -> ForcesaveResult.NO_CHANGES;
      default -> throw new CommandServiceException("forcesave", reply.error());
    };
  }

  /**
   * Disconnects some users from a session (for example when their rights were revoked); they drop
   * to viewing.
   *
   * @param key the session's document key
   * @param users ids of the users to disconnect, at least one
   * @throws CommandServiceException on an error code
   */
  public void drop(String key, Collection<String> users) {
    if (users.isEmpty()) {
      throw new IllegalArgumentException("name the users to drop, or use dropAll");
    }
    require(call(CommandRequest.drop(key, List.copyOf(users))), "drop");
  }

  /**
   * Blocks editing for everyone in a session (Document Server 8.3 and later).
   *
   * @param key the session's document key
   * @throws CommandServiceException on an error code
   */
  public void dropAll(String key) {
    require(call(CommandRequest.drop(key, null)), "drop");
  }

  /**
   * Asks who is in a session; the Document Server also sends the status to the callback URL.
   *
   * @param key the session's document key
   * @param userdata text echoed back in that callback, if any
   * @return the ids of the users in the session (empty when the answer lists none)
   * @throws CommandServiceException on an error code ({@link CommandError#KEY_NOT_FOUND}: no
   *     session)
   */
  public List<String> info(String key, Optional<String> userdata) {
    CommandReply reply = require(call(CommandRequest.info(key, userdata.orElse(null))), "info");
    return reply.users() == null ? List.of() : List.copyOf(reply.users());
  }

  /**
   * Shows a new title in every editor of a session (after a rename).
   *
   * @param key the session's document key
   * @param title the new title
   * @throws CommandServiceException on an error code
   */
  public void meta(String key, String title) {
    require(call(CommandRequest.meta(key, title)), "meta");
  }

  /**
   * @return the Document Server's version, for example {@code 9.0.3.1}
   * @throws CommandServiceException on an error code ({@link CommandError#INVALID_TOKEN}: the
   *     secrets differ)
   */
  public String version() {
    CommandReply reply = require(call(CommandRequest.withoutKey("version")), "version");
    if (reply.version() == null) {
      throw new DocumentServerException("version answered without a version");
    }
    return reply.version();
  }

  /**
   * @return the Document Server's licence, build and user quota
   * @throws CommandServiceException on an error code
   */
  public DocumentServerLicense license() {
    CommandReply reply = require(call(CommandRequest.withoutKey("license")), "license");
    DocumentServerLicense.Server server =
        reply.server() == null
            ? new DocumentServerLicense.Server(null, null, null, null, null)
            : reply.server();
    return new DocumentServerLicense(
        reply.license() == null ? JsonValue.EMPTY_JSON_OBJECT : reply.license(),
        server,
        reply.quota() == null ? JsonValue.EMPTY_JSON_OBJECT : reply.quota());
  }

  /**
   * @return the keys of the files the Document Server kept because no final save was acknowledged
   * @throws CommandServiceException on an error code
   */
  public List<String> forgottenList() {
    CommandReply reply =
        require(call(CommandRequest.withoutKey("getForgottenList")), "getForgottenList");
    return reply.keys() == null ? List.of() : List.copyOf(reply.keys());
  }

  /**
   * @param key the key of a forgotten file
   * @return where to download it
   * @throws CommandServiceException on an error code ({@link CommandError#KEY_NOT_FOUND}: no such
   *     forgotten file)
   */
  public ForgottenFile forgotten(String key) {
    CommandReply reply = require(call(CommandRequest.keyed("getForgotten", key)), "getForgotten");
    if (reply.url() == null) {
      throw new DocumentServerException("getForgotten answered without a url");
    }
    try {
      return new ForgottenFile(key, URI.create(reply.url()));
    } catch (IllegalArgumentException e) {
      throw new DocumentServerException("getForgotten answered a malformed url", e);
    }
  }

  /**
   * Deletes a forgotten file (after it was recovered).
   *
   * @param key the key of a forgotten file
   * @throws CommandServiceException on an error code
   */
  public void deleteForgotten(String key) {
    require(call(CommandRequest.keyed("deleteForgotten", key)), "deleteForgotten");
  }

  private CommandReply call(CommandRequest request) {
    URI url =
        request.key() == null
            ? endpoint
            : URI.create(
                endpoint + "?shardkey=" + URLEncoder.encode(request.key(), StandardCharsets.UTF_8));
    long start = System.nanoTime();
    CommandReply reply;
    try {
      reply = post.send(url, request, CommandReply.class, "command " + request.command());
    } catch (DocumentServerException e) {
      metrics.documentServerCall(
          "command", request.command(), "unreachable", System.nanoTime() - start);
      throw e;
    }
    String outcome =
        reply.error() == null
            ? "no-error-code"
            : reply.error() == 0 ? "ok" : "error_" + reply.error();
    metrics.documentServerCall("command", request.command(), outcome, System.nanoTime() - start);
    if (reply.error() == null) {
      throw new DocumentServerException("command " + request.command() + " answered no error code");
    }
    return reply;
  }

  private static CommandReply require(CommandReply reply, String command) {
    if (reply.error() != CommandError.OK.code()) {
      throw new CommandServiceException(command, reply.error());
    }
    return reply;
  }
}
