package org.officebridge.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.EditorContext.Platform;

class EditorRequestParametersTest {

  @Test
  void modeIsEditOrViewAndAnythingElseIsRefused() {
    assertEquals(Optional.empty(), EditorRequestParameters.mode(null));
    assertEquals(Optional.of("view"), EditorRequestParameters.mode("view"));
    assertEquals(
        400,
        assertThrows(EditorException.class, () -> EditorRequestParameters.mode("admin")).status());
  }

  @Test
  void platformComesFromTheParameterElseFromTheDevice() {
    String iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148";
    String desktop = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";
    assertEquals(Platform.EMBEDDED, EditorRequestParameters.platform("embedded", iphone, null));
    assertEquals(Platform.MOBILE, EditorRequestParameters.platform(null, iphone, null));
    assertEquals(Platform.MOBILE, EditorRequestParameters.platform(null, desktop, "?1"));
    assertEquals(Platform.DESKTOP, EditorRequestParameters.platform(null, desktop, "?0"));
    assertEquals(Platform.DESKTOP, EditorRequestParameters.platform("", null, null));
    assertEquals(
        400,
        assertThrows(
                EditorException.class, () -> EditorRequestParameters.platform("tv", desktop, null))
            .status());
  }

  @Test
  void actionLinkAcceptsOnlyABookmarkOrCommentAction() {
    assertEquals(
        Optional.of(Map.of("action", Map.of("type", "bookmark", "data", "intro"))),
        EditorRequestParameters.actionLink(
            "{\"action\":{\"type\":\"bookmark\",\"data\":\"intro\"}}"));
    for (String bad :
        new String[] {
          "not json",
          "[]",
          "{\"action\":{\"type\":\"script\",\"data\":\"x\"}}",
          "{\"action\":{\"type\":\"bookmark\",\"data\":\"\"}}",
          "{\"action\":{\"type\":\"bookmark\",\"data\":\"x\"},\"url\":\"javascript:1\"}"
        }) {
      assertEquals(
          400,
          assertThrows(EditorException.class, () -> EditorRequestParameters.actionLink(bad))
              .status(),
          bad);
    }
  }

  @Test
  void jsonForThePageCannotCloseTheScriptElement() {
    String json = EditorJson.writeForScript(Map.of("title", "</script><script>alert(1)</script>"));
    assertTrue(!json.contains("</script") && !json.contains("<"), json);
    assertEquals(
        Optional.of(Map.of("title", "</script><script>alert(1)</script>")), EditorJson.read(json));
  }
}
