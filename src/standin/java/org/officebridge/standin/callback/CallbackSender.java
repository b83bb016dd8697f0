package org.officebridge.standin.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.http.Outbound;
import org.officebridge.standin.json.Json;

/**
 * POSTs one callback to a callbackUrl and reads the answer as the DS does: accepted only on HTTP
 * 2xx with {@code {"error":0}}; on 429, 5xx or a network error it retries (3 times by default) with
 * exponential backoff (base 1 s by default, doubling). Blocking: runs on a worker thread.
 */
public final class CallbackSender {

  private static final int MAX_ANSWER = 4096;

  private final Outbound outbound;
  private final OutboxSigner signer;
  private final CallbackLog log;
  private final Clock clock;
  private final Duration retryBase;
  private final int retries;
  private final Duration timeout;

  /**
   * @param outbound the outgoing HTTP
   * @param signer the outbox signer
   * @param log where attempts are recorded
   * @param clock the time source for the log
   * @param retryBase the first backoff delay
   * @param retries how many retries after the first attempt
   * @param timeout the per-request timeout
   */
  public CallbackSender(
      Outbound outbound,
      OutboxSigner signer,
      CallbackLog log,
      Clock clock,
      Duration retryBase,
      int retries,
      Duration timeout) {
    this.outbound = outbound;
    this.signer = signer;
    this.log = log;
    this.clock = clock;
    this.retryBase = retryBase;
    this.retries = retries;
    this.timeout = timeout;
  }

  /**
   * @param key the document key
   * @param callbackUrl where to send
   * @param body the parameters (status, key, ...)
   * @param retry whether failures on 429/5xx/network are retried
   * @return whether the callback was accepted
   * @throws InterruptedException when the stand-in shuts down meanwhile
   */
  public boolean deliver(String key, URI callbackUrl, Map<String, Object> body, boolean retry)
      throws InterruptedException {
    int attempts = retry ? retries + 1 : 1;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) {
        Thread.sleep(retryBase.toMillis() << (attempt - 2));
      }
      Outcome o = attempt(key, callbackUrl, body, attempt);
      if (o.accepted()) {
        return true;
      }
      if (!o.retryable()) {
        return false;
      }
    }
    return false;
  }

  private record Outcome(boolean accepted, boolean retryable) {}

  private Outcome attempt(String key, URI callbackUrl, Map<String, Object> body, int attempt)
      throws InterruptedException {
    Optional<String> bodyToken = signer.bodyToken(body);
    Optional<String> headerToken = signer.headerToken(body);
    String json = OutboxSigner.bodyJson(body, bodyToken);
    int status = -1;
    String answer;
    boolean accepted = false;
    boolean retryable;
    long started = System.nanoTime();
    if (!outbound.allows(callbackUrl)) {
      answer = "refused by the stand-in's outbound policy (loopback only)";
      retryable = false;
    } else {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(callbackUrl)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        headerToken.ifPresent(
            t -> b.header(signer.settings().header(), signer.settings().prefix() + t));
        HttpResponse<String> r =
            outbound.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
        status = r.statusCode();
        answer = r.body().length() > MAX_ANSWER ? r.body().substring(0, MAX_ANSWER) : r.body();
        accepted = status / 100 == 2 && errorIsZero(answer);
        retryable = status == 429 || status >= 500;
      } catch (IOException e) {
        answer = "network error: " + e.getClass().getSimpleName();
        retryable = true;
      }
    }
    log.add(
        new CallbackRecord(
            log.nextSeq(),
            key,
            ((Number) body.get("status")).intValue(),
            callbackUrl,
            java.util.Collections.unmodifiableMap(withoutNulls(body)),
            json,
            bodyToken,
            headerToken,
            attempt,
            status,
            answer,
            accepted,
            clock.instant(),
            java.time.Duration.ofNanos(System.nanoTime() - started)));
    return new Outcome(accepted, !accepted && retryable);
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> body) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    body.forEach(
        (k, v) -> {
          if (v != null) {
            m.put(k, v);
          }
        });
    return m;
  }

  private static boolean errorIsZero(String answer) {
    try {
      Object error = Json.parseObject(answer).get("error");
      return error instanceof Number n && n.doubleValue() == 0;
    } catch (Json.JsonException e) {
      return false;
    }
  }
}
