package org.officebridge.config;

/** How an embedded Hazelcast member finds the other members. */
public enum ClusterJoin {
  /** An explicit list of member addresses. */
  TCP_IP("tcp-ip"),
  /** IP multicast on the member's interface. */
  MULTICAST("multicast"),
  /** The Kubernetes API's DNS for a headless service. */
  KUBERNETES("kubernetes");

  private final String text;

  ClusterJoin(String text) {
    this.text = text;
  }

  /**
   * @return the value as written in settings
   */
  public String text() {
    return text;
  }
}
