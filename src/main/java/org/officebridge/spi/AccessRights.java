package org.officebridge.spi;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rights of one user on one document, as decided by the host.
 *
 * @param granted the permissions granted; any permission implies {@link Permission#VIEW}, so a
 *     non-empty set always contains it
 * @param groups optional group restrictions on comments, reviews and user information
 */
public record AccessRights(Set<Permission> granted, GroupRestrictions groups) {

  /**
   * Normalizes: adds {@link Permission#VIEW} when any other permission is granted.
   *
   * @param granted the permissions granted; any permission implies {@link Permission#VIEW}, so a
   *     non-empty set always contains it
   * @param groups optional group restrictions on comments, reviews and user information
   */
  public AccessRights {
    Objects.requireNonNull(groups, "groups");
    EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
    copy.addAll(granted);
    if (!copy.isEmpty()) {
      copy.add(Permission.VIEW);
    }
    granted = Set.copyOf(copy);
  }

  /**
   * @return rights with nothing granted: the document is invisible to the user
   */
  public static AccessRights none() {
    return new AccessRights(Set.of(), GroupRestrictions.NONE);
  }

  /**
   * @param permissions the granted permissions
   * @return rights with these permissions and no group restrictions
   */
  public static AccessRights of(Permission... permissions) {
    return new AccessRights(Set.of(permissions), GroupRestrictions.NONE);
  }

  /**
   * @param permission a permission
   * @return whether it is granted
   */
  public boolean can(Permission permission) {
    return granted.contains(permission);
  }

  /**
   * Group restrictions as ONLYOFFICE defines them ({@code commentGroups}, {@code reviewGroups},
   * {@code userInfoGroups}). An empty optional means "no restriction"; an empty list inside means
   * "only users without a group" (the Document Server's {@code ""} group).
   *
   * @param commentView groups whose comments the user sees
   * @param commentEdit groups whose comments the user may edit
   * @param commentRemove groups whose comments the user may remove
   * @param review groups whose changes the user may accept or reject
   * @param userInfo groups whose members' information the user sees in the editor
   */
  public record GroupRestrictions(
      Optional<List<String>> commentView,
      Optional<List<String>> commentEdit,
      Optional<List<String>> commentRemove,
      Optional<List<String>> review,
      Optional<List<String>> userInfo) {

    /** No restriction at all. */
    public static final GroupRestrictions NONE =
        new GroupRestrictions(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());

    /**
     * Copies the lists.
     *
     * @param commentView groups whose comments the user sees
     * @param commentEdit groups whose comments the user may edit
     * @param commentRemove groups whose comments the user may remove
     * @param review groups whose changes the user may accept or reject
     * @param userInfo groups whose members' information the user sees in the editor
     */
    public GroupRestrictions {
      commentView = commentView.map(List::copyOf);
      commentEdit = commentEdit.map(List::copyOf);
      commentRemove = commentRemove.map(List::copyOf);
      review = review.map(List::copyOf);
      userInfo = userInfo.map(List::copyOf);
    }
  }
}
