package org.officebridge.demo;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.spi.User;
import org.officebridge.web.Escape;

/** Shows the notifications the demo would have sent for mentions in comments. */
@WebServlet("/demo/mentions")
public class DemoMentionsServlet extends HttpServlet {

  @Inject DemoMentions mentions;
  @Inject DemoUsers users;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    User actor = users.resolveActor(new ServletActorRequest(request)).orElseThrow();
    PrintWriter out = DemoPage.begin(response, "Mention notifications", actor.name());
    out.println("<ul id=\"mentions\">");
    for (String line : mentions.recorded()) {
      out.println("<li class=\"mention\">" + Escape.html(line) + "</li>");
    }
    out.println("</ul>");
    DemoPage.end(out);
  }
}
