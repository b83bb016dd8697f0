/**
 * Shared pieces of the connector's own web pages: context-aware escaping (HTML text, attributes,
 * JavaScript strings, JSON inside a script element, log values), the WAR's one error page and its
 * request hygiene (only the methods it uses). No protocol logic.
 */
package org.officebridge.web;
