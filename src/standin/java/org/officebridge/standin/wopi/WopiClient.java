package org.officebridge.standin.wopi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.officebridge.standin.http.FormEncoding;
import org.officebridge.standin.http.LimitedInputStream;
import org.officebridge.standin.http.Outbound;

/**
 * The WOPI requests ONLYOFFICE makes to a host (digest §12), each with the access token in the
 * query, proof headers, {@code X-WOPI-ClientVersion}, {@code X-WOPI-CorrelationId} and {@code
 * X-WOPI-SessionId}; every request and answer is logged.
 */
public final class WopiClient {

  private static final int MAX_LOGGED = 4096;

  private final Outbound outbound;
  private final ProofSigner signer;
  private final Clock clock;
  private final Duration timeout;
  private final String clientVersion;
  private final List<WopiRecord> log = new CopyOnWriteArrayList<>();
  private final AtomicLong seq = new AtomicLong();

  /**
   * A host's answer.
   *
   * @param status the HTTP status (-1 on a network error)
   * @param headers the response headers (first values, lower-case names)
   * @param body the body text (empty for file bodies)
   */
  public record Answer(int status, Map<String, String> headers, String body) {
    /**
     * @return whether the status is 2xx
     */
    public boolean ok() {
      return status / 100 == 2;
    }

    /**
     * @param name a header name, any case
     * @return its value
     */
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /**
   * @param outbound the outgoing HTTP
   * @param signer the proof signer
   * @param clock the time source for the log
   * @param timeout the request timeout
   * @param clientVersion the {@code X-WOPI-ClientVersion}
   */
  public WopiClient(
      Outbound outbound, ProofSigner signer, Clock clock, Duration timeout, String clientVersion) {
    this.outbound = outbound;
    this.signer = signer;
    this.clock = clock;
    this.timeout = timeout;
    this.clientVersion = clientVersion;
  }

  /**
   * @param wopiSrc the file's WOPISrc
   * @param suffix "" or "/contents"
   * @param token the access token
   * @return the exact URL the DS requests (and signs)
   */
  public static String url(String wopiSrc, String suffix, String token) {
    String base = wopiSrc + suffix;
    return base
        + (base.contains("?") ? "&" : "?")
        + "access_token="
        + FormEncoding.encodeUriComponent(token);
  }

  /** A request in the making. */
  public final class Call {
    private final String operation;
    private final String method;
    private final String url;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    Call(
        String operation,
        String method,
        String wopiSrc,
        String suffix,
        String token,
        String session) {
      this.operation = operation;
      this.method = method;
      this.url = url(wopiSrc, suffix, token);
      headers.putAll(signer.headers(token, url));
      headers.put("X-WOPI-ClientVersion", clientVersion);
      headers.put("X-WOPI-CorrelationId", UUID.randomUUID().toString());
      headers.put("X-WOPI-SessionId", session);
    }

    /**
     * @param name a header
     * @param value its value
     * @return this call
     */
    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /**
     * @param file the body
     * @return this call
     * @throws IOException when the file cannot be read
     */
    public Call body(Path file) throws IOException {
      body = HttpRequest.BodyPublishers.ofFile(file);
      return this;
    }

    private HttpRequest build() {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
      headers.forEach(b::header);
      return b.method(method, body).build();
    }

    /**
     * @return the answer (network errors become status -1)
     * @throws InterruptedException when interrupted
     */
    public Answer send() throws InterruptedException {
      if (!outbound.allows(URI.create(url))) {
        return record(new Answer(-1, Map.of(), "refused by the outbound policy"));
      }
      try {
        HttpResponse<String> r =
            outbound.client().send(build(), HttpResponse.BodyHandlers.ofString());
        return record(new Answer(r.statusCode(), first(r.headers().map()), r.body()));
      } catch (IOException e) {
        return record(new Answer(-1, Map.of(), "network error: " + e.getClass().getSimpleName()));
      }
    }

    /**
     * Sends a GET and streams a 200 body to {@code target}, refusing more than {@code maxBytes}.
     *
     * @param target where the body goes
     * @param maxBytes the size limit
     * @return the answer (status 413 is reported for a body over the limit)
     * @throws InterruptedException when interrupted
     */
    public Answer download(Path target, long maxBytes) throws InterruptedException {
      try {
        HttpResponse<InputStream> r =
            outbound.client().send(build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() == 200) {
            Files.copy(
                new LimitedInputStream(in, maxBytes), target, StandardCopyOption.REPLACE_EXISTING);
          } else {
            in.transferTo(java.io.OutputStream.nullOutputStream());
          }
        }
        return record(new Answer(r.statusCode(), first(r.headers().map()), ""));
      } catch (LimitedInputStream.LimitExceededException e) {
        return record(new Answer(413, Map.of(), "body over the size limit"));
      } catch (IOException e) {
        return record(new Answer(-1, Map.of(), "network error: " + e.getClass().getSimpleName()));
      }
    }

    private Answer record(Answer a) {
      String body = a.body().length() > MAX_LOGGED ? a.body().substring(0, MAX_LOGGED) : a.body();
      log.add(
          new WopiRecord(
              seq.incrementAndGet(),
              operation,
              method,
              url,
              Map.copyOf(headers),
              a.status(),
              a.headers(),
              body,
              clock.instant()));
      return a;
    }
  }

  private static Map<String, String> first(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            out.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0));
          }
        });
    return out;
  }

  /**
   * @param operation the operation's name for the log
   * @param method GET or POST
   * @param wopiSrc the file's WOPISrc
   * @param suffix "" or "/contents"
   * @param token the access token
   * @param session the X-WOPI-SessionId
   * @return the call to complete and send
   */
  public Call call(
      String operation,
      String method,
      String wopiSrc,
      String suffix,
      String token,
      String session) {
    return new Call(operation, method, wopiSrc, suffix, token, session);
  }

  /**
   * @return every request made, in order
   */
  public List<WopiRecord> log() {
    return List.copyOf(log);
  }
}
