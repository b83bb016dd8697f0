package org.officebridge.reliability;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile-input corpus ({@code src/test/resources/corpus/hostile.json}): named JWTs, WOPI
 * access tokens and links the cases refer to, lists of hostile values a case can run once per
 * value, and the cases themselves, each with the answer it expects. See {@code docs/reliability.md}
 * for the format.
 */
final class HostileCorpus {

  /** The resource holding the corpus. */
  static final String RESOURCE = "/corpus/hostile.json";

  private static final Pattern EPOCH = Pattern.compile("\\$\\{epoch:([+-]?\\d+)}");
  private static final Pattern NUMBER = Pattern.compile("\\$\\{number:([^}]+)}");

  private final JsonObject root;
  private final List<HostileCase> cases;

  private HostileCorpus(JsonObject root) {
    this.root = root;
    this.cases = expand(root);
  }

  static HostileCorpus load() {
    try (InputStream in = HostileCorpus.class.getResourceAsStream(RESOURCE);
        JsonReader reader = Json.createReader(in)) {
      return new HostileCorpus(reader.readObject());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<HostileCase> cases() {
    return cases;
  }

  /**
   * @return headers no answer may carry (an injected one, a server banner)
   */
  List<String> forbiddenHeaders() {
    return root.getJsonArray("forbiddenHeaders").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  /**
   * A case: one request and the answer it must get.
   *
   * @param id unique name (with {@code [n]} for the n-th value of its list)
   * @param surface which part of the connector it attacks
   * @param why what it checks
   * @param spec the case's JSON
   * @param it the list value this instance runs with, or {@code null}
   * @param expect the acceptable statuses
   */
  record HostileCase(
      String id, String surface, String why, JsonObject spec, String it, Set<Integer> expect) {

    String text(String name, String fallback) {
      return spec.containsKey(name) ? spec.getString(name) : fallback;
    }

    @Override
    public String toString() {
      return id;
    }
  }

  private static List<HostileCase> expand(JsonObject root) {
    List<HostileCase> out = new ArrayList<>();
    Set<String> ids = new LinkedHashSet<>();
    for (JsonValue v : root.getJsonArray("cases")) {
      JsonObject c = v.asJsonObject();
      Set<Integer> expect = new LinkedHashSet<>();
      JsonValue e = c.get("expect");
      if (e instanceof JsonArray list) {
        list.getValuesAs(jakarta.json.JsonNumber.class).forEach(n -> expect.add(n.intValue()));
      } else {
        expect.add(c.getInt("expect"));
      }
      String id = c.getString("id");
      if (c.containsKey("for")) {
        JsonArray values = root.getJsonObject("lists").getJsonArray(c.getString("for"));
        for (int i = 0; i < values.size(); i++) {
          String instance = id + "[" + i + "]";
          add(out, ids, c, instance, values.getString(i), expect);
        }
      } else {
        add(out, ids, c, id, null, expect);
      }
    }
    return List.copyOf(out);
  }

  private static void add(
      List<HostileCase> out,
      Set<String> ids,
      JsonObject c,
      String id,
      String it,
      Set<Integer> expect) {
    if (!ids.add(id)) {
      throw new IllegalStateException("duplicate case id " + id);
    }
    out.add(
        new HostileCase(id, c.getString("surface"), c.getString("why"), c, it, Set.copyOf(expect)));
  }

  /**
   * @param name a JWT of the {@code jwts} section
   * @param fixture the fixture (secret, placeholders)
   * @param it the case's list value
   * @return the compact token
   */
  String jwt(String name, CorpusFixture fixture, String it) {
    JsonObject spec = named("jwts", name);
    String header =
        spec.containsKey("headerText")
            ? fixture.resolve(spec.getString("headerText"), this, it)
            : resolveJson(
                    spec.getOrDefault(
                        "header",
                        Json.createObjectBuilder().add("alg", "HS256").add("typ", "JWT").build()),
                    fixture,
                    it)
                .toString();
    String claims;
    if (spec.containsKey("claimsText")) {
      claims = fixture.resolve(spec.getString("claimsText"), this, it);
    } else {
      JsonObjectBuilder b = Json.createObjectBuilder();
      if (spec.containsKey("base")) {
        root.getJsonObject("bases").getJsonObject(spec.getString("base")).forEach(b::add);
      }
      spec.getOrDefault("claims", JsonValue.EMPTY_JSON_OBJECT).asJsonObject().forEach(b::add);
      if (spec.containsKey("remove")) {
        spec.getJsonArray("remove")
            .getValuesAs(JsonString.class)
            .forEach(r -> b.remove(r.getString()));
      }
      JsonValue resolved = resolveJson(b.build(), fixture, it);
      if (spec.getBoolean("wrap", false)) {
        resolved = Json.createObjectBuilder().add("payload", resolved).build();
      }
      claims = resolved.toString();
    }
    return CraftedTokens.jwt(
        header,
        claims,
        CraftedTokens.Signing.parse(spec.getString("sign", "hs256")),
        fixture.target.jwtSecret());
  }

  /**
   * @param name a link of the {@code links} section
   * @param fixture the fixture
   * @param it the case's list value
   * @return the signed (or forged) link
   */
  String link(String name, CorpusFixture fixture, String it) {
    JsonObject spec = named("links", name);
    return CraftedTokens.link(
        spec.getString("purpose"),
        fixture.resolve(spec.getString("subject"), this, it),
        Instant.now().plusSeconds(spec.getInt("expires", 3600)),
        spec.getString("secret", fixture.target.linkSecret()));
  }

  /**
   * @param name an access token of the {@code wopiTokens} section
   * @param fixture the fixture
   * @param it the case's list value
   * @return the signed (or forged) token
   */
  String wopiToken(String name, CorpusFixture fixture, String it) {
    JsonObject spec = named("wopiTokens", name);
    return CraftedTokens.wopiToken(
        fixture.resolve(spec.getString("doc", "${doc}"), this, it),
        spec.getString("user", "owner"),
        spec.getString("rights", "VIEW"),
        Instant.now().plusSeconds(spec.getInt("expires", 3600)),
        fixture.resolve(spec.getString("hostPage", "${connector}"), this, it),
        spec.getString("secret", fixture.target.linkSecret()));
  }

  private JsonObject named(String section, String name) {
    JsonObject spec = root.getJsonObject(section).getJsonObject(name);
    if (spec == null) {
      throw new IllegalArgumentException("no " + name + " in " + section);
    }
    return spec;
  }

  /**
   * Resolves the placeholders of every string in a JSON value; a string that is only {@code
   * ${epoch:N}} becomes the number of seconds since the epoch N seconds from now, {@code
   * ${number:TEXT}} the number TEXT.
   *
   * @param value a JSON value
   * @param fixture the fixture
   * @param it the case's list value
   * @return the value to send
   */
  JsonValue resolveJson(JsonValue value, CorpusFixture fixture, String it) {
    switch (value.getValueType()) {
      case STRING -> {
        String s = ((JsonString) value).getString();
        Matcher epoch = EPOCH.matcher(s);
        if (epoch.matches()) {
          return Json.createValue(Instant.now().getEpochSecond() + Long.parseLong(epoch.group(1)));
        }
        Matcher number = NUMBER.matcher(s);
        if (number.matches()) {
          return Json.createValue(new BigDecimal(number.group(1)));
        }
        return Json.createValue(fixture.resolve(s, this, it));
      }
      case OBJECT -> {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
          b.add(fixture.resolve(e.getKey(), this, it), resolveJson(e.getValue(), fixture, it));
        }
        return b.build();
      }
      case ARRAY -> {
        JsonArrayBuilder b = Json.createArrayBuilder();
        value.asJsonArray().forEach(v -> b.add(resolveJson(v, fixture, it)));
        return b.build();
      }
      default -> {
        return value;
      }
    }
  }
}
