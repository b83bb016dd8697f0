package org.officebridge.wopi;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.officebridge.config.Settings;
import org.officebridge.documentserver.DiscoveryUnavailableException;
import org.officebridge.documentserver.WopiAction;
import org.officebridge.documentserver.WopiDiscovery;
import org.officebridge.documentserver.WopiDiscoveryClient;
import org.officebridge.host.HostServices;
import org.officebridge.host.ServletActorRequest;
import org.officebridge.security.WopiAccessTokens;
import org.officebridge.spi.AccessRights;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.HostException;
import org.officebridge.spi.HostUnavailableException;
import org.officebridge.spi.InvalidNameException;
import org.officebridge.spi.NameConflictException;
import org.officebridge.spi.NewDocument;
import org.officebridge.spi.Permission;
import org.officebridge.spi.User;
import org.officebridge.web.SameOrigin;

/**
 * The WOPI host page, {@code wopi-host?doc=<id>[&action=view|edit|editnew|embedview|convert]
 * [&mobile=1][&theme=light|dark]}: checks who the user is and what they may do, picks the discovery
 * action, issues an access token for this document and user, and writes the page that posts it into
 * the editor frame. A same-origin POST with {@code type} and {@code title} creates an empty
 * document and opens it with {@code editnew}.
 */
