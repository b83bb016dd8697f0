package org.officebridge.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import org.officebridge.web.Escape;

/** The frame of every demo page: head, security headers, header bar, and a same-origin check. */
final class DemoPage {

  private DemoPage() {}

  /** Starts an HTML page; the caller writes the body and then calls {@link #end}. */
  static PrintWriter begin(HttpServletResponse response, String title, String userName)
      throws IOException {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " frame-ancestors 'self'; form-action 'self'; base-uri 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    PrintWriter out = response.getWriter();
    out.println("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    out.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    out.println("<title>" + Escape.html(title) + " - officebridge demo</title>");
    out.println("<link rel=\"stylesheet\" href=\"demo/demo.css\"></head><body>");
    out.println(
        "<header><a class=\"brand\" href=\"./\">officebridge demo DMS</a>"
            + "<span class=\"who\">acting as <strong id=\"acting-user\">"
            + Escape.html(userName)
            + "</strong></span></header><main>");
    out.println("<h1>" + Escape.html(title) + "</h1>");
    return out;
  }

  /** Ends a page begun with {@link #begin}. */
  static void end(PrintWriter out) {
    out.println("</main></body></html>");
  }

  /**
   * A state-changing request must come from the demo's own pages: a browser sends Origin (or at
   * least Referer) on form posts, and it must match the request's own origin.
   */
  static boolean isSameOrigin(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin == null) {
      String referer = request.getHeader("Referer");
      if (referer == null) {
        return false;
      }
      try {
        URI r = URI.create(referer);
        origin = r.getScheme() + "://" + r.getRawAuthority();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    String host = request.getHeader("Host");
    return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
  }
}
