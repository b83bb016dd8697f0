/**
 * Callbacks to {@code editorConfig.callbackUrl}: statuses, outbox tokens, delivery with the DS's
 * retry policy, per-document ordering, the attempt log and forgotten files. Depends on http, jwt,
 * json, faults and storage.
 */
package org.officebridge.standin.callback;
