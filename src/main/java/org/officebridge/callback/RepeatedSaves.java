package org.officebridge.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DocumentServerHttp;
import org.officebridge.host.HostServices;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.VersionInfo;

/**
 * Recognises a save the DMS already holds, when the processed-event markers cannot: after a node
 * restart with the in-memory session store, or on another node of a cluster whose store the markers
 * did not reach. A repeated callback then meets a version conflict (its base version is no longer
 * current, because its own first delivery moved it on); if one of the versions stored since that
 * base has exactly the bytes the Document Server sends, the save is already stored, and it must not
 * become a conflict copy. Only asked on a version conflict, which is rare; any failure here means
 * "not found", so the edit is kept as a conflict copy as before.
 */
@ApplicationScoped
public class RepeatedSaves {

  /** How many versions after the base are compared at most (newest first). */
  static final int MAX_COMPARED = 5;

  private static final Logger LOG = Logger.getLogger(RepeatedSaves.class.getName());

  @Inject HostServices host;
  @Inject DocumentServerHttp http;
  @Inject Settings settings;

  /**
   * @param id the document
   * @param baseVersion the version the save was based on
   * @param url the file the Document Server sends
   * @return the version that already holds exactly these bytes, if one was stored after the base
   */
  public Optional<DocumentInfo> findStored(DocumentId id, String baseVersion, URI url) {
    try {
      DocumentInfo current = host.documents().describe(id);
      List<DocumentInfo> candidates = storedSince(current, baseVersion);
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      Digest sent = digest(open(url));
      for (DocumentInfo candidate : candidates) {
        if (candidate.size() == sent.size() && sent.equals(digestOf(candidate))) {
          LOG.info(
              () ->
                  "event=callback outcome=repeat-of-stored-save doc="
                      + id
                      + " version="
                      + candidate.version());
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    } catch (IOException | HostException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The versions stored after the base, newest first: all known ones, or the current one. */
  private List<DocumentInfo> storedSince(DocumentInfo current, String baseVersion)
      throws HostException {
    if (current.version().equals(baseVersion)) {
      return List.of();
    }
    if (host.versions().isEmpty()) {
      return List.of(current);
    }
    List<VersionInfo> all = host.versions().get().listVersions(current.id());
    int base =
        all.stream()
            .filter(v -> v.version().equals(baseVersion))
            .mapToInt(VersionInfo::number)
            .findFirst()
            .orElse(0);
    List<DocumentInfo> out = new ArrayList<>();
    all.stream()
        .filter(v -> v.number() > base)
        .sorted(Comparator.comparingInt(VersionInfo::number).reversed())
        .limit(MAX_COMPARED)
        .forEach(
            v ->
                out.add(
                    new DocumentInfo(
                        current.id(),
                        current.title(),
                        v.size(),
                        v.version(),
                        v.created(),
                        current.ownerId(),
                        current.folder())));
    return out;
  }

  private Digest digestOf(DocumentInfo version) throws IOException, HostException {
    Content content =
        host.versions().isPresent()
            ? host.versions().get().openVersion(version.id(), version.version())
            : host.documents().openContent(version.id());
    try (content) {
      return digest(content.stream());
    }
  }

  private InputStream open(URI url) throws IOException {
    try {
      return http.openDownload(url, settings.limits().maxFileSize());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while downloading");
    }
  }

  /** A stream's SHA-256 and length. */
  private record Digest(String sha256, long size) {}

  private static Digest digest(InputStream in) throws IOException {
    try (in) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long size = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha.update(buffer, 0, n);
        size += n;
      }
      return new Digest(java.util.HexFormat.of().formatHex(sha.digest()), size);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
