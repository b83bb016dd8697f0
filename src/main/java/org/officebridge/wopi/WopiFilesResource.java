package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.officebridge.host.HostServices;
import org.officebridge.platform.JsonText;
import org.officebridge.platform.Metrics;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.HostException;
import org.officebridge.wopi.WopiHeaders.Overrides;

/**
 * The WOPI files endpoint, {@code /wopi/files/{id}}: thin routes that admit each request through
 * {@link WopiGate} and hand it to the protocol code. Operations this host does not offer answer
 * 501. One instance serves every request (it keeps no request state): CheckFileInfo is the call the
 * WOPI client makes most, and a request-scoped resource was created and injected anew for each.
 */
@Path("files")
@ApplicationScoped
public class WopiFilesResource {

  private static final int BUFFER = 64 * 1024;

  @Inject WopiGate gate;
  @Inject CheckFileInfoAssembler checkFileInfo;
  @Inject WopiContents contents;
  @Inject WopiLocks locks;
  @Inject WopiRelativeFiles relativeFiles;
  @Inject WopiFileChanges changes;
  @Inject HostServices host;
  @Inject Metrics metrics;

  /**
   * CheckFileInfo.
   *
   * @param id the file id
   * @param request the request
   * @return the file's properties
   * @throws HostException when the DMS fails
   */
  @GET
  @Path("{id}")
  public Response checkFileInfo(@PathParam("id") String id, @Context HttpServletRequest request)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    DocumentInfo info = host.documents().describe(call.document());
    return json(checkFileInfo.assemble(call, info)).build();
  }

  /**
   * GetFile.
   *
   * @param id the file id
   * @param request the request (with {@code X-WOPI-MaxExpectedSize})
   * @return the content, streamed, with {@code X-WOPI-ItemVersion}
   * @throws HostException when the DMS fails
   */
  @GET
  @Path("{id}/contents")
  public Response getFile(@PathParam("id") String id, @Context HttpServletRequest request)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    Content content =
        contents.open(
            call,
            WopiHeaderValues.size(
                header(request, WopiHeaders.MAX_EXPECTED_SIZE), WopiHeaders.MAX_EXPECTED_SIZE));
    AtomicReference<Content> unsent = UnsentContent.hold(request, content);
    StreamingOutput body =
        out -> {
          try (Content c = unsent.getAndSet(null)) {
            if (c == null) {
              throw new IOException("the content was closed before its body was written");
            }
            copy(c.stream(), metrics.counting(out, "wopi-getfile"));
          }
        };
    return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header(WopiHeaders.ITEM_VERSION, content.info().version())
        .header("Content-Length", content.info().size())
        .header("Cache-Control", "no-store")
        .build();
  }

  /**
   * PutFile.
   *
   * @param id the file id
   * @param request the request ({@code X-WOPI-Override} must be PUT)
   * @param body the new content
   * @return 200 with {@code X-WOPI-ItemVersion}
   * @throws HostException when the DMS fails
   */
  @POST
  @Path("{id}/contents")
  public Response putFile(
      @PathParam("id") String id, @Context HttpServletRequest request, InputStream body)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    if (!Overrides.PUT.equals(operation(request))) {
      throw WopiException.notImplemented("unknown operation on contents");
    }
    DocumentInfo stored =
        contents.store(
            call,
            new WopiContents.PutFileRequest(
                header(request, WopiHeaders.LOCK),
                header(request, WopiHeaders.EDITORS),
                header(request, WopiHeaders.IS_EXIT_SAVE),
                header(request, WopiHeaders.IS_AUTOSAVE),
                request.getContentLengthLong()),
            metrics.counting(body, "wopi-putfile"));
    return json(Map.of("LastModifiedTime", CheckFileInfoAssembler.roundTrip(stored)))
        .header(WopiHeaders.ITEM_VERSION, stored.version())
        .build();
  }

  /**
   * The POST operations on a file, chosen by {@code X-WOPI-Override}.
   *
   * @param id the file id
   * @param request the request ({@code X-WOPI-Override} names the operation)
   * @param body the body (PutRelativeFile, PutUserInfo)
   * @return the operation's answer
   * @throws HostException when the DMS fails
   */
  @POST
  @Path("{id}")
  public Response post(
      @PathParam("id") String id, @Context HttpServletRequest request, InputStream body)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    String op = operation(request);
    Optional<String> lock = header(request, WopiHeaders.LOCK);
    switch (op) {
      case Overrides.LOCK -> {
        if (!CheckFileInfoAssembler.canModify(call)) {
          throw WopiException.unauthorized("the file is read-only for this user: no Lock");
        }
        String newLock = WopiLocks.requireValidLockId(lock.orElse(null));
        Optional<String> oldLock = header(request, WopiHeaders.OLD_LOCK);
        DocumentInfo info = host.documents().describe(call.document());
        if (oldLock.isPresent()) {
          locks.unlockAndRelock(call, WopiLocks.requireValidLockId(oldLock.get()), newLock);
        } else {
          locks.lock(call, newLock, info.version());
        }
        return withVersion(info);
      }
      case Overrides.REFRESH_LOCK -> {
        locks.refresh(call, WopiLocks.requireValidLockId(lock.orElse(null)));
        return withVersion(host.documents().describe(call.document()));
      }
      case Overrides.UNLOCK -> {
        locks.unlock(call, WopiLocks.requireValidLockId(lock.orElse(null)));
        return withVersion(host.documents().describe(call.document()));
      }
      case Overrides.GET_LOCK -> {
        return Response.ok()
            .header(WopiHeaders.LOCK, locks.currentLock(call.document()))
            .header("Cache-Control", "no-store")
            .build();
      }
      case Overrides.PUT_RELATIVE -> {
        WopiRelativeFiles.Request r =
            new WopiRelativeFiles.Request(
                header(request, WopiHeaders.SUGGESTED_TARGET),
                header(request, WopiHeaders.RELATIVE_TARGET),
                WopiHeaderValues.isTrue(header(request, WopiHeaders.OVERWRITE_RELATIVE_TARGET)),
                WopiHeaderValues.isTrue(header(request, WopiHeaders.FILE_CONVERSION)),
                declaredSize(request));
        return json(relativeFiles.create(call, r, body)).build();
      }
      case Overrides.RENAME_FILE -> {
        String name = changes.rename(call, header(request, WopiHeaders.REQUESTED_NAME), lock);
        return json(Map.of("Name", name)).build();
      }
      case Overrides.DELETE -> {
        changes.delete(call);
        return Response.ok().build();
      }
      case Overrides.PUT_USER_INFO -> {
        changes.putUserInfo(call, body);
        return Response.ok().build();
      }
      default -> throw WopiException.notImplemented("operation not supported by this host");
    }
  }

  private static Response withVersion(DocumentInfo info) {
    return Response.ok()
        .header(WopiHeaders.ITEM_VERSION, info.version())
        .header("Cache-Control", "no-store")
        .build();
  }

  private static Response.ResponseBuilder json(Map<String, Object> properties) {
    Map<String, Object> values = new LinkedHashMap<>();
    properties.forEach(
        (k, v) ->
            values.put(
                k, v instanceof Boolean || v instanceof Long || v instanceof Integer ? v : "" + v));
    return Response.ok(JsonText.write(values), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store");
  }

  /** A header's one value: a WOPI header sent twice is ambiguous and refused with 400. */
  private static Optional<String> header(HttpServletRequest request, String name) {
    return WopiHeaderValues.single(request, name);
  }

  private static String operation(HttpServletRequest request) {
    return WopiHeaderValues.operation(header(request, WopiHeaders.OVERRIDE));
  }

  private static long declaredSize(HttpServletRequest request) {
    return WopiHeaderValues.size(header(request, WopiHeaders.SIZE), WopiHeaders.SIZE)
        .orElse(request.getContentLengthLong());
  }

  private static void copy(InputStream in, OutputStream out) throws java.io.IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
