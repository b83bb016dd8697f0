package org.officebridge.standin.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;

/** The landing page at {@code /}: what this server is, and links to discovery and the controls. */
public final class LandingResource {

  private final RunningStandIn ds;

  /**
   * @param ds the running stand-in
   */
  public LandingResource(RunningStandIn ds) {
    this.ds = ds;
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("GET", "/", this::landing);
    router.route("GET", "/healthcheck", r -> r.sendText(200, "true"));
  }

  private void landing(Request r) throws IOException {
    String html;
    try (InputStream in = LandingResource.class.getResourceAsStream("/standin/index.html")) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var s = ds.settings();
    html =
        html.replace("@@VERSION@@", OfficeDocuments.escapeXml(s.version()))
            .replace("@@BASE@@", OfficeDocuments.escapeXml(ds.baseUrl().toString()))
            .replace(
                "@@JWT@@",
                s.jwt().enabled()
                    ? "on (header " + OfficeDocuments.escapeXml(s.jwt().header()) + ")"
                    : "off");
    r.sendHtml(200, html);
  }
}
