package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestEvent;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;

/** A GetFile's content is closed exactly once: by its body, or at the end of the request. */
class UnsentContentTest {

  private final AtomicInteger closes = new AtomicInteger();

  private Content content() {
    DocumentInfo info =
        new DocumentInfo(
            new DocumentId("d1"), "a.docx", 3, "1", Instant.EPOCH, "owner", Optional.empty());
    return new Content(
        info,
        new ByteArrayInputStream(new byte[3]) {
          @Override
          public void close() {
            closes.incrementAndGet();
          }
        });
  }

  /** A request that only keeps attributes, as far as this listener needs one. */
  private static ServletRequest request() {
    Map<String, Object> attributes = new HashMap<>();
    return (ServletRequest)
        Proxy.newProxyInstance(
            ServletRequest.class.getClassLoader(),
            new Class<?>[] {ServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "setAttribute" -> attributes.put((String) args[0], args[1]);
                  case "getAttribute" -> attributes.get((String) args[0]);
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static void end(ServletRequest request) {
    ServletContext context =
        (ServletContext)
            Proxy.newProxyInstance(
                ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });
    new UnsentContent().requestDestroyed(new ServletRequestEvent(context, request));
  }

  @Test
  void contentWhoseBodyIsNeverWrittenIsClosedWhenTheRequestEnds() {
    ServletRequest request = request();
    UnsentContent.hold(request, content());
    assertEquals(0, closes.get());
    end(request);
    assertEquals(1, closes.get());
  }

  @Test
  void contentClaimedByItsBodyIsLeftToTheBody() throws Exception {
    ServletRequest request = request();
    Content content = content();
    AtomicReference<Content> holder = UnsentContent.hold(request, content);
    try (Content claimed = holder.getAndSet(null)) {
      assertSame(content, claimed);
    }
    end(request);
    assertEquals(1, closes.get());
  }

  @Test
  void aRequestWithoutGetFileIsLeftAlone() {
    end(request());
    assertEquals(0, closes.get());
  }
}
