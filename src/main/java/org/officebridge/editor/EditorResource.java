package org.officebridge.editor;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.officebridge.host.HostServices;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.HostException;
import org.officebridge.spi.Permission;

/**
 * The editor page's JSON endpoints, {@code api/editor/<doc>/...}: each answers one editor event by
 * asking the host. Every request is re-authorized (the acting user and their rights, asked anew),
 * must come from the connector's own origin and carry the page token ({@link EditorGuard}); bad
 * input gets a 4xx with a localized message and changes nothing.
 */
@Path("editor/{doc}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EditorResource {

  @Context HttpServletRequest request;
  @Inject EditorGuard guard;
  @Inject EditorService editors;
  @Inject EditorConfigAssembler assembler;
  @Inject EditorActions actions;
  @Inject EditorHistory history;
  @Inject EditorPickers pickers;
  @Inject EditorSharing sharing;
  @Inject EditorPeople people;
  @Inject HostServices host;

  private EditorActor actor(String doc) {
    return guard.endpoint(
        request, DocumentId.parse(doc).orElseThrow(() -> EditorException.badRequest("bad doc")));
  }

  private static Response json(Object value) {
    return Response.ok(EditorJson.write(value), MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * {@code onRequestRefreshFile}: a fresh signed config for the current version.
   *
   * @param doc the document
   * @param mode edit or view
   * @param type desktop, mobile or embedded
   * @return the config for {@code refreshFile}
   */
  @GET
  @Path("config")
  public Response config(
      @PathParam("doc") String doc,
      @QueryParam("mode") String mode,
      @QueryParam("type") String type) {
    EditorActor actor = actor(doc);
    EditorPage page =
        editors.load(
            actor,
            EditorRequestParameters.mode(mode),
            EditorRequestParameters.platform(type, null, null),
            Optional.empty(),
            guard.browserBase(request));
    return json(assembler.signedConfig(page));
  }

  /**
   * {@code onRequestEditRights}.
   *
   * @param doc the document
   * @return the URL of the editor in edit mode; 403 when the user may only view
   */
  @POST
  @Path("edit-rights")
  public Response editRights(@PathParam("doc") String doc) {
    return json(actions.editRights(actor(doc), guard.browserBase(request)));
  }

  /**
   * {@code onRequestRename}.
   *
   * @param doc the document
   * @param body {@code {title}}
   * @return the stored title
   */
  @POST
  @Path("rename")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response rename(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(
        actions.rename(actor, EditorEndpoints.string(EditorEndpoints.object(body), "title", 255)));
  }

  /**
   * {@code setFavorite} from the page's star and the editor's {@code onMetaChange}.
   *
   * @param doc the document
   * @param body {@code {favorite}}
   * @return the stored state
   */
  @POST
  @Path("favorite")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response favorite(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(
        actions.favorite(actor, EditorEndpoints.bool(EditorEndpoints.object(body), "favorite")));
  }

  /**
   * {@code onRequestSaveAs}.
   *
   * @param doc the document
   * @param body the event's data
   * @return the copy
   */
  @POST
  @Path("save-as")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response saveAs(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(actions.saveAs(actor, EditorEndpoints.object(body), guard.browserBase(request)));
  }

  /**
   * {@code onRequestSharingSettings}.
   *
   * @param doc the document
   * @return the sharing settings
   */
  @GET
  @Path("sharing")
  public Response sharing(@PathParam("doc") String doc) {
    return json(sharing.show(actor(doc)));
  }

  /**
   * Changes the sharing settings from the sharing dialog.
   *
   * @param doc the document
   * @param body {@code {entries}}
   * @return the stored sharing settings
   */
  @PUT
  @Path("sharing")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response changeSharing(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(sharing.change(actor, EditorEndpoints.object(body)));
  }

  /**
   * {@code onRequestHistory}.
   *
   * @param doc the document
   * @return the argument of {@code refreshHistory}
   */
  @GET
  @Path("history")
  public Response history(@PathParam("doc") String doc) {
    return json(history.list(actor(doc)));
  }

  /**
   * {@code onRequestHistoryData}.
   *
   * @param doc the document
   * @param version a version number
   * @return the signed argument of {@code setHistoryData}
   */
  @GET
  @Path("history/{version}")
  public Response historyData(@PathParam("doc") String doc, @PathParam("version") String version) {
    EditorActor actor = actor(doc);
    if (!version.matches("[1-9][0-9]{0,8}")) {
      throw EditorException.badRequest("version must be a positive number");
    }
    return json(history.data(actor, Integer.parseInt(version)));
  }

  /**
   * {@code onRequestRestore}.
   *
   * @param doc the document
   * @param body {@code {version}}
   * @return the new argument of {@code refreshHistory}
   */
  @POST
  @Path("restore")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response restore(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(
        history.restore(
            actor, EditorEndpoints.positiveInt(EditorEndpoints.object(body), "version")));
  }

  /**
   * The documents a picker offers.
   *
   * @param doc the document being edited
   * @param kind image, spreadsheet, recipients, document or revised
   * @return {@code {documents}}
   */
  @GET
  @Path("pick")
  public Response pickList(@PathParam("doc") String doc, @QueryParam("kind") String kind) {
    EditorActor actor = actor(doc);
    return json(pickers.list(actor, EditorPickers.Kind.parse(kind)));
  }

  /**
   * The signed argument for the picked document ({@code onRequestInsertImage}, {@code
   * onRequestSelectSpreadsheet}, {@code onRequestMailMergeRecipients}, {@code
   * onRequestSelectDocument}, {@code onRequestCompareFile}).
   *
   * @param doc the document being edited
   * @param body {@code {kind, source, c}}
   * @return the editor method's argument with its token
   */
  @POST
  @Path("pick")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response pick(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    Map<String, Object> m = EditorEndpoints.object(body);
    return json(
        pickers.answer(
            actor,
            EditorPickers.Kind.parse(EditorEndpoints.string(m, "kind", 20)),
            EditorEndpoints.string(m, "source", 200),
            EditorEndpoints.string(m, "c", 20)));
  }

  /**
   * {@code onRequestReferenceData}.
   *
   * @param doc the document being edited
   * @param body the event's data
   * @return the signed argument of {@code setReferenceData}
   */
  @POST
  @Path("reference-data")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response referenceData(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(pickers.referenceData(actor, EditorEndpoints.object(body)));
  }

  /**
   * {@code onRequestUsers}.
   *
   * @param doc the document
   * @param c mention, protect or info
   * @param ids for info: user ids
   * @return the argument of {@code setUsers}
   */
  @GET
  @Path("users")
  public Response users(
      @PathParam("doc") String doc, @QueryParam("c") String c, @QueryParam("id") List<String> ids) {
    EditorActor actor = actor(doc);
    return json(people.users(actor, c == null ? "mention" : c, ids == null ? List.of() : ids));
  }

  /**
   * {@code onRequestSendNotify}.
   *
   * @param doc the document
   * @param body the event's data
   * @return how many users were notified
   */
  @POST
  @Path("notify")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response notifyMentioned(@PathParam("doc") String doc, InputStream body) {
    EditorActor actor = actor(doc);
    return json(
        people.notifyMentioned(actor, EditorEndpoints.object(body), guard.browserBase(request)));
  }

  /**
   * The document's current content for the browser (the embedded viewer's download button), or,
   * with {@code format}, the stored document converted through the conversion API ("download as"
   * without opening the editor). A plain same-origin download: no page token, but the user's
   * download right.
   *
   * @param doc the document
   * @param format an extension to convert to, if any
   * @return the file as an attachment
   */
  @GET
  @Path("content")
  @Produces(MediaType.WILDCARD)
  public Response content(@PathParam("doc") String doc, @QueryParam("format") String format) {
    EditorActor actor =
        guard.actor(
            request,
            DocumentId.parse(doc).orElseThrow(() -> EditorException.badRequest("bad doc")));
    actor.require(Permission.DOWNLOAD);
    if (format != null && !format.isEmpty()) {
      EditorActions.Converted converted = actions.convertForDownload(actor, format);
      return attachment(converted.stream()::transferTo, converted.title(), -1, converted.stream());
    }
    Content content;
    try {
      content = host.documents().openContent(actor.id());
    } catch (HostException e) {
      throw EditorException.from(e);
    }
    return attachment(
        out -> content.stream().transferTo(out),
        content.info().title(),
        content.info().size(),
        content);
  }

  /** Writes the body and closes what it read from. */
  private interface Body {
    void writeTo(java.io.OutputStream out) throws java.io.IOException;
  }

  private static Response attachment(Body body, String title, long size, AutoCloseable source) {
    StreamingOutput output =
        out -> {
          try (source) {
            body.writeTo(out);
          } catch (java.io.IOException e) {
            throw e;
          } catch (Exception e) {
            throw new java.io.IOException(e);
          }
        };
    Response.ResponseBuilder r =
        Response.ok(output, "application/octet-stream")
            .header(
                "Content-Disposition",
                "attachment; filename*=UTF-8''" + org.officebridge.web.Escape.urlParam(title))
            .header("Cache-Control", "no-store")
            .header("X-Content-Type-Options", "nosniff");
    if (size >= 0) {
      r.header("Content-Length", size);
    }
    return r.build();
  }
}