@WebServlet("/wopi-host")
public class WopiHostServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(WopiHostServlet.class.getName());

  @Inject Settings settings;
  @Inject HostServices host;
  @Inject WopiDiscoveryClient discovery;
  @Inject WopiAccessTokens tokens;
  @Inject WopiLinks links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!settings.wopi().enabled()) {
      WopiHostPage.error(response, 404, "WOPI is not enabled on this connector.");
      return;
    }
    Optional<DocumentId> id = DocumentId.parse(request.getParameter("doc"));
    if (id.isEmpty()) {
      WopiHostPage.error(response, 400, "The link does not name a document.");
      return;
    }
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        WopiHostPage.error(response, 401, "Please sign in to the DMS first.");
        return;
      }
      AccessRights rights = host.access().rightsFor(id.get(), actor.get());
      if (!rights.can(Permission.VIEW)) {
        WopiHostPage.error(response, 404, "There is no such document.");
        return;
      }
      DocumentInfo info = host.documents().describe(id.get());
      WopiDiscovery d = discovery.current();
      Optional<WopiAction> action =
          WopiActionChoice.choose(
              d,
              info,
              rights,
              Optional.ofNullable(request.getParameter("action")),
              isMobile(request));
      if (action.isEmpty()) {
        WopiHostPage.error(
            response, 415, "The Document Server cannot open ." + info.fileType() + " files.");
        return;
      }
      noteOpened(info, actor.get());
      render(request, response, info, actor.get(), rights, action.get());
    } catch (DocumentNotFoundException e) {
      WopiHostPage.error(response, 404, "There is no such document.");
    } catch (DiscoveryUnavailableException e) {
      LOG.warning(() -> "event=wopi-host outcome=no-discovery doc=" + id.get());
      WopiHostPage.error(response, 503, "The Document Server cannot be reached. Try again later.");
    } catch (HostException e) {
      WopiHostPage.error(response, 503, "The DMS is not available. Try again later.");
    }
  }

  private void render(
      HttpServletRequest request,
      HttpServletResponse response,
      DocumentInfo info,
      User user,
      AccessRights rights,
      WopiAction action)
      throws IOException {
    URI base = hostBase(request);
    WopiAccessTokens.Issued token = tokens.issue(info.id(), user.id(), rights.granted(), base);
    Map<String, String> values = new HashMap<>();
    String language = user.locale().toLanguageTag().toLowerCase(Locale.ROOT);
    if (!language.equals("und")) {
      values.put("UI_LLCC", language);
      values.put("DC_LLCC", language);
    }
    theme(request.getParameter("theme")).ifPresent(t -> values.put("THEME_ID", t));
    if (!rights.can(Permission.CHAT)) {
      values.put("DISABLE_CHAT", "1");
    }
    if (action.name().equalsIgnoreCase("embedview")) {
      values.put("EMBEDDED", "true");
    }
    values.put(WopiAction.WOPI_SOURCE, links.wopiSrc(links.fileId(info.id())));
    WopiHostPage.write(
        response,
        new WopiHostPage.Model(
            info.title(),
            language.equals("und") ? "en" : language,
            action.url(values),
            token.value(),
            token.grant().ttlEpochMillis(),
            action.name(),
            info.id().value(),
            WopiLinks.folder(base, info).orElse(base + "/"),
            WopiLinks.hostPage(base, info.id(), "edit"),
            host.versions().map(v -> WopiLinks.versions(base, info.id())),
            host.sharing().map(s -> base + "/wopi-host/sharing?doc=" + info.id().value()),
            host.catalog().map(c -> base + "/wopi-host/images?doc=" + info.id().value()),
            action.favIconUrl()));
    LOG.fine(
        () ->
            "event=wopi-host doc=" + info.id() + " user=" + user.id() + " action=" + action.name());
  }

  private void noteOpened(DocumentInfo info, User user) {
    if (host.catalog().isPresent()) {
      try {
        host.catalog().get().noteOpened(info.id(), user);
      } catch (HostUnavailableException e) {
        LOG.warning(() -> "event=wopi-host outcome=recent-not-noted doc=" + info.id());
      }
    }
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!settings.wopi().enabled()) {
      WopiHostPage.error(response, 404, "WOPI is not enabled on this connector.");
      return;
    }
    if (!isSameOrigin(request)) {
      WopiHostPage.error(response, 403, "The request did not come from this site.");
      return;
    }
    String type = Optional.ofNullable(request.getParameter("type")).orElse("").strip();
    String name = Optional.ofNullable(request.getParameter("title")).orElse("New document");
    try {
      Optional<User> actor = host.users().resolveActor(new ServletActorRequest(request));
      if (actor.isEmpty()) {
        WopiHostPage.error(response, 401, "Please sign in to the DMS first.");
        return;
      }
      WopiDiscovery d = discovery.current();
      if (!type.matches("[a-z0-9]{1,10}")
          || (d.action(type, "editnew").isEmpty() && d.action(type, "edit").isEmpty())) {
        WopiHostPage.error(response, 400, "The Document Server cannot create that type.");
        return;
      }
      String title =
          WopiFileNames.title(name, type)
              .orElse(WopiFileNames.title("New document", type).orElseThrow());
      DocumentInfo created = createEmpty(title, actor.get());
      response.sendRedirect("wopi-host?doc=" + created.id().value() + "&action=editnew");
    } catch (DiscoveryUnavailableException e) {
      WopiHostPage.error(response, 503, "The Document Server cannot be reached. Try again later.");
    } catch (InvalidNameException e) {
      WopiHostPage.error(response, 400, "The DMS does not accept that name.");
    } catch (HostException e) {
      WopiHostPage.error(response, 503, "The DMS is not available. Try again later.");
    }
  }

  private DocumentInfo createEmpty(String title, User actor) throws HostException {
    String attempt = title;
    for (int n = 2; ; n++) {
      try {
        return host.documents()
            .createDocument(
                new NewDocument(attempt, Optional.empty()),
                new ByteArrayInputStream(new byte[0]),
                actor);
      } catch (NameConflictException e) {
        if (n > 20) {
          throw e;
        }
        attempt = WopiFileNames.numbered(title, n).orElseThrow(() -> e);
      } catch (IOException e) {
        throw new HostUnavailableException("cannot create an empty document", e);
      }
    }
  }

  /** The connector's base URL as the browser reached it: scheme, authority and context path. */
  static URI hostBase(HttpServletRequest request) {
    URI page = URI.create(request.getRequestURL().toString());
    return URI.create(page.getScheme() + "://" + page.getRawAuthority() + request.getContextPath());
  }

  private static Optional<String> theme(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "light", "1" -> Optional.of("1");
      case "dark", "2" -> Optional.of("2");
      default -> Optional.empty();
    };
  }

  private static boolean isMobile(HttpServletRequest request) {
    String flag = request.getParameter("mobile");
    if (flag != null) {
      return flag.equals("1") || flag.equalsIgnoreCase("true");
    }
    String agent = request.getHeader("User-Agent");
    return agent != null && agent.matches(".*(Mobi|Android|iPhone|iPad).*");
  }

  /** A state-changing request must come from this site: Origin (or Referer) matches Host. */
  static boolean isSameOrigin(HttpServletRequest request) {
    return SameOrigin.check(request, Optional.empty(), false);
  }
}
