/**
 * Security decisions: JWT signing and checking (the only package that imports nimbus-jose-jwt), the
 * connector's own signed links, and the allow-list of Document Server addresses. Later: WOPI proof
 * keys and access tokens. Depends on {@code config} only.
 */
package org.officebridge.security;
