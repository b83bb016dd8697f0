/**
 * Shared state for a connector running on several nodes: the Hazelcast member, client or Payara
 * data grid chosen by {@code cluster.mode}, the {@link org.officebridge.spi.SessionStore} on it,
 * and {@link org.officebridge.cluster.SharedCache} for node-local caches that must be one truth
 * (WOPI discovery). The only package that imports Hazelcast; depends on {@code spi} and {@code
 * config} only. Values are stored as strings and numbers, so cluster members need none of our
 * classes.
 */
package org.officebridge.cluster;
