/**
 * Shared pieces of the connector's own web pages: context-aware escaping (HTML text, attributes,
 * JavaScript strings, JSON inside a script element). No protocol logic.
 */
package org.officebridge.web;
