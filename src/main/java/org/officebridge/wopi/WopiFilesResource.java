package org.officebridge.wopi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.officebridge.host.HostServices;
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

  /**
   * Looked up once: {@code Json.create...} looks the provider up through the class loader's service
   * files on every call, which serialises request threads on the loader's jar locks.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject WopiGate gate;
  @Inject CheckFileInfoAssembler checkFileInfo;
  @Inject WopiContents contents;
  @Inject WopiLocks locks;
  @Inject WopiRelativeFiles relativeFiles;
  @Inject WopiFileChanges changes;
  @Inject HostServices host;

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
   * @param maxExpectedSize {@code X-WOPI-MaxExpectedSize}
   * @param request the request
   * @return the content, streamed, with {@code X-WOPI-ItemVersion}
   * @throws HostException when the DMS fails
   */
  @GET
  @Path("{id}/contents")
  public Response getFile(
      @PathParam("id") String id,
      @HeaderParam(WopiHeaders.MAX_EXPECTED_SIZE) String maxExpectedSize,
      @Context HttpServletRequest request)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    Content content = contents.open(call, Optional.ofNullable(maxExpectedSize));
    AtomicReference<Content> unsent = UnsentContent.hold(request, content);
    StreamingOutput body =
        out -> {
          try (Content c = unsent.getAndSet(null)) {
            if (c == null) {
              throw new IOException("the content was closed before its body was written");
            }
            copy(c.stream(), out);
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
   * @param override {@code X-WOPI-Override}, which must be PUT
   * @param request the request
   * @param body the new content
   * @return 200 with {@code X-WOPI-ItemVersion}
   * @throws HostException when the DMS fails
   */
  @POST
  @Path("{id}/contents")
  public Response putFile(
      @PathParam("id") String id,
      @HeaderParam(WopiHeaders.OVERRIDE) String override,
      @Context HttpServletRequest request,
      InputStream body)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    if (!Overrides.PUT.equals(upper(override))) {
      throw override == null
          ? WopiException.badRequest("X-WOPI-Override is missing")
          : WopiException.notImplemented("unknown operation on contents");
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
            body);
    return json(Map.of("LastModifiedTime", CheckFileInfoAssembler.roundTrip(stored)))
        .header(WopiHeaders.ITEM_VERSION, stored.version())
        .build();
  }

  /**
   * The POST operations on a file, chosen by {@code X-WOPI-Override}.
   *
   * @param id the file id
   * @param override the operation
   * @param request the request
   * @param body the body (PutRelativeFile, PutUserInfo)
   * @return the operation's answer
   * @throws HostException when the DMS fails
   */
  @POST
  @Path("{id}")
  public Response post(
      @PathParam("id") String id,
      @HeaderParam(WopiHeaders.OVERRIDE) String override,
      @Context HttpServletRequest request,
      InputStream body)
      throws HostException {
    WopiCall call = gate.admit(id, request);
    String op = upper(override);
    if (op == null) {
      throw WopiException.badRequest("X-WOPI-Override is missing");
    }
    Optional<String> lock = header(request, WopiHeaders.LOCK);
    switch (op) {
      case Overrides.LOCK -> {
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
                isTrue(header(request, WopiHeaders.OVERWRITE_RELATIVE_TARGET)),
                isTrue(header(request, WopiHeaders.FILE_CONVERSION)),
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
    JsonObjectBuilder o = JSON.createObjectBuilder();
    properties.forEach(
        (k, v) -> {
          if (v instanceof Boolean b) {
            o.add(k, b);
          } else if (v instanceof Long l) {
            o.add(k, l);
          } else if (v instanceof Integer i) {
            o.add(k, i);
          } else {
            o.add(k, String.valueOf(v));
          }
        });
    return Response.ok(o.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
        .header("Cache-Control", "no-store");
  }

  private static Optional<String> header(HttpServletRequest request, String name) {
    return Optional.ofNullable(request.getHeader(name));
  }

  private static String upper(String value) {
    return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
  }

  private static boolean isTrue(Optional<String> value) {
    return value.map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
  }

  private static long declaredSize(HttpServletRequest request) {
    try {
      return header(request, WopiHeaders.SIZE)
          .map(s -> Long.parseLong(s.strip()))
          .orElse(request.getContentLengthLong());
    } catch (NumberFormatException e) {
      throw WopiException.badRequest("X-WOPI-Size is not a number");
    }
  }

  private static void copy(InputStream in, OutputStream out) throws java.io.IOException {
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, n);
    }
  }
}
