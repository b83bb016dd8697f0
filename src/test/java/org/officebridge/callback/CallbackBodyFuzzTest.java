package org.officebridge.callback;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.officebridge.session.DocumentKeys;

/**
 * Fuzzes the callback body parser and the reading of its members: any bytes give one JSON object or
 * nothing, and any object gives a callback whose key is a valid document key, or an {@link
 * IllegalArgumentException} (a 400); nothing else escapes. Seeds: {@code
 * CallbackBodyFuzzTestInputs/}; see docs/reliability.md for fuzzing runs.
 */
class CallbackBodyFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void anyBodyIsOneObjectOrRefused(byte[] body) {
    Optional<JsonObject> object = CallbackServlet.object(body);
    if (object.isEmpty()) {
      return;
    }
    CallbackPayload callback;
    try {
      callback = CallbackPayload.read(object.get());
    } catch (IllegalArgumentException e) {
      return;
    }
    if (!DocumentKeys.VALID.matcher(callback.key()).matches()) {
      throw new AssertionError("an invalid key was read: " + callback.key());
    }
    callback
        .fileType()
        .filter(t -> !t.matches("[a-z0-9]{1,10}"))
        .ifPresent(
            t -> {
              throw new AssertionError("an invalid file type was read: " + t);
            });
    callback
        .url()
        .filter(u -> !u.isAbsolute())
        .ifPresent(
            u -> {
              throw new AssertionError("a relative url was read: " + u);
            });
  }
}
