package org.officebridge.wopi;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.officebridge.spi.Content;

/**
 * Closes a GetFile's {@link Content} when its body is never written. GetFile opens the content
 * before it answers (its version and size go into the headers), and JAX-RS writes the body later,
 * or not at all: a HEAD request, or a failure between the resource and the body writer. The body
 * claims the content when it starts; whatever is still unclaimed when the servlet request ends (the
 * container's request listener, whatever manages the resource) is closed here.
 */
@WebListener
public class UnsentContent implements ServletRequestListener {

  private static final Logger LOG = Logger.getLogger(UnsentContent.class.getName());
  private static final String ATTRIBUTE = UnsentContent.class.getName();

  /**
   * Holds a content until the body claims it.
   *
   * @param request the request the content answers
   * @param content the opened content
   * @return the holder the body claims it from
   */
  static AtomicReference<Content> hold(ServletRequest request, Content content) {
    AtomicReference<Content> holder = new AtomicReference<>(content);
    request.setAttribute(ATTRIBUTE, holder);
    return holder;
  }

  @Override
  public void requestDestroyed(ServletRequestEvent event) {
    if (event.getServletRequest().getAttribute(ATTRIBUTE) instanceof AtomicReference<?> holder
        && holder.getAndSet(null) instanceof Content content) {
      try {
        content.close();
      } catch (IOException e) {
        LOG.fine(() -> "event=get-file-close outcome=failed doc=" + content.info().id());
      }
    }
  }
}
