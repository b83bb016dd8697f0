package org.officebridge.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.host.HostServices;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Mention;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.web.Escape;

/**
 * Users in the editor: candidates for mentions and range protection, avatars ({@code
 * onRequestUsers} / {@code setUsers}), and the notification of mentioned users ({@code
 * onRequestSendNotify}) handed to the host's {@code MentionNotifier}. E-mail addresses go only to
 * users who may comment or edit.
 */
@ApplicationScoped
public class EditorPeople {

  private static final Logger LOG = Logger.getLogger(EditorPeople.class.getName());
  private static final int LIMIT = 100;

  @Inject HostServices host;

  /**
   * @param actor the acting user
   * @param c mention, protect or info
   * @param ids for info: the users whose avatars are wanted
   * @return the argument of {@code setUsers}
   */
  Map<String, Object> users(EditorActor actor, String c, List<String> ids) {
    List<Map<String, Object>> users = new ArrayList<>();
    try {
      switch (c) {
        case "mention" -> {
          actor.requireAny(Permission.COMMENT, Permission.EDIT, Permission.REVIEW);
          for (User u : host.users().searchUsers("", LIMIT)) {
            if (u.email().isPresent()) {
              users.add(entry(u, true));
            }
          }
        }
        case "protect" -> {
          actor.require(Permission.PROTECT);
          for (User u : host.users().searchUsers("", LIMIT)) {
            users.add(entry(u, false));
          }
        }
        case "info" -> {
          if (ids.size() > LIMIT) {
            throw EditorException.badRequest("too many ids");
          }
          for (String id : ids) {
            if (id.length() <= 128) {
              host.users().findUser(id).ifPresent(u -> users.add(entry(u, false)));
            }
          }
        }
        default -> throw EditorException.badRequest("c must be mention, protect or info");
      }
    } catch (HostException e) {
      throw EditorException.from(e);
    }
    return Map.of("c", c, "users", users);
  }

  private static Map<String, Object> entry(User u, boolean withEmail) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("name", u.name());
    if (withEmail) {
      m.put("email", u.email().orElseThrow());
    }
    u.avatar().ifPresent(a -> m.put("image", a.toString()));
    return m;
  }

  /**
   * @param actor the acting user (who may comment or edit)
   * @param body the event's data: {@code emails}, {@code message}, {@code actionLink}
   * @param browserBase the connector's base URL as browsers reach it
   * @return how many known users the host was asked to notify
   */
  Map<String, Object> notifyMentioned(
      EditorActor actor, Map<String, Object> body, URI browserBase) {
    actor.requireAny(Permission.COMMENT, Permission.EDIT, Permission.REVIEW);
    String message = EditorEndpoints.optionalString(body, "message", 10_000).orElse("");
    List<String> emails = new ArrayList<>();
    for (Object o : EditorEndpoints.list(body, "emails", 50)) {
      if (!(o instanceof String s) || s.length() > 254) {
        throw EditorException.badRequest("emails must be addresses");
      }
      emails.add(s.toLowerCase(Locale.ROOT));
    }
    Optional<Map<String, Object>> link =
        Optional.ofNullable(body.get("actionLink"))
            .map(a -> EditorRequestParameters.actionLink(EditorJson.write(a)).orElseThrow());
    try {
      List<User> recipients = new ArrayList<>();
      for (String email : emails) {
        host.users().searchUsers(email, 5).stream()
            .filter(u -> u.email().map(e -> e.equalsIgnoreCase(email)).orElse(false))
            .findFirst()
            .filter(u -> !recipients.contains(u))
            .ifPresent(recipients::add);
      }
      DocumentInfo info = host.documents().describe(actor.id());
      String path =
          "editor?doc="
              + Escape.urlParam(actor.id().value())
              + link.map(l -> "&actionLink=" + Escape.urlParam(EditorJson.write(l))).orElse("");
      if (host.mentions().isPresent() && !recipients.isEmpty()) {
        host.mentions()
            .get()
            .notifyMentioned(
                new Mention(info, actor.user(), recipients, message, browserBase.resolve(path)));
      }
      LOG.info(
          () ->
              "event=mention doc="
                  + actor.id()
                  + " user="
                  + actor.user().id()
                  + " recipients="
                  + recipients.size());
      return Map.of("notified", host.mentions().isPresent() ? recipients.size() : 0);
    } catch (HostException e) {
      throw EditorException.from(e);
    }
  }
}
