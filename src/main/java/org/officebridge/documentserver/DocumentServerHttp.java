package org.officebridge.documentserver;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.officebridge.config.Settings;
import org.officebridge.security.DocumentServerAddresses;

/**
 * The HTTP client for calls to the Document Server: the configured trust store (never trust-all),
 * connect and read timeouts, no redirects, no proxy, and the address allow-list applied to every
 * URL before a byte is sent. Requests go through the JDK's {@link HttpClient}; downloads, which can
 * be large, through {@link HttpURLConnection} with the same rules.
 */
@ApplicationScoped
public class DocumentServerHttp {

  private Settings settings;
  private DocumentServerAddresses addresses;
  private HttpClient client;
  private SSLContext ssl;
  private ExecutorService executor;

  /** For CDI. */
  protected DocumentServerHttp() {}

  /**
   * @param settings the connector's settings
   * @param addresses the allow-list
   */
  @Inject
  public DocumentServerHttp(Settings settings, DocumentServerAddresses addresses) {
    this.settings = settings;
    this.addresses = addresses;
    this.executor = Executors.newCachedThreadPool(daemonThreads());
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(settings.limits().connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor);
    this.ssl =
        settings.documentServer().trustStore().map(DocumentServerHttp::sslContext).orElse(null);
    if (ssl != null) {
      builder.sslContext(ssl);
    }
    this.client = builder.build();
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "officebridge-ds-http");
      t.setDaemon(true);
      return t;
    };
  }

  private static SSLContext sslContext(Settings.TrustStore trustStore) {
    try (InputStream in = Files.newInputStream(trustStore.path())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, trustStore.password().map(p -> p.chars()).orElse(null));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the Document Server trust store", e);
    }
  }

  /**
   * Opens a download from the Document Server, streaming, behind the size limit.
   *
   * @param url the URL (from a callback, a conversion result ...)
   * @param maxBytes the most bytes accepted
   * @return the body; reading past {@code maxBytes} fails with {@link SizeLimitExceededException}
   * @throws ForbiddenUrlException when the URL is not on the allow-list (nothing is sent)
   * @throws IOException when the request fails or the answer is not 200
   * @throws InterruptedException when interrupted
   */
  public InputStream openDownload(URI url, long maxBytes) throws IOException, InterruptedException {
    requireAllowed(url);
    // java.net's blocking client, not HttpClient: HttpClient hands a body over in 16 KiB buffers
    // between threads and received about 200 MiB/s on loopback where this reads 600-1000 MiB/s
    // (the same file, the same minute); the callback save of a large document waited on it
    HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
    if (connection instanceof HttpsURLConnection https && ssl != null) {
      https.setSSLSocketFactory(ssl.getSocketFactory());
    }
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setConnectTimeout(millis(settings.limits().connectTimeout()));
    connection.setReadTimeout(millis(settings.limits().readTimeout()));
    int status;
    try {
      status = connection.getResponseCode();
    } catch (IOException e) {
      connection.disconnect();
      throw e;
    }
    if (status != 200) {
      discard(connection);
      throw new IOException("download answered HTTP " + status);
    }
    long declared = connection.getContentLengthLong();
    if (declared > maxBytes) {
      connection.disconnect();
      throw new SizeLimitExceededException(maxBytes);
    }
    return new LimitedInputStream(connection.getInputStream(), maxBytes, declared);
  }

  private static int millis(java.time.Duration d) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, d.toMillis()));
  }

  /** Drops a refused answer's body and its connection. */
  private static void discard(HttpURLConnection connection) {
    try (InputStream error = connection.getErrorStream()) {
      // nothing to read: closing is enough
    } catch (IOException ignored) {
      // the connection goes anyway
    }
    connection.disconnect();
  }

  /**
   * Posts JSON to the Document Server (command service, conversion).
   *
   * @param url the endpoint
   * @param json the body
   * @param headers extra headers (the JWT header)
   * @return the answer with its body as text
   * @throws ForbiddenUrlException when the URL is not on the allow-list (nothing is sent)
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> postJson(URI url, String json, Map<String, String> headers)
      throws IOException, InterruptedException {
    requireAllowed(url);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(settings.limits().readTimeout())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends any request to an allowed URL.
   *
   * @param request the request
   * @param handler how to read the answer
   * @param <T> the body type
   * @return the answer
   * @throws ForbiddenUrlException when the URL is not on the allow-list (nothing is sent)
   * @throws IOException when the request fails
   * @throws InterruptedException when interrupted
   */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    requireAllowed(request.uri());
    return client.send(request, handler);
  }

  private void requireAllowed(URI url) throws ForbiddenUrlException {
    if (!addresses.isAllowedUrl(url)) {
      throw new ForbiddenUrlException(url);
    }
  }

  @PreDestroy
  void close() {
    executor.shutdownNow();
  }
}
