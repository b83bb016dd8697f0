package org.officebridge.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.wopi.ProofSigner;

/**
 * Plays the Document Server's WOPI client against any node: opens a host page as a demo user to get
 * the access token and WOPISrc, and sends WOPI calls signed with the stand-in's proof keys (the
 * keys the connector finds in the stand-in's discovery), so a test can choose which node each call
 * reaches.
 */
public final class WopiTestClient {

  private final Http http = new Http();
  private final ProofSigner signer;

  /**
   * @param standIn the running stand-in whose discovery the connector reads
   */
  public WopiTestClient(RunningStandIn standIn) {
    this.signer = new ProofSigner(standIn.proofKeys(), Clock.systemUTC(), standIn.faults(), true);
  }

  /**
   * A file as the host page handed it to the WOPI client.
   *
   * @param token the access token
   * @param wopiSrc the WOPISrc (on the node that served the host page)
   */
  public record Opened(String token, URI wopiSrc) {
    /**
     * @param node the base URL of a node, for example {@code http://127.0.0.1:8080/officebridge/}
     * @return the same WOPISrc on that node
     */
    public URI on(URI node) {
      String path = wopiSrc.getRawPath();
      return node.resolve(path.substring(path.indexOf("/wopi/") + 1));
    }
  }

  /**
   * @param node the base URL of the node serving the page (ending with a slash)
   * @param user a demo user id
   * @param doc a document id
   * @return the token and WOPISrc from the page
   * @throws IOException on a transport failure or an unexpected page
   * @throws InterruptedException when interrupted
   */
  public Opened open(URI node, String user, String doc) throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(node.resolve("wopi-host?doc=" + doc))
                .header("Cookie", "officebridge-demo-user=" + user)
                .GET());
    if (page.statusCode() != 200) {
      throw new IOException("host page answered " + page.statusCode());
    }
    String html = page.body();
    String token = unescape(find(html, "name=\"access_token\" type=\"hidden\" value=\"([^\"]*)\""));
    String action = unescape(find(html, "<form id=\"office_form\"[^>]* action=\"([^\"]*)\""));
    String wopiSrc = URLDecoder.decode(find(action, "[?&]wopisrc=([^&]*)"), StandardCharsets.UTF_8);
    return new Opened(token, URI.create(wopiSrc));
  }

  /**
   * A signed WOPI call.
   *
   * @param file the file's WOPISrc on the node to call
   * @param token the access token
   * @param contents whether to call {@code /contents} (GetFile, PutFile)
   * @param override {@code X-WOPI-Override}, or null for a GET
   * @param lock {@code X-WOPI-Lock}, or null
   * @param body the body of a PutFile, or null
   * @return the answer
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> call(
      URI file, String token, boolean contents, String override, String lock, byte[] body)
      throws IOException, InterruptedException {
    return call(file, token, contents, override, lock, body, Map.of());
  }

  /**
   * A signed WOPI call with extra headers (for example PutFile's {@code X-LOOL-WOPI-IsExitSave}).
   *
   * @param file the file's WOPISrc on the node to call
   * @param token the access token
   * @param contents whether to call {@code /contents} (GetFile, PutFile)
   * @param override {@code X-WOPI-Override}, or null for a GET
   * @param lock {@code X-WOPI-Lock}, or null
   * @param body the body of a PutFile, or null
   * @param headers further request headers
   * @return the answer
   * @throws IOException on a transport failure
   * @throws InterruptedException when interrupted
   */
  public HttpResponse<String> call(
      URI file,
      String token,
      boolean contents,
      String override,
      String lock,
      byte[] body,
      Map<String, String> headers)
      throws IOException, InterruptedException {
    URI url = url(file, token, contents);
    HttpRequest.Builder request = HttpRequest.newBuilder(url);
    signer.headers(token, url.toString()).forEach(request::header);
    if (override == null) {
      request.GET();
    } else {
      request.header("X-WOPI-Override", override);
      request.POST(
          body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
    }
    if (lock != null) {
      request.header("X-WOPI-Lock", lock);
    }
    headers.forEach(request::header);
    return http.send(request);
  }

  /**
   * @param file the file's WOPISrc on the node to call
   * @param token the access token
   * @param contents whether the call goes to {@code /contents} (GetFile, PutFile)
   * @return the full URL of the call, with the access token
   */
  public static URI url(URI file, String token, boolean contents) {
    return URI.create(
        file
            + (contents ? "/contents" : "")
            + "?access_token="
            + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /**
   * @param url the full URL of a call, as {@link #url} builds it
   * @param token the access token
   * @return the timestamp and proof headers for it (valid for 20 minutes), for a load generator
   */
  public Map<String, String> proofHeaders(URI url, String token) {
    return signer.headers(token, url.toString());
  }

  private static String find(String text, String regex) throws IOException {
    Matcher m = Pattern.compile(regex).matcher(text);
    if (!m.find()) {
      throw new IOException("no " + regex + " in the host page");
    }
    return m.group(1);
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
