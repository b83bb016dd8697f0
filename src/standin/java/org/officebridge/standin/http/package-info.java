/**
 * The stand-in's HTTP plumbing: a path router over the JDK server, bounded request bodies, form and
 * URI-component encoding, shaped downloads and the outbound client. Knows no protocol.
 */
package org.officebridge.standin.http;
