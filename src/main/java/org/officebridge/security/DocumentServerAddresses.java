package org.officebridge.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.officebridge.config.AddressRange;
import org.officebridge.config.Settings;

/**
 * The allow-list of Document Server addresses: requests the Document Server makes to the connector
 * (callbacks, downloads, WOPI) must come from it, and URLs the connector fetches because a request
 * named them (a callback's {@code url}) must point at it. Without a configured list, it is the
 * addresses the internal URL's host resolves to, looked up on each check so a DNS change is
 * followed.
 */
@ApplicationScoped
public class DocumentServerAddresses {

  private List<AddressRange> configured;
  private URI internalUrl;

  /** For CDI. */
  protected DocumentServerAddresses() {}

  /**
   * @param settings the connector's settings
   */
  @Inject
  public DocumentServerAddresses(Settings settings) {
    this.configured = settings.documentServer().allowedAddresses();
    this.internalUrl = settings.documentServer().internalUrl();
  }

  /**
   * @param address a peer's address
   * @return whether the Document Server may use it
   */
  public boolean isAllowed(InetAddress address) {
    if (!configured.isEmpty()) {
      return configured.stream().anyMatch(r -> r.contains(address));
    }
    try {
      for (InetAddress ds : InetAddress.getAllByName(internalUrl.getHost())) {
        if (ds.equals(address)) {
          return true;
        }
      }
      return false;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * @param remoteAddress the textual address of a request's peer (as the servlet API gives it)
   * @return whether the Document Server may use it; false for anything that is not a literal IP
   */
  public boolean isAllowedPeer(String remoteAddress) {
    if (remoteAddress == null || !remoteAddress.matches("[0-9a-fA-F.:%]+")) {
      return false;
    }
    try {
      return isAllowed(InetAddress.getByName(remoteAddress));
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Checks a URL the connector is asked to fetch: http(s) only, and every address its host resolves
   * to must be allowed (so a name cannot smuggle in an internal address).
   *
   * @param url the URL
   * @return whether it may be fetched
   */
  public boolean isAllowedUrl(URI url) {
    String scheme = url.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || url.getHost() == null
        || url.getRawUserInfo() != null) {
      return false;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(url.getHost());
      for (InetAddress a : all) {
        if (!isAllowed(a)) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
