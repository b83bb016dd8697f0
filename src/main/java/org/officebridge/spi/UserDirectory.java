package org.officebridge.spi;

import java.util.List;
import java.util.Optional;

/**
 * Required: who the users are. Used to tell who is acting on a browser request, and to show names
 * and avatars of co-editors, mention candidates and version authors.
 */
public interface UserDirectory {

  /**
   * Tells who makes a browser request (editor page, event endpoints). A host behind container
   * security usually maps {@link ActorRequest#principal()}; a host with its own session cookie
   * reads {@link ActorRequest#cookie(String)}.
   *
   * @param request the browser's request
   * @return the acting user, or empty when the request is anonymous (the connector answers 401)
   * @throws HostUnavailableException on a transient failure
   */
  Optional<User> resolveActor(ActorRequest request) throws HostUnavailableException;

  /**
   * Looks a user up by id: the users of a callback, WOPI access-token holders, version authors.
   *
   * @param userId a user id as given by {@link User#id()}
   * @return the user, if known
   * @throws HostUnavailableException on a transient failure
   */
  Optional<User> findUser(String userId) throws HostUnavailableException;

  /**
   * Lists users for mentions, range protection and avatars ({@code onRequestUsers}).
   *
   * @param query text the user typed (matched against names and e-mail addresses; empty matches
   *     everybody)
   * @param limit the most users to return (at least 1)
   * @return matching users, best matches first, at most {@code limit}
   * @throws HostUnavailableException on a transient failure
   */
  List<User> searchUsers(String query, int limit) throws HostUnavailableException;

  /**
   * Tells whether a user administers the connector: may open its admin page, run the settings
   * check, read the metrics, and act on editing sessions, locks and forgotten files of every
   * document. Asked on each admin request, after {@link #resolveActor}, unless the container
   * already gave the request the role {@code officebridge.admin.role}. Optional: the default says
   * no, so that only the container role counts.
   *
   * @param user a user {@link #resolveActor} returned
   * @return whether the user is an administrator
   * @throws HostUnavailableException on a transient failure (the connector answers 503)
   */
  default boolean isAdministrator(User user) throws HostUnavailableException {
    return false;
  }

  /**
   * Keeps a small per-user string for the WOPI client (WOPI {@code PutUserInfo}; given back as
   * {@code UserInfo} in CheckFileInfo). Optional: the default refuses, and the connector then
   * answers 501 and says {@code SupportsUserInfo: false}.
   *
   * @param userId a user id as given by {@link User#id()}
   * @param info the text, at most 1024 characters; replaces the previous one
   * @throws OperationNotSupportedException when the host does not keep it (the default)
   * @throws HostUnavailableException on a transient failure
   */
  default void storeUserInfo(String userId, String info)
      throws OperationNotSupportedException, HostUnavailableException {
    throw new OperationNotSupportedException("this host does not keep WOPI user info");
  }

  /**
   * @param userId a user id as given by {@link User#id()}
   * @return the text last stored with {@link #storeUserInfo}, if any
   * @throws HostUnavailableException on a transient failure
   */
  default Optional<String> loadUserInfo(String userId) throws HostUnavailableException {
    return Optional.empty();
  }

  /**
   * @return whether {@link #storeUserInfo} is implemented (WOPI {@code SupportsUserInfo})
   */
  default boolean supportsUserInfo() {
    return false;
  }
}
