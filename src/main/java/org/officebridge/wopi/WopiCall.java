package org.officebridge.wopi;

import java.util.Objects;
import org.officebridge.security.WopiAccessToken;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;

/**
 * A WOPI request that passed every check: from an allowed address, with a valid proof and a valid
 * access token for this very file.
 *
 * @param fileId the file
 * @param user the user the token was issued to
 * @param rights what the user may do now: the rights in the token, further limited by the current
 *     ones
 * @param grant the token
 */
public record WopiCall(WopiFileId fileId, User user, AccessRights rights, WopiAccessToken grant) {

  /** Checks that every part is present. */
  public WopiCall {
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(rights, "rights");
    Objects.requireNonNull(grant, "grant");
  }

  /**
   * @return the DMS document
   */
  public DocumentId document() {
    return fileId.document();
  }

  /**
   * @param permission a permission
   * @return whether the user has it now
   */
  public boolean can(Permission permission) {
    return rights.can(permission);
  }

  /**
   * @param permission a permission the operation needs
   * @param operation the operation, for the log
   * @throws WopiException 401 when the user does not have it
   */
  public void require(Permission permission, String operation) {
    if (!can(permission)) {
      throw WopiException.unauthorized(
          "the token does not allow " + operation + " (no " + permission + " right)");
    }
  }
}
