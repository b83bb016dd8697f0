package org.officebridge.examples.pghost;

/**
 * SQL shared by the access policy, the sharing settings and the catalog: which grants apply to a
 * user, directly or through a group.
 */
final class PgGrants {

  private PgGrants() {}

  /**
   * A condition on a grant {@code g}: it names the user or one of the user's groups. Binds the user
   * id twice.
   */
  static final String APPLIES_TO_USER =
      "((g.principal_kind = 'user' AND g.principal = ?)"
          + " OR (g.principal_kind = 'group' AND g.principal IN"
          + " (SELECT m.group_name FROM group_members m WHERE m.user_id = ?)))";

  /**
   * A condition on a document {@code d}: the user owns it, or holds a grant on it and no {@code
   * DENY}. Binds the user id five times.
   */
  static final String VISIBLE_TO_USER =
      "(d.owner_id = ? OR (EXISTS (SELECT 1 FROM document_grants g WHERE g.document_id = d.id"
          + " AND g.permission <> 'DENY' AND "
          + APPLIES_TO_USER
          + ") AND NOT EXISTS (SELECT 1 FROM document_grants g WHERE g.document_id = d.id"
          + " AND g.permission = 'DENY' AND "
          + APPLIES_TO_USER
          + ")))";

  /** The pseudo-permission that takes every right away. */
  static final String DENY = "DENY";
}
