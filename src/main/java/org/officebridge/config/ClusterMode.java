package org.officebridge.config;

/** Where the connector's shared state (sessions, locks, processed events, caches) lives. */
public enum ClusterMode {
  /** In this node's memory only: a single node. */
  NONE("none"),
  /** A Hazelcast member embedded in this JVM, one per node. */
  EMBEDDED("embedded"),
  /** A Hazelcast client of an existing cluster. */
  CLIENT("client"),
  /** The data grid of the Payara server the connector runs on. */
  PAYARA("payara");

  private final String text;

  ClusterMode(String text) {
    this.text = text;
  }

  /**
   * @return the value as written in settings
   */
  public String text() {
    return text;
  }
}
