package org.officebridge.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackPayloadTest {

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
  }

  @Test
  void readsEveryMemberTheConnectorUses() {
    CallbackPayload p =
        CallbackPayload.read(
            json(
                "{'key':'ob-d1-3','status':6,'users':['u1','u2'],"
                    + "'actions':[{'type':2,'userid':'u1'}],"
                    + "'url':'http://ds/cache/out.docx','filetype':'DOCX',"
                    + "'changesurl':'http://ds/cache/changes.zip',"
                    + "'history':{'serverVersion':'9.0.0','changes':[{'user':{'id':'u1'}}]},"
                    + "'forcesavetype':1,'formsdataurl':'http://ds/forms.json','userdata':'x',"
                    + "'lastsave':'2026-11-27T12:00:00.000Z','notmodified':true,'extra':1}"));
    assertEquals("ob-d1-3", p.key());
    assertEquals(CallbackStatus.FORCESAVE, p.status());
    assertEquals(List.of("u1", "u2"), p.users());
    assertEquals(Optional.of("u1"), p.lastEditor());
    assertEquals(new CallbackPayload.Action(2, "u1"), p.actions().get(0));
    assertEquals(Optional.of(URI.create("http://ds/cache/out.docx")), p.url());
    assertEquals(Optional.of("docx"), p.fileType());
    assertEquals(Optional.of(URI.create("http://ds/cache/changes.zip")), p.changesUrl());
    assertEquals("9.0.0", p.history().orElseThrow().serverVersion());
    assertEquals("[{\"user\":{\"id\":\"u1\"}}]", p.history().orElseThrow().changesJson());
    assertEquals(ForcesaveType.SAVE_BUTTON, p.forcesaveType());
    assertEquals(Optional.of("x"), p.userdata());
    assertTrue(p.notModified());
  }

  @Test
  void aMinimalCallbackHasOnlyKeyAndStatus() {
    CallbackPayload p = CallbackPayload.read(json("{'key':'k','status':4}"));
    assertEquals(CallbackStatus.CLOSED_WITHOUT_CHANGES, p.status());
    assertTrue(p.users().isEmpty());
    assertTrue(p.url().isEmpty());
    assertTrue(p.history().isEmpty());
    assertEquals(ForcesaveType.UNKNOWN, p.forcesaveType());
    assertFalse(p.notModified());
  }

  @Test
  void numericStringsAndNumbersAreAccepted() {
    CallbackPayload p =
        CallbackPayload.read(
            json(
                "{'key':'k','status':'2','forcesavetype':'0',"
                    + "'history':{'serverVersion':9,'changes':{}}}"));
    assertEquals(CallbackStatus.READY_FOR_SAVING, p.status());
    assertEquals(ForcesaveType.COMMAND, p.forcesaveType());
    assertEquals("9", p.history().orElseThrow().serverVersion());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{'status':2}",
        "{'key':'','status':2}",
        "{'key':'a:b','status':2}",
        "{'key':'k'}",
        "{'key':'k','status':'two'}",
        "{'key':'k','status':2.5}",
        "{'key':'k','status':2,'users':'u1'}",
        "{'key':'k','status':2,'users':[1]}",
        "{'key':'k','status':2,'url':'relative/path'}",
        "{'key':'k','status':2,'url':'::'}",
        "{'key':'k','status':2,'filetype':'../x'}",
        "{'key':'k','status':2,'history':[]}",
        "{'key':'k','status':2,'actions':{}}"
      })
  void malformedMembersAreRefused(String text) {
    assertThrows(IllegalArgumentException.class, () -> CallbackPayload.read(json(text)));
  }

  @Test
  void statusesAndForcesaveTypesMapTotally() {
    for (CallbackStatus s : CallbackStatus.values()) {
      if (s != CallbackStatus.OTHER) {
        assertEquals(s, CallbackStatus.fromCode(s.code()));
      }
    }
    for (int code : new int[] {0, 5, 8, -1, Integer.MIN_VALUE}) {
      assertEquals(CallbackStatus.OTHER, CallbackStatus.fromCode(code));
    }
    for (ForcesaveType t : ForcesaveType.values()) {
      if (t != ForcesaveType.UNKNOWN) {
        assertEquals(t, ForcesaveType.fromCode(t.code()));
      }
    }
    assertEquals(ForcesaveType.UNKNOWN, ForcesaveType.fromCode(4));
  }

  @Test
  void referencesSurviveTheirLinkSubject() {
    CallbackReference r =
        new CallbackReference(
            new org.officebridge.spi.DocumentId("d-1"), "ob-d-1-7", "v|7/with odd chars é");
    assertEquals(Optional.of(r), CallbackReference.fromSubject(r.subject()));
    assertFalse(r.subject().contains("|"));
    assertTrue(CallbackReference.fromSubject("d-1/ob-d-1-7").isEmpty());
    assertTrue(CallbackReference.fromSubject("d 1/k/MQ").isEmpty());
    assertTrue(CallbackReference.fromSubject("d1/bad:key/MQ").isEmpty());
    assertTrue(CallbackReference.fromSubject("d1/k/!!").isEmpty());
  }
}
