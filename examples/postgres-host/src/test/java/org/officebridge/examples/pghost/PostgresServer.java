package org.officebridge.examples.pghost;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL cluster for the tests: {@code initdb} into a fresh data directory, {@code
 * pg_ctl start} listening on 127.0.0.1 only, on a free port, with its socket in a private temporary
 * directory, password authentication over TCP, and durability off (fsync) for speed. As root, every
 * PostgreSQL command runs as the {@code postgres} user ({@code initdb} refuses root).
 */
final class PostgresServer implements AutoCloseable {

  static final String USER = "officebridge";
  static final String DATABASE = "pghost";

  private final Path bin;
  private final Path dataDir;
  private final Path socketDir;
  private final Optional<String> runAs;
  private final int port;
  private final String password;
  private boolean stopped;

  private PostgresServer(
      Path bin, Path dataDir, Path socketDir, Optional<String> runAs, int port, String password) {
    this.bin = bin;
    this.dataDir = dataDir;
    this.socketDir = socketDir;
    this.runAs = runAs;
    this.port = port;
    this.password = password;
  }

  /**
   * @param configured the directory of initdb/pg_ctl from {@code -Dpghost.postgres-bin}: when set,
   *     the only place looked at
   * @return where the PostgreSQL server binaries are: the configured directory, else the newest
   *     {@code /usr/lib/postgresql/<major>/bin} (Debian), else the PATH
   */
  static Optional<Path> findBinaries(Optional<String> configured) {
    List<Path> candidates = new ArrayList<>();
    if (configured.isPresent()) {
      candidates.add(Path.of(configured.get()));
    } else {
      try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        versions
            .map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing(PostgresServer::majorVersion).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        // not Debian's layout
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (!dir.isEmpty()) {
          candidates.add(Path.of(dir));
        }
      }
    }
    return candidates.stream()
        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
        .filter(dir -> Files.isExecutable(dir.resolve("pg_ctl")))
        .findFirst();
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Creates and starts a cluster with an empty database {@link #DATABASE}.
   *
   * @param bin the PostgreSQL binaries
   * @param dataDir the data directory to create (an old one, and its server, are removed first)
   * @return the running server
   * @throws IOException when a command fails; the message has its output
   */
  static PostgresServer start(Path bin, Path dataDir) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Optional<String> runAs = root ? Optional.of("postgres") : Optional.empty();
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    removeOldCluster(bin, dataDir, runAs);
    Files.createDirectories(dataDir);
    Files.deleteIfExists(log);
    Files.createFile(log);
    Path socketDir = Files.createTempDirectory("pghost-socket-");
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    Path passwordFile = socketDir.resolve("password");
    Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
    if (runAs.isPresent()) {
      for (Path p : List.of(dataDir, log, socketDir, passwordFile)) {
        Files.setOwner(p, owner(runAs.get()));
      }
    }
    PostgresServer server =
        new PostgresServer(bin, dataDir, socketDir, runAs, freePort(), password);
    server.run(
        "initdb",
        "-D",
        dataDir.toString(),
        "-U",
        USER,
        "--pwfile=" + passwordFile,
        "--auth-local=trust",
        "--auth-host=scram-sha-256",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync");
    Files.delete(passwordFile);
    server.run(
        "pg_ctl",
        "-D",
        dataDir.toString(),
        "-l",
        log.toString(),
        "-w",
        "-t",
        "60",
        "-o",
        "-k "
            + socketDir
            + " -h 127.0.0.1 -p "
            + server.port
            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");
    Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "pghost-postgres-stop"));
    server.createDatabase();
    return server;
  }

  private static void removeOldCluster(Path bin, Path dataDir, Optional<String> runAs)
      throws IOException, InterruptedException {
    if (Files.exists(dataDir.resolve("postmaster.pid"))) {
      new PostgresServer(bin, dataDir, dataDir, runAs, 0, "")
          .runQuietly("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
    }
    deleteTree(dataDir);
  }

  private static UserPrincipal owner(String user) throws IOException {
    return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void createDatabase() throws IOException {
    try (Connection c = dataSource("postgres").getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IOException("cannot create the test database", e);
    }
  }

  /**
   * @return the JDBC URL of the test database
   */
  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
  }

  /**
   * @return the password of {@link #USER}
   */
  String password() {
    return password;
  }

  /**
   * @return an unpooled data source on the test database, with password authentication
   */
  DataSource dataSource() {
    return dataSource(DATABASE);
  }

  private DataSource dataSource(String database) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://127.0.0.1:" + port + "/" + database);
    ds.setUser(USER);
    ds.setPassword(password);
    return ds;
  }

  private void run(String command, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    runAs.ifPresent(user -> line.addAll(List.of("runuser", "-u", user, "--")));
    line.add(bin.resolve(command).toString());
    line.addAll(List.of(args));
    Path output = Files.createTempFile("pghost-" + command + "-", ".out");
    try {
      Process p =
          new ProcessBuilder(line)
              .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(command + " did not finish in 120 s");
      }
      if (p.exitValue() != 0) {
        throw new IOException(
            String.join(" ", line)
                + " failed with exit code "
                + p.exitValue()
                + ":\n"
                + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private void runQuietly(String command, String... args) {
    try {
      run(command, args);
    } catch (IOException e) {
      // already stopped
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void stopQuietly() {
    if (stopped) {
      return;
    }
    stopped = true;
    runQuietly("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop");
    try {
      deleteTree(dataDir);
      deleteTree(socketDir);
    } catch (IOException e) {
      // a temporary directory; the system cleans it
    }
  }

  /** Stops the server and deletes its data (the log, beside the data directory, stays). */
  @Override
  public void close() {
    stopQuietly();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
