package org.officebridge.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small HTTP client over loopback for the tests: HTTP/1.1, no redirects followed, short timeouts.
 */
public final class Http {

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          // as the Document Server and WOPI clients speak; the JDK's default (an h2c upgrade on
          // plain HTTP) is what no peer of the connector sends, and on Payara its long-lived
          // connections keep every finished stream (found by the soak run)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /**
   * @param url the URL
   * @return the response with a string body
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> get(URI url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url).GET());
  }

  /**
   * @param request a request to complete and send
   * @return the response with a string body
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * @return the underlying client
   */
  public HttpClient client() {
    return client;
  }
}
