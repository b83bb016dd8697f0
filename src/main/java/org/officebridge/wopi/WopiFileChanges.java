package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.FileNames;
import org.officebridge.spi.HostException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.Permission;

/**
 * RenameFile, DeleteFile and PutUserInfo: the changes to a file (or its user) that do not touch its
 * content.
 */
@ApplicationScoped
public class WopiFileChanges {

  /** The longest UserInfo accepted, in characters (as Microsoft's WOPI defines it). */
  public static final int MAX_USER_INFO = 1024;

  private static final Logger LOG = Logger.getLogger(WopiFileChanges.class.getName());

  @Inject HostServices host;
  @Inject WopiLocks locks;

  /**
   * RenameFile: keeps the extension; makes an invalid or taken name valid where it can.
   *
   * @param call the admitted request
   * @param requestedName {@code X-WOPI-RequestedName} (UTF-7, without extension)
   * @param lockId {@code X-WOPI-Lock}, if sent
   * @return the new name without extension
   * @throws WopiException 400 with {@code X-WOPI-InvalidFileNameError}, 401, 409
   * @throws HostException when the DMS fails
   */
  public String rename(WopiCall call, Optional<String> requestedName, Optional<String> lockId)
      throws HostException {
    call.require(Permission.RENAME, "RenameFile");
    String requested;
    try {
      requested = Utf7.decode(requestedName.orElse(""));
    } catch (IllegalArgumentException e) {
      throw WopiException.invalidFileName("the name is not valid UTF-7", Optional.empty());
    }
    locks.requireUnlockedOrHeld(call.document(), lockId);
    DocumentInfo info = host.documents().describe(call.document());
    String title =
        WopiFileNames.title(requested, info.fileType())
            .orElseThrow(
                () ->
                    WopiException.invalidFileName(
                        "the name is empty or unusable", Optional.empty()));
    DocumentInfo renamed;
    try {
      renamed = host.documents().rename(call.document(), title, call.user());
    } catch (NameConflictException e) {
      String other =
          e.suggestion()
              .filter(s -> FileNames.extension(s).equals(info.fileType()))
              .orElseThrow(
                  () -> WopiException.invalidFileName("a file has that name", Optional.empty()));
      try {
        renamed = host.documents().rename(call.document(), other, call.user());
      } catch (NameConflictException | InvalidNameException again) {
        throw WopiException.invalidFileName("a file has that name", Optional.empty());
      }
    } catch (InvalidNameException e) {
      throw WopiException.invalidFileName("the DMS does not accept the name", Optional.empty());
    }
    String result = renamed.title();
    LOG.info(() -> "event=wopi-rename file=" + call.fileId() + " user=" + call.user().id());
    return info.fileType().isEmpty() ? result : FileNames.baseName(result);
  }

  /**
   * DeleteFile.
   *
   * @param call the admitted request
   * @throws WopiException 401 without the delete right, 409 when locked, 501 when the DMS does not
   *     delete
   * @throws HostException when the DMS fails
   */
  public void delete(WopiCall call) throws HostException {
    if (!host.documents().supportsDelete()) {
      throw WopiException.notImplemented("the DMS does not delete documents");
    }
    call.require(Permission.DELETE, "DeleteFile");
    locks.requireUnlocked(call.document());
    host.documents().delete(call.document(), call.user());
    LOG.info(() -> "event=wopi-delete file=" + call.fileId() + " user=" + call.user().id());
  }

  /**
   * PutUserInfo: keeps the client's per-user text, given back as CheckFileInfo's {@code UserInfo}.
   *
   * @param call the admitted request
   * @param body the text, UTF-8, at most 1024 characters
   * @throws WopiException 400 when too long or not UTF-8, 501 when the DMS does not keep it
   * @throws HostException when the DMS fails
   */
  public void putUserInfo(WopiCall call, InputStream body) throws HostException {
    if (!host.users().supportsUserInfo()) {
      throw WopiException.notImplemented("the DMS does not keep WOPI user info");
    }
    host.users().storeUserInfo(call.user().id(), readText(body));
  }

  private static String readText(InputStream body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int n; (n = body.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
        if (bytes.size() > MAX_USER_INFO * 4) {
          throw WopiException.badRequest("UserInfo is longer than 1024 characters");
        }
      }
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString();
      if (text.length() > MAX_USER_INFO) {
        throw WopiException.badRequest("UserInfo is longer than 1024 characters");
      }
      return text;
    } catch (CharacterCodingException e) {
      throw WopiException.badRequest("UserInfo is not UTF-8");
    } catch (IOException e) {
      throw WopiException.badRequest("UserInfo could not be read");
    }
  }
}
