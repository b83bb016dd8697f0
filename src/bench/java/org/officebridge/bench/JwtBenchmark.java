package org.officebridge.bench;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.officebridge.config.SettingsLoader;
import org.officebridge.security.JwtService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** HS256 signing and verification of a Document Server request token (JMH). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class JwtBenchmark {

  private JwtService jwt;
  private Map<String, Object> claims;
  private String token;

  /**
   * @throws Exception when the settings are invalid
   */
  @Setup
  public void setUp() throws Exception {
    jwt =
        new JwtService(
            SettingsLoader.load(
                Map.of(
                    "officebridge.ds.public-url", "http://127.0.0.1:9",
                    "officebridge.connector.url", "http://127.0.0.1:8080/officebridge",
                    "officebridge.jwt.secret", "officebridge-bench-secret-0123456789abcdef"),
                Map.of()),
            Clock.systemUTC());
    claims =
        Map.of(
            "payload",
            Map.of(
                "key",
                "bench-0123456789",
                "status",
                2,
                "url",
                "http://127.0.0.1:8090/cache/files/bench/output.docx",
                "users",
                java.util.List.of("u1")));
    token = jwt.sign(claims);
  }

  /**
   * @return a signed token
   */
  @Benchmark
  public String sign() {
    return jwt.sign(claims);
  }

  /**
   * @return the verified claims
   */
  @Benchmark
  public Map<String, Object> verify() {
    return jwt.verify(token);
  }
}
