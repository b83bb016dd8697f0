package org.officebridge.wopi;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.FileNames;

/**
 * Fuzzes what the WOPI host reads from headers and URLs: operations, sizes, lock ids, repeated
 * headers, the access token of the query string, file ids and the names made from requested ones.
 * Each either gives a value within its rules or a {@link WopiException} with status 400; nothing
 * else escapes.
 */
class WopiHeaderFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void headerValuesAreReadOrRefusedWith400(FuzzedDataProvider data) {
    int which = data.consumeInt(0, 6);
    String value = data.consumeRemainingAsString();
    try {
      switch (which) {
        case 0 -> {
          String op = WopiHeaderValues.operation(Optional.of(value));
          check(op.matches("[A-Z][A-Z_]{0,39}"), "operation " + op);
        }
        case 1 -> {
          long size = WopiHeaderValues.size(Optional.of(value), "X-WOPI-Size").orElseThrow();
          check(size >= 0, "size " + size);
        }
        case 2 -> {
          String lock = WopiLocks.requireValidLockId(value);
          check(
              lock.length() <= 1024 && lock.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
              "lock " + lock);
        }
        case 3 -> WopiHeaderValues.single(List.of(value.split(",", -1)), "X-WOPI-Lock");
        case 4 -> WopiGate.accessToken(value);
        case 5 ->
            WopiFileId.parse("test", value)
                .ifPresent(
                    id ->
                        check(
                            DocumentId.parse(id.document().value()).isPresent()
                                && !id.document().value().matches("\\.+"),
                            "file id " + value));
        default ->
            WopiFileNames.title(value, "docx")
                .ifPresent(t -> check(FileNames.isValid(t), "title " + t));
      }
    } catch (WopiException e) {
      check(e.status() == 400, "status " + e.status());
    }
  }

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("out of its rules: " + what);
    }
  }
}
