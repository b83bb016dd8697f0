package org.officebridge.host;

import java.util.List;
import org.officebridge.spi.AccessPolicy;
import org.officebridge.spi.DocumentCatalog;
import org.officebridge.spi.DocumentStore;
import org.officebridge.spi.EditorCustomizer;
import org.officebridge.spi.MentionNotifier;
import org.officebridge.spi.SessionStore;
import org.officebridge.spi.SharingService;
import org.officebridge.spi.TemplateCatalog;
import org.officebridge.spi.UserDirectory;
import org.officebridge.spi.VersionHistory;

/**
 * The parts of the SPI, and whether a host must provide each.
 *
 * @param type the SPI interface
 * @param required whether deployment fails without it
 * @param withoutIt what the connector does when an optional part is missing
 */
record SpiPart(Class<?> type, boolean required, String withoutIt) {

  static final List<SpiPart> ALL =
      List.of(
          new SpiPart(DocumentStore.class, true, ""),
          new SpiPart(UserDirectory.class, true, ""),
          new SpiPart(AccessPolicy.class, true, ""),
          new SpiPart(VersionHistory.class, false, "no version history in the editor"),
          new SpiPart(SessionStore.class, false, "the connector's own session store"),
          new SpiPart(SharingService.class, false, "no sharing dialog"),
          new SpiPart(TemplateCatalog.class, false, "blank documents only"),
          new SpiPart(DocumentCatalog.class, false, "no recent files, pickers or favourites"),
          new SpiPart(EditorCustomizer.class, false, "the editor settings for every page"),
          new SpiPart(MentionNotifier.class, false, "mentions notify nobody"));
}
