/**
 * Test support shared by the in-process, server and browser tests: the in-process server, the
 * Arquillian deployment builder, an HTTP client and the headless browser.
 */
package org.officebridge.testing;
