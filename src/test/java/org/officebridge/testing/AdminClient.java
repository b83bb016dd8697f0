package org.officebridge.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connector's admin endpoints and metrics as a demo user's browser (or a script) calls them:
 * the demo's owner is an administrator, every other demo user is not.
 */
public final class AdminClient {

  private final URI base;
  private final Http http = new Http();

  /**
   * @param base the application's base URL, ending with a slash
   */
  public AdminClient(URI base) {
    this.base = base;
  }

  /**
   * @return the origin the connector's own pages have
   */
  public String origin() {
    return base.getScheme() + "://" + base.getRawAuthority();
  }

  /**
   * @param user a demo user id
   * @param path a path relative to the application ({@code api/admin/sessions}, {@code admin})
   * @return the answer to a GET as that user
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Cookie", DemoClient.USER_COOKIE + "=" + user)
            .header("Accept", "application/json")
            .GET());
  }

  /**
   * @param user a demo administrator
   * @return the token the admin page sends with changes
   * @throws Exception on a transport failure, or when the user is no administrator
   */
  public String token(String user) throws Exception {
    HttpResponse<String> r = get(user, "api/admin/whoami");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("whoami answered " + r.statusCode() + ": " + r.body());
    }
    return (String) DemoClient.object(r.body()).get("token");
  }

  /**
   * POSTs as the admin page does: same origin, the user's admin token.
   *
   * @param user a demo administrator
   * @param path a path under {@code api/admin/}
   * @param json the body
   * @return the answer
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> post(String user, String path, String json) throws Exception {
    return post(user, path, json, token(user), origin());
  }

  /**
   * POSTs with every part chosen by the test (for forged requests).
   *
   * @param user a demo user id
   * @param path a path under {@code api/admin/}
   * @param json the body
   * @param token the admin token to send, or {@code null}
   * @param origin the Origin header to send, or {@code null}
   * @return the answer
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> post(
      String user, String path, String json, String token, String origin) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(base.resolve("api/admin/" + path))
            .header("Cookie", DemoClient.USER_COOKIE + "=" + user)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      r.header("X-Officebridge-Admin-Token", token);
    }
    if (origin != null) {
      r.header("Origin", origin);
    }
    return http.send(r);
  }

  /**
   * @param user a demo user id
   * @return the metrics as that user reads them
   * @throws Exception on a transport failure
   */
  public HttpResponse<String> metrics(String user) throws Exception {
    return get(user, "api/metrics");
  }

  /**
   * @param scrape the Prometheus text
   * @param name a metric (for histograms, with its {@code _count} or {@code _bucket} suffix)
   * @param labels its label values, in any order
   * @return the sample's value, 0 when the series is not there
   */
  public static double metric(String scrape, String name, Map<String, String> labels) {
    Pattern sample =
        Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
    Matcher m = sample.matcher(scrape);
    while (m.find()) {
      String text = m.group(2) == null ? "" : m.group(2);
      boolean all =
          labels.entrySet().stream()
              .allMatch(e -> text.contains(e.getKey() + "=\"" + e.getValue() + "\""));
      long count = text.isEmpty() ? 0 : text.split("\",").length;
      if (all && count == labels.size()) {
        return Double.parseDouble(m.group(3));
      }
    }
    return 0;
  }
}
