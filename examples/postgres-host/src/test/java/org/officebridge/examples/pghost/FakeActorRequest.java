package org.officebridge.examples.pghost;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.officebridge.spi.ActorRequest;

/** A browser request with an optional container principal and some cookies. */
record FakeActorRequest(Optional<String> principalName, Map<String, String> cookies)
    implements ActorRequest {

  static FakeActorRequest anonymous() {
    return new FakeActorRequest(Optional.empty(), Map.of());
  }

  static FakeActorRequest loggedInAs(String name) {
    return new FakeActorRequest(Optional.of(name), Map.of());
  }

  FakeActorRequest withCookie(String name, String value) {
    return new FakeActorRequest(principalName, Map.of(name, value));
  }

  @Override
  public Optional<Principal> principal() {
    return principalName.map(name -> () -> name);
  }

  @Override
  public boolean isUserInRole(String role) {
    return false;
  }

  @Override
  public Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.empty();
  }

  @Override
  public Locale locale() {
    return Locale.ENGLISH;
  }
}
