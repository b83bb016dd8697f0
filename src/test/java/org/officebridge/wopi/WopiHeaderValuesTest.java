package org.officebridge.wopi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** WOPI header values: one value per header, operation names, decimal sizes; else 400. */
class WopiHeaderValuesTest {

  @Test
  void aHeaderSentTwiceIsAmbiguous() {
    WopiException e =
        assertThrows(
            WopiException.class, () -> WopiHeaderValues.single(List.of("a", "b"), "X-WOPI-Lock"));
    assertEquals(400, e.status());
    assertEquals(Optional.of("a"), WopiHeaderValues.single(List.of("a"), "X-WOPI-Lock"));
    assertEquals(Optional.empty(), WopiHeaderValues.single(List.of(), "X-WOPI-Lock"));
  }

  @Test
  void operationsAreNormalisedNames() {
    assertEquals("LOCK", WopiHeaderValues.operation(Optional.of(" lock ")));
    assertEquals("PUT_RELATIVE", WopiHeaderValues.operation(Optional.of("PUT_RELATIVE")));
    assertEquals(
        400,
        assertThrows(WopiException.class, () -> WopiHeaderValues.operation(Optional.empty()))
            .status());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "LOCK UNLOCK",
        "LOCK,UNLOCK",
        "LOCK;DELETE",
        "L\u00d6CK",
        "_LOCK",
        "1",
        "LOCK\u0001"
      })
  void malformedOperationsAre400(String value) {
    assertEquals(
        400,
        assertThrows(WopiException.class, () -> WopiHeaderValues.operation(Optional.of(value)))
            .status());
  }

  @Test
  void sizesAreDecimalByteCounts() {
    assertEquals(
        OptionalLong.of(1024), WopiHeaderValues.size(Optional.of(" 1024 "), "X-WOPI-Size"));
    assertEquals(OptionalLong.of(0), WopiHeaderValues.size(Optional.of("0"), "X-WOPI-Size"));
    assertEquals(OptionalLong.empty(), WopiHeaderValues.size(Optional.empty(), "X-WOPI-Size"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "+5", "1.5", "0x10", "1e3", "", "abc", "9999999999999999999"})
  void malformedSizesAre400(String value) {
    assertEquals(
        400,
        assertThrows(
                WopiException.class,
                () -> WopiHeaderValues.size(Optional.of(value), "X-WOPI-MaxExpectedSize"))
            .status());
  }

  @Test
  void onlyTrueIsTrue() {
    assertTrue(WopiHeaderValues.isTrue(Optional.of(" TRUE ")));
    assertFalse(WopiHeaderValues.isTrue(Optional.of("yes")));
    assertFalse(WopiHeaderValues.isTrue(Optional.empty()));
  }
}
