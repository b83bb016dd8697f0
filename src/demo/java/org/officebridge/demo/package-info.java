/**
 * The demo DMS: a reference implementation of the SPI over a folder on disk, with demo users of
 * different rights and a few pages (index, versions, upload, new document). Lives in its own source
 * root and jar; the production WAR never contains it. Uses the connector only through the SPI (and
 * the escaping helper for its pages).
 */
package org.officebridge.demo;
