package org.officebridge.documentserver;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.platform.Metrics;
import org.officebridge.security.JwtService;
import org.officebridge.spi.DocumentId;

/**
 * The Document Server's conversion service ({@code POST <internal URL>/converter}, protocol digest
 * §7): signed requests, JSON answers, synchronous conversion with polling, or asynchronous start
 * and poll; results streamed behind the size limit. Used for convert-on-open of legacy formats,
 * download as, save as in another format and thumbnails. Thread-safe; blocking.
 *
 * <pre>{@code
 * String key = conversions.keyFor(info.id(), info.version(), "docx");
 * ConversionResult result =
 *     conversions.convert(ConversionRequest.of(downloadUrl, "doc", "docx", key).withTitle(title));
 * try (InputStream docx = conversions.openResult(result)) {
 *   documents.storeVersion(info.id(), request, docx);
 * }
 * }</pre>
 */
@ApplicationScoped
public class ConversionClient {

  private URI endpoint;
  private SignedPost post;
  private DocumentServerHttp http;
  private Settings settings;
  private Clock clock;
  private Metrics metrics;
  private Duration pollInterval = Duration.ofSeconds(1);

  /** For CDI. */
  protected ConversionClient() {}

  /**
   * @param settings the connector's settings (internal URL, instance id, size limit, timeout)
   * @param http the HTTP client to the Document Server
   * @param jwt signs the requests
   * @param jsonb reads and writes the JSON
   * @param clock the time source of the conversion timeout
   * @param metrics counts and times the calls
   */
  @Inject
  public ConversionClient(
      Settings settings,
      DocumentServerHttp http,
      JwtService jwt,
      Jsonb jsonb,
      Clock clock,
      Metrics metrics) {
    this.endpoint = URI.create(settings.documentServer().internalUrl() + "/converter");
    this.post = new SignedPost(http, jwt, jsonb);
    this.http = http;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** For tests: a shorter pause between polls. */
  void pollInterval(Duration interval) {
    this.pollInterval = interval;
  }

  /**
   * A conversion key for one source version and one target: the same inputs always give the same
   * key (so a repeated request reuses the Document Server's cached result), different inputs never
   * do, and keys of different connector instances never collide.
   *
   * @param document the source document
   * @param version the source version
   * @param target what is made, for example {@code docx}, {@code pdf} or {@code png:256x256}
   * @return the key
   */
  public String keyFor(DocumentId document, String version, String target) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (document.value() + "\n" + version + "\n" + target)
                      .getBytes(StandardCharsets.UTF_8));
      return settings.connector().instanceId() + "-cv-" + HexFormat.of().formatHex(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Converts and waits: sends the request, and while the Document Server has not finished (or the
   * HTTP request timed out), sends the same key again until the conversion ends or the configured
   * conversion timeout passes.
   *
   * @param request the conversion
   * @return the result
   * @throws ConversionException when the service answers an error code ({@link
   *     ConversionError#TIMEOUT} also when the configured timeout passes)
   * @throws DocumentServerException when the service cannot be reached or answers something else
   */
  public ConversionResult convert(ConversionRequest request) {
    Instant deadline = clock.instant().plus(settings.limits().conversionTimeout());
    ConversionRequest attempt = request.withAsync(false);
    while (true) {
      Optional<ConversionProgress> progress = sendToleratingTimeout(attempt);
      if (progress.isPresent() && progress.get().done()) {
        return progress.get().result().orElseThrow();
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new ConversionException(ConversionError.TIMEOUT.code());
      }
      pause();
      attempt = request.withAsync(true);
    }
  }

  /**
   * Starts an asynchronous conversion (or reports on the one with the same key).
   *
   * @param request the conversion
   * @return how far it is; {@link ConversionProgress#done()} when finished
   * @throws ConversionException when the service answers an error code
   * @throws DocumentServerException when the service cannot be reached or answers something else
   */
  public ConversionProgress start(ConversionRequest request) {
    return send(request.withAsync(true));
  }

  /**
   * Asks how an asynchronous conversion stands: the same request again, as the protocol wants.
   *
   * @param request the conversion, as started
   * @return how far it is
   * @throws ConversionException when the service answers an error code
   * @throws DocumentServerException when the service cannot be reached or answers something else
   */
  public ConversionProgress poll(ConversionRequest request) {
    return start(request);
  }

  /**
   * Opens a result for reading, streaming, behind the configured size limit.
   *
   * @param result a finished conversion
   * @return the bytes; the caller closes the stream
   * @throws ForbiddenUrlException when the result is not on a Document Server address
   * @throws SizeLimitExceededException when the result is (or, while read, turns out) too large
   * @throws IOException when the download fails
   */
  public InputStream openResult(ConversionResult result) throws IOException {
    try {
      return http.openDownload(result.fileUrl(), settings.limits().maxFileSize());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while opening a conversion result");
    }
  }

  private Optional<ConversionProgress> sendToleratingTimeout(ConversionRequest request) {
    try {
      return Optional.of(send(request));
    } catch (ConversionException e) {
      throw e;
    } catch (DocumentServerException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private ConversionProgress send(ConversionRequest request) {
    URI url =
        URI.create(
            endpoint + "?shardkey=" + URLEncoder.encode(request.key(), StandardCharsets.UTF_8));
    long start = System.nanoTime();
    ConversionReply reply;
    try {
      reply = post.send(url, request, ConversionReply.class, "conversion");
    } catch (DocumentServerException e) {
      metrics.documentServerCall("conversion", "convert", "unreachable", System.nanoTime() - start);
      throw e;
    }
    boolean failed = reply.error() != null && reply.error() != 0;
    metrics.documentServerCall(
        "conversion",
        "convert",
        failed ? "error_" + reply.error() : "ok",
        System.nanoTime() - start);
    if (failed) {
      throw new ConversionException(reply.error());
    }
    int percent = reply.percent() == null ? 0 : Math.max(0, Math.min(100, reply.percent()));
    if (!Boolean.TRUE.equals(reply.endConvert())) {
      return new ConversionProgress(percent, Optional.empty());
    }
    if (reply.fileUrl() == null || reply.fileType() == null) {
      throw new DocumentServerException("conversion ended without a file");
    }
    try {
      return new ConversionProgress(
          100, Optional.of(new ConversionResult(URI.create(reply.fileUrl()), reply.fileType())));
    } catch (IllegalArgumentException e) {
      throw new DocumentServerException("conversion answered a malformed fileUrl", e);
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DocumentServerException("interrupted while waiting for a conversion", e);
    }
  }
}
