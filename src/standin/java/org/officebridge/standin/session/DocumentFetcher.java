package org.officebridge.standin.session;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.officebridge.standin.callback.OutboxSigner;
import org.officebridge.standin.http.LimitedInputStream;
import org.officebridge.standin.http.Outbound;
import org.officebridge.standin.storage.FileStore;

/**
 * Downloads a URL server-side as the DS does: GET with the outbox JWT header ({@code
 * jwt{"payload":{"url":...}}}), streamed to a scratch file, refused past the size limit.
 */
public final class DocumentFetcher {

  /** Why a download failed. */
  public enum Failure {
    /** The outbound policy does not allow the URL. */
    REFUSED,
    /** No HTTP answer (connection refused, timeout, cut-off). */
    UNREACHABLE,
    /** An HTTP status other than 200. */
    HTTP_STATUS,
    /** More than the size limit. */
    TOO_LARGE
  }

  /** A failed download. */
  public static final class FetchException extends Exception {
    private final Failure failure;

    FetchException(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    /**
     * @return why it failed
     */
    public Failure failure() {
      return failure;
    }
  }

  private final Outbound outbound;
  private final OutboxSigner signer;
  private final FileStore store;
  private final Clock clock;
  private final Duration timeout;
  private final List<DownloadRecord> log = new CopyOnWriteArrayList<>();

  /**
   * @param outbound the outgoing HTTP
   * @param signer signs the JWT header
   * @param store where scratch files go
   * @param clock the time source for the log
   * @param timeout the download timeout
   */
  public DocumentFetcher(
      Outbound outbound, OutboxSigner signer, FileStore store, Clock clock, Duration timeout) {
    this.outbound = outbound;
    this.signer = signer;
    this.store = store;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * @param url what to download
   * @param maxBytes the size limit
   * @return a scratch file with the content (the caller owns it)
   * @throws FetchException when the download fails
   * @throws InterruptedException when interrupted
   */
  public Path fetch(URI url, long maxBytes) throws FetchException, InterruptedException {
    Optional<String> auth = signer.downloadHeader(url.toString());
    if (!outbound.allows(url)) {
      return fail(url, auth, -1, Failure.REFUSED, "refused by the outbound policy");
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout).GET();
    auth.ifPresent(a -> b.header(signer.settings().header(), a));
    Path scratch = null;
    int status = -1;
    try {
      HttpResponse<InputStream> r =
          outbound.client().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      status = r.statusCode();
      try (InputStream body = r.body()) {
        if (status != 200) {
          return fail(url, auth, status, Failure.HTTP_STATUS, "HTTP " + status);
        }
        long announced = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > maxBytes) {
          return fail(url, auth, status, Failure.TOO_LARGE, "Content-Length over the limit");
        }
        scratch = store.scratch();
        Files.copy(
            new LimitedInputStream(body, maxBytes), scratch, StandardCopyOption.REPLACE_EXISTING);
        if (announced >= 0 && Files.size(scratch) != announced) {
          throw new IOException("short body");
        }
      }
      log.add(new DownloadRecord(url, auth, status, Files.size(scratch), "ok", clock.instant()));
      return scratch;
    } catch (LimitedInputStream.LimitExceededException e) {
      delete(scratch);
      return fail(url, auth, status, Failure.TOO_LARGE, "body over the limit");
    } catch (IOException e) {
      delete(scratch);
      return fail(url, auth, status, Failure.UNREACHABLE, e.getClass().getSimpleName());
    }
  }

  private Path fail(URI url, Optional<String> auth, int status, Failure failure, String message)
      throws FetchException {
    log.add(new DownloadRecord(url, auth, status, 0, failure + ": " + message, clock.instant()));
    throw new FetchException(failure, message);
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // scratch files are removed with the store anyway
      }
    }
  }

  /**
   * @return every download made, in order
   */
  public List<DownloadRecord> log() {
    return List.copyOf(log);
  }
}
