package org.officebridge.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The error page logs which endpoint failed, never the signed link after it. */
class ErrorPageServletTest {

  @Test
  void logsOnlyTheEndpointOfAPath() {
    assertEquals(
        "/callback/...",
        ErrorPageServlet.firstSegment("/officebridge/callback/Y3xk.c2ln", "/officebridge"));
    assertEquals("/editor", ErrorPageServlet.firstSegment("/officebridge/editor", "/officebridge"));
    assertEquals("/download/...", ErrorPageServlet.firstSegment("/download/a.b", ""));
  }

  @Test
  void namesEveryStatusItAnswersWith() {
    assertEquals("Forbidden", ErrorPageServlet.reason(403));
    assertEquals("Request Header Fields Too Large", ErrorPageServlet.reason(431));
    assertEquals("Error", ErrorPageServlet.reason(599));
  }
}
