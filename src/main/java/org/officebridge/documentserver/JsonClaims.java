package org.officebridge.documentserver;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON-P values into the plain maps, lists, strings, numbers and booleans that JWT claims are
 * made of, so a JSON-B request can be signed member for member.
 */
final class JsonClaims {

  private JsonClaims() {}

  static Map<String, Object> toMap(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.forEach((name, value) -> map.put(name, plain(value)));
    return map;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> toMap(value.asJsonObject());
      case ARRAY -> list(value.asJsonArray());
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static List<Object> list(JsonArray array) {
    List<Object> list = new ArrayList<>(array.size());
    array.forEach(v -> list.add(plain(v)));
    return list;
  }

  private static Object number(JsonNumber number) {
    return number.isIntegral() ? (Object) number.longValue() : (Object) number.doubleValue();
  }
}
