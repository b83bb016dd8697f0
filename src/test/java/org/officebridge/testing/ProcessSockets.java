package org.officebridge.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The sockets a process holds, read from Linux's {@code /proc}: which addresses a server listens on
 * and talks to. Tests use it to prove that what they start stays on loopback.
 */
public final class ProcessSockets {

  /**
   * One socket of the process.
   *
   * @param protocol {@code tcp} or {@code udp}
   * @param local the local address
   * @param localPort the local port
   * @param remote the peer's address (the wildcard when not connected)
   * @param listening whether it is a TCP socket in the LISTEN state
   */
  public record Socket(
      String protocol, InetAddress local, int localPort, InetAddress remote, boolean listening) {

    /**
     * @return whether the socket neither listens on nor talks to anything but loopback
     */
    public boolean loopbackOnly() {
      return local.isLoopbackAddress()
          && (remote.isAnyLocalAddress() || remote.isLoopbackAddress());
    }

    @Override
    public String toString() {
      return protocol
          + " "
          + local.getHostAddress()
          + ":"
          + localPort
          + (listening ? " LISTEN" : " -> " + remote.getHostAddress());
    }
  }

  private ProcessSockets() {}

  /**
   * @param pid a process of this machine's current user
   * @return its TCP and UDP sockets, IPv4 and IPv6
   * @throws IOException when {@code /proc} cannot be read
   */
  public static List<Socket> of(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", "" + pid, "fd"))) {
      for (Path fd : fds) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // the descriptor was closed while listing: not a socket any more
        }
      }
    }
    List<Socket> sockets = new ArrayList<>();
    for (String table : List.of("tcp", "tcp6", "udp", "udp6")) {
      Path file = Path.of("/proc", "" + pid, "net", table);
      if (!Files.exists(file)) {
        continue;
      }
      List<String> lines = Files.readAllLines(file);
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split("\\s+");
        if (!inodes.contains(f[9])) {
          continue;
        }
        String[] local = f[1].split(":");
        String[] remote = f[2].split(":");
        String protocol = table.startsWith("tcp") ? "tcp" : "udp";
        sockets.add(
            new Socket(
                protocol,
                address(local[0]),
                Integer.parseInt(local[1], 16),
                address(remote[0]),
                protocol.equals("tcp") && f[3].equals("0A")));
      }
    }
    return sockets;
  }

  /** The kernel prints each 32-bit word of an address in host (little-endian) byte order. */
  private static InetAddress address(String hex) throws UnknownHostException {
    byte[] raw = HexFormat.of().parseHex(hex);
    for (int word = 0; word < raw.length; word += 4) {
      for (int i = 0; i < 2; i++) {
        byte b = raw[word + i];
        raw[word + i] = raw[word + 3 - i];
        raw[word + 3 - i] = b;
      }
    }
    // an IPv4-mapped IPv6 address comes back as the IPv4 address
    return InetAddress.getByAddress(raw);
  }
}
