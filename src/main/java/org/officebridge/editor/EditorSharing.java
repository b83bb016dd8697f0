package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.officebridge.host.HostServices;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;
import org.officebridge.spi.ShareEntry;
import org.officebridge.spi.SharingService;

/**
 * The editor's sharing dialog ({@code onRequestSharingSettings}): shows the host's sharing settings
 * to anyone who may view the document, and changes them only for users with {@link
 * Permission#SHARE} when the host supports changes.
 */
@ApplicationScoped
public class EditorSharing {

  private static final Logger LOG = Logger.getLogger(EditorSharing.class.getName());

  @Inject HostServices host;

  private SharingService sharing() {
    return host.sharing().orElseThrow(() -> EditorException.notFound("the host has no sharing"));
  }

  /**
   * @param actor the acting user
   * @return entries with level codes and labels, the levels, whether the user may change them, and
   *     {@code sharingSettings} for the editor
   */
  Map<String, Object> show(EditorActor actor) {
    SharingService sharing = sharing();
    try {
      List<ShareEntry> entries = sharing.sharing(actor.id());
      List<Map<String, Object>> list = new ArrayList<>();
      for (ShareEntry e : entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", e.principal());
        m.put("displayName", e.displayName());
        m.put("level", e.level().name().toLowerCase(java.util.Locale.ROOT));
        m.put("label", SharingLevels.label(e.level()));
        m.put("kind", e.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("isLink", e.isLink());
        list.add(m);
      }
      List<Map<String, Object>> levels = new ArrayList<>();
      for (ShareEntry.Level l : ShareEntry.Level.values()) {
        levels.add(
            Map.of(
                "code",
                l.name().toLowerCase(java.util.Locale.ROOT),
                "label",
                SharingLevels.label(l)));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("entries", list);
      out.put("levels", levels);
      out.put("changeable", sharing.canChangeSharing() && actor.rights().can(Permission.SHARE));
      out.put("sharingSettings", EditorConfigAssembler.sharingSettings(entries));
      return out;
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }

  /** The entry's {@code kind} (user, group, link); {@code isLink: true} alone also means a link. */
  private static ShareEntry.Kind kind(Map<String, Object> entry) {
    Object kind = entry.get("kind");
    if (kind == null) {
      return Boolean.TRUE.equals(entry.get("isLink")) ? ShareEntry.Kind.LINK : ShareEntry.Kind.USER;
    }
    for (ShareEntry.Kind k : ShareEntry.Kind.values()) {
      if (k.name().equalsIgnoreCase(String.valueOf(kind))) {
        return k;
      }
    }
    throw EditorException.badRequest("kind must be user, group or link");
  }

  /**
   * @param actor the acting user (needs {@link Permission#SHARE})
   * @param body {@code entries:[{principal, displayName, level, isLink}]}
   * @return the sharing settings as stored
   */
  Map<String, Object> change(EditorActor actor, Map<String, Object> body) {
    actor.require(Permission.SHARE);
    SharingService sharing = sharing();
    if (!sharing.canChangeSharing()) {
      throw EditorException.forbidden("the host does not change sharing");
    }
    List<ShareEntry> entries = new ArrayList<>();
    for (Object o : EditorEndpoints.list(body, "entries", 200)) {
      if (!(o instanceof Map<?, ?> raw)) {
        throw EditorException.badRequest("an entry is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) raw;
      entries.add(
          new ShareEntry(
              EditorEndpoints.string(m, "principal", 256),
              EditorEndpoints.string(m, "displayName", 256),
              SharingLevels.parse(EditorEndpoints.string(m, "level", 32))
                  .orElseThrow(() -> EditorException.badRequest("unknown level")),
              kind(m)));
    }
    try {
      sharing.updateSharing(actor.id(), entries, actor.user());
    } catch (HostException e) {
      throw EditorException.from(e);
    }
    LOG.info(() -> "event=sharing-change doc=" + actor.id() + " user=" + actor.user().id());
    return show(actor);
  }
}
