/**
 * Security decisions: JWT signing and checking (the only package that imports nimbus-jose-jwt), the
 * connector's own signed links, WOPI access tokens and proof keys, and the allow-list of Document
 * Server addresses. Depends on {@code config} and the SPI's value types only.
 */
package org.officebridge.security;
