package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Switches the acting demo user (there is no login in the demo) and returns to the list. */
@WebServlet("/demo/user")
public class DemoUserServlet extends HttpServlet {

  @Inject DemoUsers users;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!DemoPage.isSameOrigin(request)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
      return;
    }
    String id = request.getParameter("user");
    if (id == null || users.findUser(id).isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "unknown demo user");
      return;
    }
    Cookie cookie = new Cookie(DemoUsers.COOKIE, id);
    cookie.setHttpOnly(true);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setAttribute("SameSite", "Lax");
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge(30 * 24 * 3600);
    response.addCookie(cookie);
    response.sendRedirect(request.getContextPath() + "/");
  }
}
