package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.User;

/** The acting user comes from the container principal, or, only when configured, a cookie. */
class PgUserDirectoryTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private static final String COOKIE = "pghost-user";

  private final TestUsers users = new TestUsers(PG.dataSource());
  private final PgUserDirectory containerLogin =
      new PgUserDirectory(PG.dataSource(), Optional.empty());
  private final PgUserDirectory demoCookie =
      new PgUserDirectory(PG.dataSource(), Optional.of(COOKIE));

  @BeforeEach
  void someUsers() throws Exception {
    users.add("olivia", "Olivia Owner", "staff", "admins");
    users.add("eddie", "Eddie Editor", "staff");
    users.add("rita", "Rita Reviewer");
    users.execute("UPDATE users SET login = 'o.owner@corp' WHERE id = 'olivia'");
  }

  @Test
  void administratorsAreTheUsersMarkedSoInTheTable() throws Exception {
    users.execute("UPDATE users SET is_admin = true WHERE id = 'olivia'");
    User olivia = containerLogin.findUser("olivia").get();
    User eddie = containerLogin.findUser("eddie").get();
    assertTrue(containerLogin.isAdministrator(olivia));
    assertFalse(containerLogin.isAdministrator(eddie));
    assertFalse(containerLogin.isAdministrator(User.of("ghost", "Ghost", java.util.Locale.ROOT)));
  }

  @Test
  void theContainerPrincipalIsMatchedByLogin() throws Exception {
    User olivia = containerLogin.resolveActor(FakeActorRequest.loggedInAs("o.owner@corp")).get();
    assertEquals("olivia", olivia.id());
    assertEquals(Set.of("staff", "admins"), olivia.groups());
    assertEquals(Optional.of("olivia@example.invalid"), olivia.email());
  }

  @Test
  void withoutALoginThePrincipalIsMatchedById() throws Exception {
    assertEquals(
        "eddie", containerLogin.resolveActor(FakeActorRequest.loggedInAs("eddie")).get().id());
  }

  @Test
  void anIdIsNoLoginWhenTheUserHasALogin() throws Exception {
    assertTrue(containerLogin.resolveActor(FakeActorRequest.loggedInAs("olivia")).isEmpty());
  }

  @Test
  void anUnknownPrincipalIsAnonymous() throws Exception {
    assertTrue(containerLogin.resolveActor(FakeActorRequest.loggedInAs("mallory")).isEmpty());
  }

  @Test
  void theCookieIsIgnoredUnlessConfigured() throws Exception {
    FakeActorRequest request = FakeActorRequest.anonymous().withCookie(COOKIE, "olivia");
    assertTrue(containerLogin.resolveActor(request).isEmpty());
    assertEquals("olivia", demoCookie.resolveActor(request).get().id());
  }

  @Test
  void aPrincipalWinsOverTheCookie() throws Exception {
    FakeActorRequest request = FakeActorRequest.loggedInAs("eddie").withCookie(COOKIE, "olivia");
    assertEquals("eddie", demoCookie.resolveActor(request).get().id());
  }

  @Test
  void aCookieNamingNoUserIsAnonymous() throws Exception {
    FakeActorRequest request = FakeActorRequest.anonymous().withCookie(COOKIE, "mallory");
    assertTrue(demoCookie.resolveActor(request).isEmpty());
  }

  @Test
  void findUserReturnsGroupsAndUnknownIdsAreEmpty() throws Exception {
    assertEquals(Set.of("staff"), containerLogin.findUser("eddie").get().groups());
    assertEquals(Set.of(), containerLogin.findUser("rita").get().groups());
    assertTrue(containerLogin.findUser("nobody").isEmpty());
  }

  @Test
  void searchMatchesNamesAndEmailsWithNamePrefixesFirst() throws Exception {
    List<String> found = containerLogin.searchUsers("e", 10).stream().map(User::id).toList();
    assertEquals(List.of("eddie", "olivia", "rita"), found);
    assertEquals(
        List.of("rita"), containerLogin.searchUsers("REVIEW", 10).stream().map(User::id).toList());
    assertEquals(1, containerLogin.searchUsers("", 1).size());
  }

  @Test
  void searchTreatsLikeWildcardsAsText() throws Exception {
    assertTrue(containerLogin.searchUsers("%", 10).isEmpty());
    assertTrue(containerLogin.searchUsers("_", 10).isEmpty());
  }
}
