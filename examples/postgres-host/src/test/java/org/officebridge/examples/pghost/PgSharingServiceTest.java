package org.officebridge.examples.pghost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.officebridge.spi.AccessDeniedException;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.ShareEntry.Level;
import org.officebridge.spi.User;

/** Sharing settings are the grants table seen as levels, and changing them replaces the grants. */
class PgSharingServiceTest {

  @RegisterExtension static final PostgresExtension PG = new PostgresExtension();

  private final TestUsers users = new TestUsers(PG.dataSource());
  private final PgDocumentStore store = new PgDocumentStore(PG.dataSource());
  private final PgSharingService sharing = new PgSharingService(PG.dataSource());
  private final PgAccessPolicy policy = new PgAccessPolicy(PG.dataSource());
  private User owner;
  private User editor;
  private DocumentId doc;

  @BeforeEach
  void documentOwnedByOlivia() throws Exception {
    owner = users.add("olivia", "Olivia Owner", "staff");
    editor = users.add("eddie", "Eddie Editor", "staff");
    users.add("rita", "Rita Reviewer", "reviewers");
    doc = TestDocuments.create(store, "Shared.docx", "shared", owner).id();
  }

  @Test
  void theOwnerComesFirstWithFullAccess() throws Exception {
    assertEquals(
        List.of(new ShareEntry("olivia", "Olivia Owner", Level.FULL_ACCESS, ShareEntry.Kind.USER)),
        sharing.sharing(doc));
  }

  @Test
  void grantsAreShownAtTheHighestLevelTheyCover() throws Exception {
    users.grant(
        doc.value(),
        "group",
        "reviewers",
        "VIEW",
        "REVIEW",
        "COMMENT",
        "COPY",
        "DOWNLOAD",
        "PRINT",
        "CHAT");
    users.grant(doc.value(), "user", "eddie", "VIEW");
    List<ShareEntry> entries = sharing.sharing(doc);
    assertEquals(
        new ShareEntry("eddie", "Eddie Editor", Level.READ_ONLY, ShareEntry.Kind.USER),
        entries.get(1));
    assertEquals(
        new ShareEntry("reviewers", "reviewers", Level.REVIEW, ShareEntry.Kind.GROUP),
        entries.get(2));
  }

  @Test
  void updatingReplacesTheGrantsWithEachLevelsPermissions() throws Exception {
    users.grant(doc.value(), "user", "rita", "EDIT");
    sharing.updateSharing(
        doc,
        List.of(
            new ShareEntry("olivia", "Olivia Owner", Level.READ_ONLY, ShareEntry.Kind.USER),
            new ShareEntry("eddie", "Eddie Editor", Level.EDIT, ShareEntry.Kind.USER),
            new ShareEntry("reviewers", "reviewers", Level.COMMENT, ShareEntry.Kind.GROUP)),
        owner);
    assertEquals(
        EnumSet.complementOf(EnumSet.of(Permission.SHARE, Permission.DELETE)),
        policy.rightsFor(doc, editor).granted());
    User rita = users.add("rita2", "Rita Two", "reviewers");
    assertTrue(policy.rightsFor(doc, rita).can(Permission.COMMENT));
    assertTrue(policy.rightsFor(doc, owner).can(Permission.SHARE), "the owner keeps full access");
    assertEquals(Level.COMMENT, sharing.sharing(doc).get(2).level());
  }

  @Test
  void aDenyEntryTakesEverythingAway() throws Exception {
    users.grant(doc.value(), "group", "staff", "EDIT");
    sharing.updateSharing(
        doc,
        List.of(
            new ShareEntry("staff", "staff", Level.EDIT, ShareEntry.Kind.GROUP),
            new ShareEntry("eddie", "Eddie Editor", Level.DENY, ShareEntry.Kind.USER)),
        owner);
    assertEquals(AccessRights.none(), policy.rightsFor(doc, editor));
    assertEquals(Level.DENY, sharing.sharing(doc).get(1).level());
  }

  @Test
  void unknownPrincipalsAndLinksAreRefusedAndChangeNothing() throws Exception {
    users.grant(doc.value(), "user", "eddie", "VIEW");
    assertThrows(
        AccessDeniedException.class,
        () ->
            sharing.updateSharing(
                doc,
                List.of(new ShareEntry("mallory", "Mallory", Level.EDIT, ShareEntry.Kind.USER)),
                owner));
    assertThrows(
        AccessDeniedException.class,
        () ->
            sharing.updateSharing(
                doc,
                List.of(
                    new ShareEntry(
                        "anyone with the link", "Link", Level.EDIT, ShareEntry.Kind.LINK)),
                owner));
    assertTrue(policy.rightsFor(doc, editor).can(Permission.VIEW));
  }
}
