package org.officebridge.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.SharingService;
import org.officebridge.spi.User;

/**
 * The demo's sharing settings: one properties file per document under {@code sharing/}, shown in
 * the editor's sharing dialog and changeable there by users with the share right. Until changed, a
 * document is shown as shared with every demo role at its role's level. (In the demo, rights come
 * from the roles; the sharing list is what the dialog shows and stores.)
 */
@ApplicationScoped
public class DemoSharing implements SharingService {

  @Inject DemoStorage storage;

  private final DemoPropertiesCache properties = new DemoPropertiesCache();
  private Path root;

  @PostConstruct
  void init() {
    root = DemoSettings.dataDir().resolve("sharing");
  }

  @Override
  public List<ShareEntry> sharing(DocumentId id)
      throws DocumentNotFoundException, HostUnavailableException {
    storage.describe(id);
    try {
      Properties p = properties.read(file(id));
      if (p.isEmpty()) {
        return defaults();
      }
      List<ShareEntry> entries = new ArrayList<>();
      int n = Integer.parseInt(p.getProperty("count", "0"));
      for (int i = 0; i < n; i++) {
        entries.add(
            new ShareEntry(
                p.getProperty(i + ".principal"),
                p.getProperty(i + ".name"),
                ShareEntry.Level.valueOf(p.getProperty(i + ".level")),
                ShareEntry.Kind.valueOf(p.getProperty(i + ".kind", "USER"))));
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      throw new HostUnavailableException("cannot read sharing of " + id, e);
    }
  }

  private static List<ShareEntry> defaults() {
    List<ShareEntry> entries = new ArrayList<>();
    for (DemoUsers.Role role : DemoUsers.Role.values()) {
      User u = role.user();
      ShareEntry.Level level =
          switch (role) {
            case OWNER -> ShareEntry.Level.FULL_ACCESS;
            case EDITOR -> ShareEntry.Level.EDIT;
            case REVIEWER -> ShareEntry.Level.REVIEW;
            case COMMENTER -> ShareEntry.Level.COMMENT;
            case FORM_FILLER -> ShareEntry.Level.FILL_FORMS;
            case VIEWER -> ShareEntry.Level.READ_ONLY;
          };
      entries.add(new ShareEntry(u.id(), u.name(), level, ShareEntry.Kind.USER));
    }
    return entries;
  }

  @Override
  public boolean canChangeSharing() {
    return true;
  }

  @Override
  public void updateSharing(DocumentId id, List<ShareEntry> entries, User actor)
      throws DocumentNotFoundException, HostUnavailableException {
    storage.describe(id);
    Properties p = new Properties();
    p.setProperty("count", String.valueOf(entries.size()));
    for (int i = 0; i < entries.size(); i++) {
      ShareEntry e = entries.get(i);
      p.setProperty(i + ".principal", e.principal());
      p.setProperty(i + ".name", e.displayName());
      p.setProperty(i + ".level", e.level().name());
      p.setProperty(i + ".kind", e.kind().name());
    }
    try {
      Files.createDirectories(root);
      properties.write(file(id), p);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot store sharing of " + id, e);
    }
  }

  private Path file(DocumentId id) {
    return root.resolve(id.value() + ".properties");
  }
}
