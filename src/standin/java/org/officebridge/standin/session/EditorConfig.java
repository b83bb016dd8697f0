package org.officebridge.standin.session;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.officebridge.standin.formats.DocumentType;

/**
 * An editor config after verification: the values the session acts on.
 *
 * @param key {@code document.key}
 * @param url {@code document.url}
 * @param fileType {@code document.fileType}
 * @param documentType {@code documentType} (given or inferred)
 * @param title {@code document.title}
 * @param mode the effective mode (view when editing is impossible or not permitted)
 * @param scope what an edit connection may change (review, comment or form filling only when {@code
 *     permissions.edit} is false); {@link EditScope#FULL} in view mode
 * @param callbackUrl {@code editorConfig.callbackUrl}
 * @param user {@code editorConfig.user}
 * @param forcesaveButton {@code editorConfig.customization.forcesave}
 * @param permissions {@code document.permissions}
 * @param merged the whole config as the session sees it (token values applied)
 */
public record EditorConfig(
    String key,
    URI url,
    String fileType,
    DocumentType documentType,
    String title,
    EditorMode mode,
    EditScope scope,
    Optional<URI> callbackUrl,
    EditorUser user,
    boolean forcesaveButton,
    Map<String, Object> permissions,
    Map<String, Object> merged) {}
