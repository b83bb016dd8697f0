package org.officebridge.standin.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import org.officebridge.standin.faults.Faults;
import org.officebridge.standin.http.FormEncoding;
import org.officebridge.standin.http.Request;
import org.officebridge.standin.http.Router;

/**
 * Serves stored files at their signed links: 403 for a forged or unknown link, 410 once expired,
 * otherwise the file, streamed, shaped by the download faults.
 */
public final class FileLinkResource {

  private final FileStore store;
  private final SignedLinks links;
  private final Faults faults;

  /**
   * @param store the files
   * @param links the link signer
   * @param faults download faults
   */
  public FileLinkResource(FileStore store, SignedLinks links, Faults faults) {
    this.store = store;
    this.links = links;
    this.faults = faults;
  }

  /**
   * @param router where to register
   */
  public void register(Router router) {
    router.route("GET", "/cache/files/data/([0-9a-f]{32})/([^/]+)", this::serve);
  }

  private void serve(Request request) throws IOException {
    String id = request.pathGroup(1);
    String name = request.pathGroup(2);
    SignedLinks.Check check =
        links.check(
            id, name, request.query().get("md5"), request.query().getOrDefault("expires", ""));
    Optional<StoredFile> file = store.find(id).filter(f -> f.fileName().equals(name));
    if (check == SignedLinks.Check.FORGED || file.isEmpty()) {
      request.sendText(403, "forbidden");
      return;
    }
    if (check == SignedLinks.Check.EXPIRED) {
      request.sendText(410, "link expired");
      return;
    }
    StoredFile f = file.get();
    request.responseHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''" + FormEncoding.encodeUriComponent(name));
    request.sendStream(
        200,
        f.contentType(),
        Files.size(f.path()),
        Files.newInputStream(f.path()),
        faults.shapingFor(f.kind()));
  }
}
