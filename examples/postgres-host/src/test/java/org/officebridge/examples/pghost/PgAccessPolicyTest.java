package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/** Rights come from the grants table: owner rule, user and group grants, DENY. */
class PgAccessPolicyTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private final TestUsers users = new TestUsers(PG.dataSource());
  private final PgDocumentStore store = new PgDocumentStore(PG.dataSource());
  private final PgAccessPolicy policy = new PgAccessPolicy(PG.dataSource());
  private User owner;
  private User editor;
  private User reviewer;
  private String doc;

  @BeforeEach
  void documentOwnedByOlivia() throws Exception {
    owner = users.add("olivia", "Olivia Owner", "staff");
    editor = users.add("eddie", "Eddie Editor", "staff");
    reviewer = users.add("rita", "Rita Reviewer", "reviewers");
    doc = TestDocuments.create(store, "Plan.docx", "plan", owner).id().value();
  }

  @Test
  void theOwnerHasEveryPermissionWithoutAnyGrant() throws Exception {
    assertEquals(
        EnumSet.allOf(Permission.class), policy.rightsFor(new DocumentId(doc), owner).granted());
  }

  @Test
  void aUserWithoutGrantsSeesNothing() throws Exception {
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), editor));
  }

  @Test
  void aUserGrantGivesExactlyThosePermissionsPlusView() throws Exception {
    users.grant(doc, "user", "eddie", "EDIT", "COMMENT");
    assertEquals(
        Set.of(Permission.VIEW, Permission.EDIT, Permission.COMMENT),
        policy.rightsFor(new DocumentId(doc), editor).granted());
  }

  @Test
  void groupGrantsReachTheGroupsMembersOnly() throws Exception {
    users.grant(doc, "group", "reviewers", "REVIEW");
    assertTrue(policy.rightsFor(new DocumentId(doc), reviewer).can(Permission.REVIEW));
    assertFalse(policy.rightsFor(new DocumentId(doc), editor).can(Permission.VIEW));
  }

  @Test
  void userAndGroupGrantsAddUp() throws Exception {
    users.grant(doc, "group", "staff", "COMMENT");
    users.grant(doc, "user", "eddie", "PRINT");
    assertEquals(
        Set.of(Permission.VIEW, Permission.COMMENT, Permission.PRINT),
        policy.rightsFor(new DocumentId(doc), editor).granted());
  }

  @Test
  void membershipIsReadFromTheTableNotFromTheUserPassedIn() throws Exception {
    users.grant(doc, "group", "reviewers", "REVIEW");
    User claimsToBeReviewer =
        new User(
            editor.id(),
            editor.name(),
            editor.email(),
            editor.avatar(),
            Set.of("reviewers"),
            editor.locale());
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), claimsToBeReviewer));
  }

  @Test
  void leavingAGroupTakesItsRightsAway() throws Exception {
    users.grant(doc, "group", "reviewers", "REVIEW");
    users.execute("DELETE FROM group_members WHERE user_id = ?", "rita");
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), reviewer));
  }

  @Test
  void aDenyToTheUserOrAGroupBeatsEveryGrant() throws Exception {
    users.grant(doc, "user", "eddie", "EDIT");
    users.grant(doc, "group", "staff", "DENY");
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), editor));
  }

  @Test
  void aDenyDoesNotTouchTheOwner() throws Exception {
    users.grant(doc, "user", "olivia", "DENY");
    assertTrue(policy.rightsFor(new DocumentId(doc), owner).can(Permission.DELETE));
  }

  @Test
  void grantsOnOneDocumentDoNotLeakToAnother() throws Exception {
    String other = TestDocuments.create(store, "Other.docx", "other", owner).id().value();
    users.grant(other, "user", "eddie", "EDIT");
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), editor));
  }

  @Test
  void aGrantToAUserIdDoesNotReachAGroupOfTheSameName() throws Exception {
    users.grant(doc, "user", "reviewers", "EDIT");
    assertEquals(AccessRights.none(), policy.rightsFor(new DocumentId(doc), reviewer));
  }

  @Test
  void anUnknownDocumentIsNotFound() {
    assertThrows(
        DocumentNotFoundException.class,
        () -> policy.rightsFor(new DocumentId("no-such-document"), owner));
  }
}
