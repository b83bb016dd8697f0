package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.officebridge.config.Settings;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Permission;

/**
 * The CheckFileInfo answer: the file, the user, the user's rights as WOPI properties, the host's
 * capabilities, the PostMessage flags and the host URLs. Never a {@code FileUrl}: the client always
 * fetches through the proof-checked GetFile.
 */
@ApplicationScoped
public class CheckFileInfoAssembler {

  private static final DateTimeFormatter ROUND_TRIP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

  @Inject HostServices host;
  @Inject Settings settings;

  /**
   * What the host offers beyond the required operations.
   *
   * @param delete DeleteFile
   * @param userInfo PutUserInfo
   * @param versions a version list to show ({@code UI_FileVersions})
   * @param sharing sharing settings to show ({@code UI_Sharing})
   * @param images a document catalog to pick images from ({@code UI_InsertGraphic})
   */
  public record Capabilities(
      boolean delete, boolean userInfo, boolean versions, boolean sharing, boolean images) {}

  /**
   * @param call the admitted request
   * @param info the file's current description
   * @return the CheckFileInfo properties, in a stable order
   * @throws HostUnavailableException when the DMS cannot give the user info
   */
  public Map<String, Object> assemble(WopiCall call, DocumentInfo info)
      throws HostUnavailableException {
    Capabilities capabilities =
        new Capabilities(
            host.documents().supportsDelete(),
            host.users().supportsUserInfo(),
            host.versions().isPresent(),
            host.sharing().isPresent(),
            host.catalog().isPresent());
    Optional<String> userInfo =
        capabilities.userInfo() ? host.users().loadUserInfo(call.user().id()) : Optional.empty();
    return properties(call, info, capabilities, userInfo, settings.wopi());
  }

  /**
   * @param call the admitted request
   * @param info the file's current description
   * @param capabilities what the host offers
   * @param userInfo the user's stored WOPI user info
   * @param wopi the WOPI settings (brand)
   * @return the CheckFileInfo properties
   */
  static Map<String, Object> properties(
      WopiCall call,
      DocumentInfo info,
      Capabilities capabilities,
      Optional<String> userInfo,
      Settings.Wopi wopi) {
    URI base = call.grant().hostPage();
    boolean edit = call.can(Permission.EDIT);
    boolean review = call.can(Permission.REVIEW);
    boolean comment = call.can(Permission.COMMENT);
    String ext = info.fileType();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("BaseFileName", info.title());
    p.put("OwnerId", info.ownerId());
    p.put("Size", info.size());
    p.put("Version", info.version());
    p.put("LastModifiedTime", roundTrip(info));
    if (!ext.isEmpty()) {
      p.put("FileExtension", "." + ext);
    }
    p.put("FileNameMaxLength", FileNames.MAX_LENGTH - (ext.isEmpty() ? 0 : ext.length() + 1));
    p.put("UserId", call.user().id());
    p.put("UserFriendlyName", call.user().name());
    p.put("IsAnonymousUser", false);
    userInfo.ifPresent(u -> p.put("UserInfo", u));
    p.put("ReadOnly", !canModify(call));
    p.put("UserCanWrite", edit);
    p.put("UserCanReview", edit || review);
    p.put("UserCanOnlyComment", comment && !edit && !review);
    p.put("UserCanRename", call.can(Permission.RENAME));
    p.put("UserCanNotWriteRelative", !canWriteRelative(call));
    p.put("SupportsLocks", true);
    p.put("SupportsGetLock", true);
    p.put("SupportsExtendedLockLength", true);
    p.put("SupportsUpdate", true);
    p.put("SupportsRename", true);
    p.put("SupportsReviewing", true);
    p.put("SupportsDeleteFile", capabilities.delete());
    p.put("SupportsUserInfo", capabilities.userInfo());
    p.put("SupportsContainers", false);
    boolean print = call.can(Permission.PRINT);
    p.put("HidePrintOption", !print);
    p.put("DisablePrint", !print);
    if (!call.can(Permission.DOWNLOAD)) {
      p.put("HideExportOption", true);
      p.put("DisableExport", true);
    }
    if (!call.can(Permission.COPY)) {
      p.put("CopyPasteRestrictions", "BlockAll");
    }
    wopi.brandName().ifPresent(n -> p.put("BreadcrumbBrandName", n));
    wopi.brandUrl().ifPresent(u -> p.put("BreadcrumbBrandUrl", u.toString()));
    info.folder().ifPresent(f -> p.put("BreadcrumbFolderName", f.name()));
    WopiLinks.folder(base, info).ifPresent(url -> p.put("BreadcrumbFolderUrl", url));
    WopiLinks.folder(base, info).ifPresent(url -> p.put("CloseUrl", url));
    p.put("HostViewUrl", WopiLinks.hostPage(base, info.id(), "view"));
    p.put("HostEditUrl", WopiLinks.hostPage(base, info.id(), "edit"));
    if (capabilities.versions()) {
      p.put("FileVersionUrl", WopiLinks.versions(base, info.id()));
    }
    p.put("PostMessageOrigin", WopiLinks.origin(base));
    p.put("ClosePostMessage", true);
    p.put("EditModePostMessage", true);
    p.put("EditNotificationPostMessage", true);
    p.put("FileVersionPostMessage", capabilities.versions());
    p.put("FileSharingPostMessage", capabilities.sharing());
    p.put("EnableInsertRemoteImage", capabilities.images());
    return p;
  }

  /**
   * @param info a document
   * @return its last modification in ISO 8601 round-trip format, UTC
   */
  static String roundTrip(DocumentInfo info) {
    return ROUND_TRIP.format(info.lastModified());
  }

  /**
   * @param call an admitted request
   * @return whether the file is not read-only for the user: they may edit, review or comment, so
   *     the WOPI client opens it for changes (and may lock it)
   */
  static boolean canModify(WopiCall call) {
    return call.can(Permission.EDIT) || call.can(Permission.REVIEW) || call.can(Permission.COMMENT);
  }

  /**
   * @param call an admitted request
   * @return whether the user may create files from this one (PutRelativeFile): with the right to
   *     edit it or to download it (a copy is a download kept in the DMS)
   */
  static boolean canWriteRelative(WopiCall call) {
    return call.can(Permission.EDIT) || call.can(Permission.DOWNLOAD);
  }
}
