package org.officebridge.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of the connector, typed and validated; see {@link SettingKey} for names and
 * defaults. Produced once at deployment by {@link SettingsLoader}.
 *
 * @param documentServer where the Document Server is and how to trust it
 * @param connector how the Document Server reaches this connector
 * @param jwt tokens exchanged with the Document Server
 * @param wopi the WOPI host
 * @param limits sizes and timeouts
 * @param sessionTtl lifetime of a Docs API editing session without callbacks
 * @param adminRole container role of administrators
 * @param editor the Docs API editor page and its customization defaults
 * @param cluster where shared state lives
 * @param operations metrics and the settings check
 */
public record Settings(
    DocumentServer documentServer,
    Connector connector,
    Jwt jwt,
    Wopi wopi,
    Limits limits,
    Duration sessionTtl,
    String adminRole,
    EditorSettings editor,
    Cluster cluster,
    Operations operations) {

  /**
   * @param publicUrl base URL browsers load {@code api.js} from, without trailing slash
   * @param internalUrl base URL the connector calls, without trailing slash
   * @param allowedAddresses addresses the Document Server may use; empty means the addresses of
   *     {@code internalUrl}'s host
   * @param trustStore a trust store for the Document Server's certificate, if configured
   */
  public record DocumentServer(
      URI publicUrl,
      URI internalUrl,
      List<AddressRange> allowedAddresses,
      Optional<TrustStore> trustStore) {
    /** Copies the list. */
    public DocumentServer {
      allowedAddresses = List.copyOf(allowedAddresses);
    }
  }

  /**
   * @param path the key-store file
   * @param password its password, if any
   */
  public record TrustStore(Path path, Optional<Secret> password) {}

  /**
   * @param url base URL of this connector as the Document Server reaches it, without trailing slash
   * @param instanceId prefix of document keys
   * @param linkSecret key of the connector's own signed links
   */
  public record Connector(URI url, String instanceId, Secret linkSecret) {}

  /**
   * @param secret the shared HS256 secret
   * @param header the header name carrying tokens
   * @param prefix the prefix before the token in the header
   * @param ttl lifetime of tokens the connector signs
   * @param clockSkew tolerated clock difference on tokens the connector checks
   */
  public record Jwt(
      Secret secret, String header, String prefix, Duration ttl, Duration clockSkew) {}

  /**
   * @param enabled whether the WOPI host is on
   * @param discoveryRefresh how long discovery is cached
   * @param proofKeys how proofs are checked
   * @param tokenTtl lifetime of access tokens
   * @param brandName the DMS name shown in the editor's About box, if set
   * @param brandUrl the link behind it, if set
   */
  public record Wopi(
      boolean enabled,
      Duration discoveryRefresh,
      ProofKeyMode proofKeys,
      Duration tokenTtl,
      Optional<String> brandName,
      Optional<URI> brandUrl) {}

  /**
   * @param maxFileSize largest document in bytes
   * @param connectTimeout connect timeout of calls to the Document Server
   * @param readTimeout read timeout of calls to the Document Server
   * @param conversionTimeout how long a conversion may take, polling included
   */
  public record Limits(
      long maxFileSize,
      Duration connectTimeout,
      Duration readTimeout,
      Duration conversionTimeout) {}

  /**
   * @param mode where shared state lives
   * @param name the Hazelcast cluster name
   * @param join how an embedded member finds the others
   * @param members host:port of members (tcp-ip, client) or the service DNS name (kubernetes)
   * @param address the IP address an embedded member binds to
   * @param port the port an embedded member listens on
   * @param minMembers split-brain protection: fewer visible members refuse shared state
   */
  public record Cluster(
      ClusterMode mode,
      String name,
      ClusterJoin join,
      List<String> members,
      String address,
      int port,
      int minMembers) {
    /** Copies the list. */
    public Cluster {
      members = List.copyOf(members);
    }

    /**
     * @return the default: nothing shared, everything in this node's memory
     */
    public static Cluster none() {
      return new Cluster(
          ClusterMode.NONE, "officebridge", ClusterJoin.TCP_IP, List.of(), "127.0.0.1", 5701, 1);
    }
  }

  /**
   * @param metricsToken the bearer token a metrics scraper may use, if set
   * @param checkInterval how often the settings check runs by itself; empty for never
   * @param checkTimeout how long the settings check waits for its test conversion
   */
  public record Operations(
      Optional<Secret> metricsToken, Optional<Duration> checkInterval, Duration checkTimeout) {}
}
