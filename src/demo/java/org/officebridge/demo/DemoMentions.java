package org.officebridge.demo;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.Mention;
import org.officebridge.spi.MentionNotifier;
import org.officebridge.spi.User;

/**
 * The demo's mention notifications: instead of sending e-mail, it logs each one and appends it to
 * {@code mentions.log} in the demo folder, which the page {@code demo/mentions} shows.
 */
@ApplicationScoped
public class DemoMentions implements MentionNotifier {

  private static final Logger LOG = Logger.getLogger(DemoMentions.class.getName());

  private Path log;

  @PostConstruct
  void init() {
    log = DemoSettings.dataDir().resolve("mentions.log");
  }

  @Override
  public void notifyMentioned(Mention mention) throws HostUnavailableException {
    List<String> to = mention.recipients().stream().map(User::id).toList();
    String line =
        "doc="
            + mention.document().id()
            + " author="
            + mention.author().id()
            + " to="
            + String.join(",", to)
            + " link="
            + mention.link()
            + "\n";
    LOG.info(() -> "event=demo-mention " + line.strip());
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new HostUnavailableException("cannot record the mention", e);
    }
  }

  /**
   * @return every recorded notification, one per line
   * @throws IOException when the log cannot be read
   */
  List<String> recorded() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }
}
