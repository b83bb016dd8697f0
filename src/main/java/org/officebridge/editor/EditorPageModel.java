package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.officebridge.formats.DocumentFormats;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.EditorContext;
import org.officebridge.spi.Permission;
import org.officebridge.web.Escape;

/**
 * The editor page's data block: the signed config, the page token for the page's JSON endpoints,
 * which editor events the page handles (an event is declared only when the user may use it, so the
 * editor hides the buttons of everything else), and the connector's texts in the user's language.
 */
@ApplicationScoped
public class EditorPageModel {

  @Inject HostServices host;
  @Inject EditorGuard guard;

  Map<String, Object> data(EditorPage page, Map<String, Object> config, EditorActor actor) {
    String doc = page.document().id().value();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("config", config);
    data.put("doc", doc);
    data.put("token", guard.pageToken(page.document().id(), actor.user()));
    data.put("tokenHeader", EditorGuard.TOKEN_HEADER);
    data.put("endpoint", "api/editor/" + Escape.urlParam(doc) + "/");
    data.put("editorUrl", page.browserUrl("editor?doc=" + Escape.urlParam(doc)));
    data.put("closeUrl", closeUrl(page));
    data.put("features", features(page));
    data.put(
        "downloadFormats",
        page.format().conversions().stream()
            .filter(f -> !DocumentFormats.imageExtensions().contains(f))
            .toList());
    data.put("messages", actor.messages().all());
    return data;
  }

  private static String closeUrl(EditorPage page) {
    return page.document()
        .folder()
        .map(DocumentInfo.Folder::url)
        .map(u -> page.browserBase().resolve(u).toString())
        .orElse(page.browserBase().toString());
  }

  private Map<String, Object> features(EditorPage page) {
    var rights = page.rights();
    boolean editing = page.editing();
    boolean catalog = host.catalog().isPresent();
    boolean history = host.versions().isPresent();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("close", page.customization().close());
    f.put("rename", editing && rights.can(Permission.RENAME));
    f.put("editRights", !editing && page.platform() != EditorContext.Platform.EMBEDDED);
    f.put("sharing", host.sharing().isPresent());
    f.put(
        "sharingChangeable",
        host.sharing().map(s -> s.canChangeSharing()).orElse(false)
            && rights.can(Permission.SHARE));
    f.put("history", history);
    f.put("restore", history && rights.can(Permission.EDIT));
    f.put("favorite", catalog);
    f.put("pickers", catalog && editing);
    f.put("referenceData", catalog);
    f.put(
        "mentions",
        editing
            && (rights.can(Permission.COMMENT)
                || rights.can(Permission.EDIT)
                || rights.can(Permission.REVIEW)));
    f.put("saveAs", rights.can(Permission.DOWNLOAD));
    f.put("download", rights.can(Permission.DOWNLOAD));
    f.put("createNew", OfficeTemplates.canCreate(page.format().type().orElseThrow().nativeType()));
    f.put("actionLink", true);
    return f;
  }
}
