package org.officebridge.standin.editor;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.officebridge.standin.json.Json;
import org.officebridge.standin.jwt.JwtSettings;
import org.officebridge.standin.jwt.TokenException;

/**
 * The DocEditor methods whose argument must carry a {@code token} (digest §5): verified with the
 * browser secret; the token's values win over the plain argument.
 */
public final class SignedMethods {

  /** Methods whose argument object must be signed when JWT is on. */
  public static final Set<String> NAMES =
      Set.of(
          "insertImage",
          "refreshFile",
          "setHistoryData",
          "setMailMergeRecipients",
          "setReferenceData",
          "setReferenceSource",
          "setRequestedDocument",
          "setRequestedSpreadsheet",
          "setRevisedFile");

  private final JwtSettings jwt;
  private final Clock clock;

  /**
   * @param jwt the JWT settings
   * @param clock the time source
   */
  public SignedMethods(JwtSettings jwt, Clock clock) {
    this.jwt = jwt;
    this.clock = clock;
  }

  /**
   * The verdict on one call.
   *
   * @param accepted whether the argument is accepted
   * @param reason why not, or "signed"/"unsigned (JWT off)"
   * @param effective the argument as the DS acts on it (token values applied)
   */
  public record Verdict(boolean accepted, String reason, Map<String, Object> effective) {}

  /**
   * @param method a method name from {@link #NAMES}
   * @param argument its argument object
   * @return the verdict
   */
  public Verdict verify(String method, Map<String, Object> argument) {
    Map<String, Object> plain = new LinkedHashMap<>(argument);
    Object token = plain.remove("token");
    if (!jwt.enabled()) {
      return new Verdict(true, "unsigned (JWT off)", plain);
    }
    if (!(token instanceof String t) || t.isBlank()) {
      return new Verdict(false, "missing token", plain);
    }
    try {
      Map<String, Object> claims = jwt.codec().verify(t, clock.instant());
      claims.remove("iat");
      claims.remove("exp");
      claims.remove("nbf");
      return new Verdict(true, "signed", Json.merge(plain, claims));
    } catch (TokenException e) {
      return new Verdict(false, "token refused: " + e.reason(), plain);
    }
  }

  /**
   * @param effective a verified argument
   * @return the URLs the DS downloads for it ({@code url}, {@code images[].url}, {@code
   *     previous.url})
   */
  public static List<String> urls(Map<String, Object> effective) {
    List<String> out = new ArrayList<>();
    Json.string(effective, "url").ifPresent(out::add);
    Json.array(effective, "images")
        .ifPresent(
            l ->
                l.forEach(
                    i -> {
                      if (i instanceof Map<?, ?> m && m.get("url") instanceof String u) {
                        out.add(u);
                      }
                    }));
    return out;
  }
}
