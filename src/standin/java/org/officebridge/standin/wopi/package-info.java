/**
 * The WOPI client side of the stand-in: discovery with proof keys, proof signing, UTF-7, the action
 * URLs and frame, and the requests ONLYOFFICE makes to a WOPI host. Depends on office, session
 * (downloads), storage, formats, faults, json and http.
 */
package org.officebridge.standin.wopi;
