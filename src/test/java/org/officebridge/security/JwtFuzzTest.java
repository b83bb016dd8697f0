package org.officebridge.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Fuzzes the checking of the Document Server's tokens: whatever arrives as a body token or a header
 * value, the only outcome besides the claims of a genuine token is an {@link InvalidTokenException}
 * (a 403). A third of the inputs are signed with the shared secret around fuzzed header and claims
 * text, so the fuzzer also reaches what happens after the signature verifies. An accepted token
 * must be HS256 and carry the secret's signature.
 */
class JwtFuzzTest {

  private static final JwtService JWT = service();

  @FuzzTest(maxDuration = "10s")
  void anyTokenIsVerifiedOrRefused(FuzzedDataProvider data) throws Exception {
    int mode = data.consumeInt(0, 2);
    String token =
        mode == 2
            ? signed(data.consumeString(200), data.consumeRemainingAsString())
            : data.consumeRemainingAsString();
    String accepted;
    try {
      if (mode == 1) {
        JWT.verifyHeader(token);
        accepted = token.trim().substring("Bearer".length()).trim();
      } else {
        JWT.verify(token);
        accepted = token.trim();
      }
    } catch (InvalidTokenException e) {
      return; // refused: the outcome of nearly every input
    }
    if (!isGenuine(accepted)) {
      throw new AssertionError("a token not signed with HS256 and the secret was accepted");
    }
  }

  /** Whether a token's header says HS256 and its signature is the secret's HMAC of the rest. */
  private static boolean isGenuine(String token) throws Exception {
    int first = token.indexOf('.');
    int last = token.lastIndexOf('.');
    String header =
        new String(
            Base64.getUrlDecoder().decode(token.substring(0, first)), StandardCharsets.UTF_8);
    // JSON allows space, tab, CR and LF between tokens; a genuine header may use any of them
    return header.replaceAll("[ \t\r\n]", "").contains("\"alg\":\"HS256\"")
        && mac(token.substring(0, last)).equals(token.substring(last + 1));
  }

  private static String signed(String header, String claims) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String input =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return input + "." + mac(input);
  }

  private static String mac(String input) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(JwtServiceTest.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.UTF_8)));
  }

  private static JwtService service() {
    try {
      return JwtServiceTest.service(JwtServiceTest.NOW);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
