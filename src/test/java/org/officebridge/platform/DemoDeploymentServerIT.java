package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.Deployments;
import org.officebridge.testing.Http;

/** The demo WAR on a real WildFly or Payara: it deploys, lists its documents and opens one. */
@ArquillianTest
@RunAsClient
class DemoDeploymentServerIT {

  @Deployment(testable = false)
  static WebArchive demo() {
    return Deployments.demo();
  }

  @ArquillianResource URL base;

  private final Http http = new Http();

  @Test
  void indexListsTheSamplesWithBothOpenLinks() throws Exception {
    HttpResponse<String> index = http.get(base.toURI());
    assertEquals(200, index.statusCode());
    String html = index.body();
    assertTrue(html.contains("data-title=\"Project report.docx\""), html);
    assertTrue(html.contains("data-title=\"Legacy memo.doc\""), html);
    int rows = count(html, "<tr data-doc-id=");
    assertTrue(rows >= 5, html);
    assertEquals(rows, count(html, "data-open=\"api\""));
    assertEquals(rows, count(html, "data-open=\"wopi\""));
  }

  @Test
  void readinessIsUpWithTheDemoHostsCapabilities() throws Exception {
    HttpResponse<String> ready = http.get(base.toURI().resolve("api/health/ready"));
    assertEquals(200, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"versionHistory\":true"), ready.body());
  }

  @Test
  void theApiOpenLinkLeadsToAnEditorPageForThatDocument() throws Exception {
    String html = http.get(base.toURI()).body();
    Matcher link =
        Pattern.compile("data-open=\"api\" href=\"(editor\\?doc=[^\"]+)\"").matcher(html);
    assertTrue(link.find());
    URI editor = base.toURI().resolve(link.group(1));
    HttpResponse<String> page = http.get(editor);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("web-apps/apps/api/documents/api.js"), page.body());
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
