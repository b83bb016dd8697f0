package org.officebridge.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.officebridge.spi.AccessPolicy;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.ActorRequest;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.spi.UserDirectory;

/**
 * The demo's users and rights. There is no login: the acting user is the one chosen on the index
 * page (a cookie), the owner by default. A document's owner has every right on it; everyone else
 * has the rights of their role. Each user prefers another language, so the editor shows each one's
 * interface language.
 */
@ApplicationScoped
public class DemoUsers implements UserDirectory, AccessPolicy {

  /** The cookie remembering the chosen demo user. */
  public static final String COOKIE = "officebridge-demo-user";

  /** The demo roles, each with a user and fixed rights. */
  public enum Role {
    OWNER("owner", "Olivia Owner", "staff", "en-GB", EnumSet.allOf(Permission.class)),
    EDITOR(
        "editor",
        "Eddie Editor",
        "staff",
        "en-US",
        EnumSet.complementOf(EnumSet.of(Permission.SHARE, Permission.DELETE))),
    REVIEWER(
        "reviewer",
        "Rita Reviewer",
        "reviewers",
        "de-DE",
        EnumSet.of(
            Permission.REVIEW,
            Permission.COMMENT,
            Permission.COPY,
            Permission.DOWNLOAD,
            Permission.PRINT,
            Permission.CHAT)),
    COMMENTER(
        "commenter",
        "Carl Commenter",
        "reviewers",
        "fr-FR",
        EnumSet.of(
            Permission.COMMENT,
            Permission.COPY,
            Permission.DOWNLOAD,
            Permission.PRINT,
            Permission.CHAT)),
    FORM_FILLER(
        "filler",
        "Fiona Filler",
        "clients",
        "es-ES",
        EnumSet.of(Permission.FILL_FORMS, Permission.DOWNLOAD, Permission.PRINT)),
    VIEWER("viewer", "Victor Viewer", "clients", "ru-RU", EnumSet.of(Permission.VIEW));

    private final User user;
    private final Set<Permission> rights;

    Role(String id, String name, String group, String locale, Set<Permission> rights) {
      this.user =
          new User(
              id,
              name,
              Optional.of(id + "@demo.officebridge.invalid"),
              Optional.empty(),
              Set.of(group),
              Locale.forLanguageTag(locale));
      this.rights = Set.copyOf(rights);
    }

    /**
     * @return the role's user
     */
    public User user() {
      return user;
    }
  }

  private static final Map<String, Role> BY_ID =
      java.util.Arrays.stream(Role.values())
          .collect(Collectors.toMap(r -> r.user().id(), Function.identity()));

  @Inject DemoStorage storage;

  @Override
  public Optional<User> resolveActor(ActorRequest request) {
    return Optional.of(
        request.cookie(COOKIE).map(BY_ID::get).map(Role::user).orElse(Role.OWNER.user()));
  }

  @Override
  public Optional<User> findUser(String userId) {
    return Optional.ofNullable(BY_ID.get(userId)).map(Role::user);
  }

  /** The demo's owner administers the connector (so the demo's admin page opens for her). */
  @Override
  public boolean isAdministrator(User user) {
    return Role.OWNER.user().id().equals(user.id());
  }

  @Override
  public List<User> searchUsers(String query, int limit) {
    String q = query.toLowerCase(Locale.ROOT);
    return java.util.Arrays.stream(Role.values())
        .map(Role::user)
        .filter(
            u -> u.name().toLowerCase(Locale.ROOT).contains(q) || u.email().orElse("").contains(q))
        .limit(limit)
        .toList();
  }

  @Override
  public AccessRights rightsFor(DocumentId id, User user)
      throws DocumentNotFoundException, HostUnavailableException {
    String owner = storage.describe(id).ownerId();
    Role role = BY_ID.get(user.id());
    if (role == null) {
      return AccessRights.none();
    }
    if (owner.equals(user.id())) {
      return new AccessRights(Role.OWNER.rights, AccessRights.GroupRestrictions.NONE);
    }
    return new AccessRights(role.rights, AccessRights.GroupRestrictions.NONE);
  }

  @Override
  public void storeUserInfo(String userId, String info) throws HostUnavailableException {
    if (!BY_ID.containsKey(userId)) {
      return;
    }
    try {
      Path dir = Files.createDirectories(DemoSettings.dataDir().resolve("user-info"));
      Path staged = Files.createTempFile(dir, ".staged-", ".txt");
      Files.writeString(staged, info, StandardCharsets.UTF_8);
      Files.move(
          staged,
          dir.resolve(userId + ".txt"),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot store the user info of " + userId, e);
    }
  }

  @Override
  public Optional<String> loadUserInfo(String userId) throws HostUnavailableException {
    if (!BY_ID.containsKey(userId)) {
      return Optional.empty();
    }
    Path file = DemoSettings.dataDir().resolve("user-info").resolve(userId + ".txt");
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new HostUnavailableException("cannot read the user info of " + userId, e);
    }
  }

  @Override
  public boolean supportsUserInfo() {
    return true;
  }
}
