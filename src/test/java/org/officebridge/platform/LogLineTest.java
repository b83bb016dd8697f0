package org.officebridge.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.officebridge.spi.CorrelationId;

class LogLineTest {

  @Test
  void wordsStayPlainAndTextIsQuoted() {
    assertEquals(
        "event=callback doc=d1 status=2 outcome=saved reason=\"the file is gone\"",
        LogLine.event("callback")
            .with("doc", "d1")
            .with("status", 2)
            .with("outcome", "saved")
            .with("reason", "the file is gone")
            .toString());
  }

  @Test
  void absentValuesAreLeftOut() {
    assertEquals(
        "event=x b=2",
        LogLine.event("x")
            .with("a", null)
            .with("c", Optional.empty())
            .with("b", Optional.of(2))
            .toString());
  }

  @Test
  void hostileValuesCannotForgeKeysOrLines() {
    String line = LogLine.event("x").with("user", "bob outcome=ok\nevent=fake \"q\"").toString();
    assertEquals("event=x user=\"bob outcome=ok?event=fake \\\"q\\\"\"", line);
    assertTrue(LogLine.event("x").with("v", "a".repeat(5000)).toString().length() < 1100);
  }

  @Test
  void theRequestsCorrelationIdEndsTheLine() {
    try (CorrelationId.Binding b = CorrelationId.bind("abc-1")) {
      assertEquals("event=x k=v cid=abc-1", LogLine.event("x").with("k", "v").toString());
    }
    assertEquals("event=x", LogLine.event("x").toString());
  }
}
