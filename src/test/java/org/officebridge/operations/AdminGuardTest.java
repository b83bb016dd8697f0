package org.officebridge.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officebridge.config.SettingsLoader;
import org.officebridge.host.HostServices;
import org.officebridge.platform.Metrics;
import org.officebridge.security.LinkSigner;
import org.officebridge.spi.ActorRequest;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.User;
import org.officebridge.spi.UserDirectory;

/** Who is an administrator: the container role, or the host's say; everyone else is refused. */
class AdminGuardTest {

  private final AdminGuard guard = new AdminGuard();
  private final Map<String, Boolean> hostAdmins = new HashMap<>();
  private boolean hostDown;

  @BeforeEach
  void wire() throws Exception {
    Map<String, String> props = new HashMap<>();
    props.put("officebridge.ds.public-url", "http://127.0.0.1:9");
    props.put("officebridge.connector.url", "http://127.0.0.1:8/officebridge");
    props.put("officebridge.jwt.secret", "admin-guard-test-secret-0123456789-abcdef");
    props.put("officebridge.admin.role", "dms-admins");
    guard.settings = SettingsLoader.load(props, Map.of());
    guard.links = new LinkSigner(guard.settings, Clock.systemUTC());
    guard.metrics = new Metrics();
    guard.host =
        new HostServices() {
          @Override
          public UserDirectory users() {
            return new UserDirectory() {
              @Override
              public Optional<User> resolveActor(ActorRequest request)
                  throws HostUnavailableException {
                if (hostDown) {
                  throw new HostUnavailableException("down");
                }
                return request.cookie("user").map(id -> User.of(id, id, Locale.ROOT));
              }

              @Override
              public Optional<User> findUser(String userId) {
                return Optional.empty();
              }

              @Override
              public List<User> searchUsers(String query, int limit) {
                return List.of();
              }

              @Override
              public boolean isAdministrator(User user) {
                return hostAdmins.getOrDefault(user.id(), false);
              }
            };
          }
        };
  }

  /** A request with an optional principal, its roles and a {@code user} cookie. */
  private static HttpServletRequest request(String principal, List<String> roles, String user) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            AdminGuardTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getUserPrincipal" -> principal == null ? null : (Principal) () -> principal;
                  case "isUserInRole" -> principal != null && roles.contains((String) args[0]);
                  case "getCookies" ->
                      user == null
                          ? null
                          : new jakarta.servlet.http.Cookie[] {
                            new jakarta.servlet.http.Cookie("user", user)
                          };
                  case "getLocale" -> Locale.ROOT;
                  case "getMethod" -> "GET";
                  default -> null;
                });
  }

  @Test
  void theContainerRoleMakesAnAdministrator() {
    AdminGuard.Administrator a =
        guard.require(request("alice", List.of("dms-admins"), null), "test");
    assertEquals(new AdminGuard.Administrator("alice", "role"), a);
  }

  @Test
  void anotherRoleDoesNot() {
    AdminException e =
        assertThrows(
            AdminException.class,
            () -> guard.require(request("bob", List.of("officebridge-admin"), null), "test"));
    assertEquals(403, e.status());
  }

  @Test
  void theHostMakesAnAdministratorOfItsUser() {
    hostAdmins.put("carol", true);
    assertEquals(
        new AdminGuard.Administrator("carol", "host"),
        guard.require(request(null, List.of(), "carol"), "test"));
  }

  @Test
  void aUserTheHostDoesNotCallAdministratorIsRefusedWith403() {
    hostAdmins.put("dave", false);
    AdminException e =
        assertThrows(
            AdminException.class, () -> guard.require(request(null, List.of(), "dave"), "t"));
    assertEquals(403, e.status());
  }

  @Test
  void anAnonymousRequestIsRefusedWith401() {
    AdminException e =
        assertThrows(
            AdminException.class, () -> guard.require(request(null, List.of(), null), "t"));
    assertEquals(401, e.status());
  }

  @Test
  void anUnavailableHostIs503() {
    hostDown = true;
    AdminException e =
        assertThrows(AdminException.class, () -> guard.require(request(null, List.of(), "x"), "t"));
    assertEquals(503, e.status());
  }

  @Test
  void theTokenOfOneAdministratorDoesNotWorkForAnother() {
    String aliceToken = guard.token(new AdminGuard.Administrator("alice", "role"));
    hostAdmins.put("carol", true);
    HttpServletRequest carol =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getCookies" ->
                          new jakarta.servlet.http.Cookie[] {
                            new jakarta.servlet.http.Cookie("user", "carol")
                          };
                      case "getHeader" ->
                          switch ((String) args[0]) {
                            case "Origin" -> "http://dms.example";
                            case "Host" -> "dms.example";
                            case AdminGuard.TOKEN_HEADER -> aliceToken;
                            default -> null;
                          };
                      case "getScheme" -> "http";
                      case "getMethod" -> "POST";
                      case "getLocale" -> Locale.ROOT;
                      default -> null;
                    });
    AdminException e =
        assertThrows(AdminException.class, () -> guard.requireForChange(carol, "release"));
    assertEquals("token", e.code());
    assertEquals(
        1, guard.metrics.value("officebridge_token_rejections_total", "admin", "mismatch"));
  }
}
