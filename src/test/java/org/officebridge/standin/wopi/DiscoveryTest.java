package org.officebridge.standin.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officebridge.standin.RunningStandIn;
import org.officebridge.standin.StandIn;

class DiscoveryTest {

  private static String fetch(RunningStandIn ds) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(ds.discoveryUrl()).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
    return r.body();
  }

  @Test
  void listsTheActionsOfEveryFormatAsTheDocumentServerDoes() throws Exception {
    try (RunningStandIn ds = StandIn.builder().start()) {
      String xml = fetch(ds);
      Discovery d = new Discovery(xml);
      assertEquals(
          List.of("view", "embedview", "mobileView", "edit", "mobileEdit", "editnew"),
          d.names("docx"));
      assertEquals("true", d.find("edit", "docx").attrs().get("default"));
      assertEquals("locks,update", d.find("edit", "docx").attrs().get("requires"));
      assertEquals("Word", d.find("edit", "docx").app());
      assertEquals("Excel", d.find("edit", "xlsx").app());
      assertEquals("PowerPoint", d.find("edit", "pptx").app());
      assertEquals("Pdf", d.find("formsubmit", "pdf").app());
      assertTrue(
          d.find("formsubmit", "pdf").urlsrc().contains("/hosting/wopi/pdf/edit?formsubmit=1&"));
      assertEquals(List.of("view", "embedview", "mobileView", "convert"), d.names("doc"));
      assertEquals("docx", d.find("convert", "doc").attrs().get("targetext"));
      assertEquals("xlsx", d.find("convert", "xls").attrs().get("targetext"));
      assertTrue(
          d.find("convert", "ppt").urlsrc().contains("/hosting/wopi/convert-and-edit/ppt/pptx?"));
      assertTrue(d.names("csv").contains("edit"), "lossy-edit formats are editable");
      assertEquals(List.of("view", "embedview", "mobileView"), d.names("vsdx"));
      assertTrue(d.find("embedview", "docx").urlsrc().contains("/word/view?embed=1&"));
      assertTrue(d.find("mobileEdit", "xlsx").urlsrc().contains("/cell/edit?mobile=1&"));
      String view = d.find("view", "docx").urlsrc();
      assertTrue(
          view.contains("/hosting/wopi/word/view?&<rs=DC_LLCC&><dchat=DISABLE_CHAT&>"), view);
      assertTrue(view.endsWith("<ui=UI_LLCC&><wopisrc=WOPI_SOURCE&>&"), view);
      assertTrue(xml.contains("&lt;wopisrc=WOPI_SOURCE&amp;&gt;"), "placeholders are XML-escaped");
      assertTrue(
          d.actions.stream()
              .anyMatch(a -> a.app().equals("Capabilities") && a.name().equals("getinfo")));
      assertEquals(
          "http://127.0.0.1:9/x/hosting/wopi/word/view?ui=de-DE&wopisrc=http%3A%2F%2Fh%2Fwopi%2Ffiles%2F1"
              .replace("http://127.0.0.1:9/x", ds.baseUrl().toString()),
          Discovery.resolve(view, "http://h/wopi/files/1").toString());
    }
  }

  @Test
  void proofKeyValueIsACspBlobOfTheSameKeyAsModulusAndExponent() throws Exception {
    try (RunningStandIn ds = StandIn.builder().start()) {
      Discovery d = new Discovery(fetch(ds));
      assertEquals(
          List.of("oldvalue", "oldmodulus", "oldexponent", "value", "modulus", "exponent").stream()
              .sorted()
              .toList(),
          d.proofKey.keySet().stream().sorted().toList());
      assertEquals("AQAB", d.proofKey.get("exponent"));
      for (String prefix : new String[] {"", "old"}) {
        ByteBuffer blob =
            ByteBuffer.wrap(Base64.getDecoder().decode(d.proofKey.get(prefix + "value")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x06, blob.get(), "PUBLICKEYBLOB");
        assertEquals(0x02, blob.get(), "version");
        assertEquals(0, blob.getShort(), "reserved");
        assertEquals(0x0000A400, blob.getInt(), "CALG_RSA_KEYX");
        assertEquals(0x31415352, blob.getInt(), "RSA1");
        int bits = blob.getInt();
        assertEquals(2048, bits);
        assertEquals(65537, blob.getInt());
        byte[] le = new byte[bits / 8];
        blob.get(le);
        assertFalse(blob.hasRemaining());
        byte[] be = new byte[le.length];
        for (int i = 0; i < le.length; i++) {
          be[i] = le[le.length - 1 - i];
        }
        assertEquals(
            new BigInteger(1, Base64.getDecoder().decode(d.proofKey.get(prefix + "modulus"))),
            new BigInteger(1, be));
      }
      assertNotEquals(d.proofKey.get("modulus"), d.proofKey.get("oldmodulus"));
    }
  }

  @Test
  void rotatingKeysMakesTheCurrentKeyTheOldOne() throws Exception {
    try (RunningStandIn ds = StandIn.builder().start()) {
      Discovery before = new Discovery(fetch(ds));
      ds.rotateProofKeys();
      Discovery after = new Discovery(fetch(ds));
      assertEquals(before.proofKey.get("modulus"), after.proofKey.get("oldmodulus"));
      assertNotEquals(before.proofKey.get("modulus"), after.proofKey.get("modulus"));
    }
  }

  @Test
  void withoutProofKeysDiscoveryHasNoProofKeyElement() throws Exception {
    try (RunningStandIn ds = StandIn.builder().wopiProofKeys(false).start()) {
      assertTrue(new Discovery(fetch(ds)).proofKey.isEmpty());
    }
  }
}
