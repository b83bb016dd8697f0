package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.web.Escape;

/**
 * Every URL of the WOPI host: the WOPISrc and file URLs the WOPI client calls (under {@code
 * connector.url}, as the Document Server reaches the connector), and the host page links the user's
 * browser opens (under the base URL the browser used, which each access token carries).
 */
@ApplicationScoped
public class WopiLinks {

  private String connectorUrl;
  private String instanceId;

  /** For CDI. */
  protected WopiLinks() {}

  /**
   * @param settings the connector's settings
   */
  @Inject
  public WopiLinks(Settings settings) {
    this.connectorUrl = settings.connector().url().toString();
    this.instanceId = settings.connector().instanceId();
  }

  /**
   * @param document a DMS document
   * @return its WOPI file id
   */
  public WopiFileId fileId(DocumentId document) {
    return new WopiFileId(instanceId, document);
  }

  /**
   * @param text a file id from a URL
   * @return the file id, if it is well-formed and this instance's
   */
  public Optional<WopiFileId> parseFileId(String text) {
    return WopiFileId.parse(instanceId, text);
  }

  /**
   * @param fileId a file
   * @return its WOPISrc: {@code <connector.url>/wopi/files/<file id>}, no query, no trailing slash
   */
  public String wopiSrc(WopiFileId fileId) {
    return connectorUrl + "/wopi/files/" + fileId.value();
  }

  /**
   * @param fileId a file
   * @param accessToken a token for it
   * @return the file's URL with its token (PutRelativeFile's {@code Url})
   */
  public String fileUrl(WopiFileId fileId, String accessToken) {
    return wopiSrc(fileId) + "?access_token=" + Escape.urlParam(accessToken);
  }

  /**
   * @param base the connector's base URL as the browser reached it
   * @param document a document
   * @param action the host page action (view, edit, convert, ...)
   * @return the host page URL
   */
  public static String hostPage(URI base, DocumentId document, String action) {
    return base + "/wopi-host?doc=" + Escape.urlParam(document.value()) + "&action=" + action;
  }

  /**
   * @param base the connector's base URL as the browser reached it
   * @param document a document
   * @return the page listing the document's versions
   */
  public static String versions(URI base, DocumentId document) {
    return base + "/wopi-host/versions?doc=" + Escape.urlParam(document.value());
  }

  /**
   * @param base the connector's base URL as the browser reached it
   * @param info a document
   * @return its DMS folder as an absolute URL, if the host tells where it is
   */
  public static Optional<String> folder(URI base, DocumentInfo info) {
    return info.folder().map(f -> URI.create(base + "/").resolve(f.url()).toString());
  }

  /**
   * @param base the connector's base URL as the browser reached it
   * @return its origin ({@code scheme://host[:port]}), the host page's {@code PostMessageOrigin}
   */
  public static String origin(URI base) {
    return base.getScheme() + "://" + base.getRawAuthority();
  }
}
