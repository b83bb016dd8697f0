package org.officebridge.standin.http;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The stand-in's outgoing HTTP: one client per JVM (JDK 17's {@link HttpClient} cannot be closed,
 * so a client per stand-in would leave a selector thread behind each time), and the loopback policy
 * every outgoing request passes.
 */
public final class Outbound {

  private static final class Holder {
    static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  private final boolean loopbackOnly;

  /**
   * @param loopbackOnly whether requests may only go to loopback addresses
   */
  public Outbound(boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
  }

  /**
   * @return the shared client
   */
  public HttpClient client() {
    return Holder.CLIENT;
  }

  /**
   * @param uri a URL the stand-in is asked to call
   * @return whether the policy allows calling it (http/https, and loopback when so configured)
   */
  public boolean allows(URI uri) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return false;
    }
    if (!loopbackOnly) {
      return true;
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
        if (!a.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
