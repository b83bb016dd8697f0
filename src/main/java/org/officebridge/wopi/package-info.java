/**
 * The WOPI host: the {@code /wopi} JAX-RS application (CheckFileInfo, GetFile, PutFile, the lock
 * operations, PutRelativeFile, RenameFile, DeleteFile, PutUserInfo), its request gate (address,
 * access token, proof), locks kept in the SPI's session store, and the host page. Reaches the DMS
 * only through {@code host} (the SPI), signs and checks through {@code security}, reads discovery
 * through {@code documentserver}.
 */
package org.officebridge.wopi;
