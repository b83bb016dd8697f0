package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officebridge.testing.ConnectorLinks;
import org.officebridge.testing.DemoDms;
import org.officebridge.testing.DocumentServerDouble;
import org.officebridge.testing.InProcessServer;
import org.officebridge.testing.TestSettings;

/** Callbacks from an address outside the Document Server's allow-list are refused untouched. */
class CallbackAddressHttpIT {

  @Test
  void aCallbackFromOutsideTheDocumentServersAddressesIsRefused() throws Exception {
    Path data = Files.createTempDirectory(Path.of("target"), "demo-data-");
    Map<String, String> settings = TestSettings.forInProcess("http://127.0.0.1:9", data);
    settings.put("officebridge.ds.allowed-addresses", "127.0.0.2");
    try (InProcessServer server = InProcessServer.start(InProcessServer.demoWar(), settings);
        DocumentServerDouble ds =
            DocumentServerDouble.start("127.0.0.2", TestSettings.JWT_SECRET)) {
      DemoDms dms = new DemoDms(server.baseUrl(), data);
      DemoDms.Document doc = dms.upload("Address", "docx", "v1".getBytes(StandardCharsets.UTF_8));
      String key = "it-" + doc.id() + "-1";
      String callbackUrl =
          new ConnectorLinks(server.baseUrl().toString(), TestSettings.LINK_SECRET)
              .callbackUrl(doc.id(), key, doc.version());
      HttpResponse<String> answer =
          ds.callback(
              callbackUrl,
              Map.of(
                  "key",
                  key,
                  "status",
                  2,
                  "users",
                  List.of("editor"),
                  "url",
                  ds.serve("f", DocumentServerDouble.bytes(new byte[] {1, 2, 3})),
                  "filetype",
                  "docx"),
              DocumentServerDouble.Placement.BOTH);
      assertEquals(403, answer.statusCode());
      assertEquals("{\"error\":1}", answer.body());
      assertEquals(1, dms.versions(doc.id()).size());
      assertEquals(0, ds.downloads("f"));
    }
  }
}
