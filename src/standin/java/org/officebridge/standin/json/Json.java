package org.officebridge.standin.json;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON reading and writing for the stand-in, on nimbus' bundled parser so that no JSON-B/JSON-P
 * implementation is needed at run time. Objects are {@code Map<String, Object>}, arrays {@code
 * List<Object>}, integers {@code Long}.
 */
public final class Json {

  private Json() {}

  /**
   * @param text a JSON object
   * @return the object, in document order
   * @throws JsonException when the text is not a JSON object
   */
  public static Map<String, Object> parseObject(String text) {
    try {
      return JSONObjectUtils.parse(text);
    } catch (ParseException | RuntimeException e) {
      throw new JsonException("not a JSON object", e);
    }
  }

  /**
   * @param text a JSON array
   * @return the array
   * @throws JsonException when the text is not a JSON array
   */
  public static List<Object> parseArray(String text) {
    try {
      return JSONArrayUtils.parse(text);
    } catch (ParseException | RuntimeException e) {
      throw new JsonException("not a JSON array", e);
    }
  }

  /**
   * @param value a map, list, string, number, boolean or null
   * @return its JSON text
   */
  public static String write(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return JSONObjectUtils.toJSONString(copy);
    }
    if (value instanceof List<?> list) {
      return JSONArrayUtils.toJSONString(list);
    }
    return JSONArrayUtils.toJSONString(java.util.Collections.singletonList(value))
        .replaceFirst("^\\[", "")
        .replaceFirst("]$", "");
  }

  /**
   * @param object a JSON object
   * @param name a member name
   * @return the member when it is a string
   */
  public static Optional<String> string(Map<String, Object> object, String name) {
    return object != null && object.get(name) instanceof String s
        ? Optional.of(s)
        : Optional.empty();
  }

  /**
   * @param object a JSON object
   * @param name a member name
   * @return the member when it is an object
   */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> object(Map<String, Object> object, String name) {
    return object != null && object.get(name) instanceof Map<?, ?> m
        ? Optional.of((Map<String, Object>) m)
        : Optional.empty();
  }

  /**
   * @param object a JSON object
   * @param name a member name
   * @return the member when it is an array
   */
  @SuppressWarnings("unchecked")
  public static Optional<List<Object>> array(Map<String, Object> object, String name) {
    return object != null && object.get(name) instanceof List<?> l
        ? Optional.of((List<Object>) l)
        : Optional.empty();
  }

  /**
   * @param object a JSON object
   * @param name a member name
   * @return the member when it is an integral number (or a string of digits)
   */
  public static Optional<Long> number(Map<String, Object> object, String name) {
    Object v = object == null ? null : object.get(name);
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return Optional.of(n.longValue());
    }
    if (v instanceof String s && s.matches("-?\\d{1,18}")) {
      return Optional.of(Long.parseLong(s));
    }
    return Optional.empty();
  }

  /**
   * @param object a JSON object
   * @param name a member name
   * @return the member when it is a boolean (or the string "true"/"false")
   */
  public static Optional<Boolean> bool(Map<String, Object> object, String name) {
    Object v = object == null ? null : object.get(name);
    if (v instanceof Boolean b) {
      return Optional.of(b);
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Optional.of(Boolean.valueOf((String) v));
    }
    return Optional.empty();
  }

  /**
   * Deep-merges {@code overlay} onto a copy of {@code base}: nested objects merge, anything else in
   * the overlay replaces the base value.
   *
   * @param base the lower layer
   * @param overlay the upper layer, which wins
   * @return a new merged object
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    Map<String, Object> out = new LinkedHashMap<>(base);
    overlay.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m && out.get(k) instanceof Map<?, ?> b) {
            out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) m));
          } else {
            out.put(k, v);
          }
        });
    return out;
  }

  /** A JSON text that could not be read. */
  public static final class JsonException extends RuntimeException {
    JsonException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
