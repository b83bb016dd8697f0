package org.officebridge.wopi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the values of WOPI request headers strictly: a header sent twice is ambiguous and refused,
 * {@code X-WOPI-Override} is an operation name or nothing, sizes are plain decimal numbers. Every
 * refusal is a 400 ({@link WopiException#badRequest}); nothing here throws anything else.
 */
final class WopiHeaderValues {

  private static final Pattern OPERATION = Pattern.compile("[A-Z][A-Z_]{0,39}");
  private static final Pattern SIZE = Pattern.compile("[0-9]{1,18}");

  private WopiHeaderValues() {}

  /**
   * @param request the request
   * @param name a header name
   * @return its value, if sent
   * @throws WopiException 400 when it was sent more than once
   */
  static Optional<String> single(HttpServletRequest request, String name) {
    return single(Collections.list(request.getHeaders(name)), name);
  }

  /**
   * @param values every value the request has for a header
   * @param name the header's name, for the reason
   * @return the value, if there is one
   * @throws WopiException 400 when there is more than one
   */
  static Optional<String> single(List<String> values, String name) {
    if (values.size() > 1) {
      throw WopiException.badRequest(name + " was sent more than once");
    }
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }

  /**
   * @param value {@code X-WOPI-Override}, if sent
   * @return the operation, upper case
   * @throws WopiException 400 when missing or not an operation name
   */
  static String operation(Optional<String> value) {
    String op =
        value
            .map(v -> v.strip().toUpperCase(Locale.ROOT))
            .orElseThrow(() -> WopiException.badRequest("X-WOPI-Override is missing"));
    if (!OPERATION.matcher(op).matches()) {
      throw WopiException.badRequest("X-WOPI-Override is not an operation name");
    }
    return op;
  }

  /**
   * @param value a size header ({@code X-WOPI-Size}, {@code X-WOPI-MaxExpectedSize}), if sent
   * @param name the header's name, for the reason
   * @return the size, if sent
   * @throws WopiException 400 when it is not a decimal number of bytes
   */
  static OptionalLong size(Optional<String> value, String name) {
    if (value.isEmpty()) {
      return OptionalLong.empty();
    }
    String digits = value.get().strip();
    if (!SIZE.matcher(digits).matches()) {
      throw WopiException.badRequest(name + " is not a number of bytes");
    }
    return OptionalLong.of(Long.parseLong(digits));
  }

  /**
   * @param value a boolean header, if sent
   * @return whether it says {@code true} (any case); anything else is false
   */
  static boolean isTrue(Optional<String> value) {
    return value.map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
  }
}
