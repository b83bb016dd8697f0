package org.officebridge.demo;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import org.officebridge.web.Escape;
import org.officebridge.web.SameOrigin;

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
    return SameOrigin.check(request, Optional.empty(), false);
  }
}
