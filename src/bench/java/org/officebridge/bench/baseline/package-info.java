/**
 * The benchmark-only baseline deployment ({@code /bench}): an empty JAX-RS endpoint beside static
 * files and a static page. Deployed by the harness next to the connector, never shipped.
 */
package org.officebridge.bench.baseline;
