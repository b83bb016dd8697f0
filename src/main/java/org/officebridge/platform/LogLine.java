package org.officebridge.platform;

import java.util.Optional;
import org.officebridge.spi.CorrelationId;

/**
 * One log line of a protocol event in key=value form: {@code event=<name> k=v ... cid=<id>}, with
 * the request's correlation id added last. Values are written as they are when they are simple
 * words, quoted (with {@code "} and {@code \} escaped) when they hold spaces or {@code =}, with
 * control characters replaced and at most 1000 characters. Never give it a token or a secret.
 *
 * <pre>{@code
 * LOG.info(() -> LogLine.event("callback").with("doc", id).with("status", 2).with("outcome", "saved").toString());
 * }</pre>
 */
public final class LogLine {

  private static final int MAX_VALUE = 1000;

  private final StringBuilder line = new StringBuilder(128);

  private LogLine(String event) {
    line.append("event=").append(event);
  }

  /**
   * @param event the event's name, a word such as {@code callback} or {@code admin-action}
   * @return a line starting with {@code event=<name>}
   */
  public static LogLine event(String event) {
    return new LogLine(event);
  }

  /**
   * @param key a word
   * @param value the value; {@code null} and empty {@link Optional}s are left out
   * @return this line
   */
  public LogLine with(String key, Object value) {
    Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
    if (v != null) {
      line.append(' ').append(key).append('=').append(format(String.valueOf(v)));
    }
    return this;
  }

  /**
   * @return the line, ending with {@code cid=<id>} when a request is being handled
   */
  @Override
  public String toString() {
    return CorrelationId.current().map(id -> line + " cid=" + id).orElseGet(line::toString);
  }

  static String format(String value) {
    boolean quote = value.isEmpty();
    StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_VALUE) + 2);
    for (int i = 0; i < value.length() && i < MAX_VALUE; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
        quote = true;
      } else if (c < 0x20 || c == 0x7f) {
        b.append('?');
      } else {
        quote |= c == ' ' || c == '=';
        b.append(c);
      }
    }
    if (value.length() > MAX_VALUE) {
      b.append("...");
    }
    return quote ? "\"" + b + "\"" : b.toString();
  }
}
