package org.officebridge.wopi;

/** The names of the WOPI HTTP headers the host reads and writes, in one place. */
public final class WopiHeaders {

  /** The operation of a POST ({@code LOCK}, {@code PUT}, {@code PUT_RELATIVE}, ...). */
  public static final String OVERRIDE = "X-WOPI-Override";

  /** The lock id, in requests and on every 409. */
  public static final String LOCK = "X-WOPI-Lock";

  /** The previous lock id of UnlockAndRelock. */
  public static final String OLD_LOCK = "X-WOPI-OldLock";

  /** Why a lock operation failed (for the client's logs). */
  public static final String LOCK_FAILURE_REASON = "X-WOPI-LockFailureReason";

  /** The file's version after GetFile, Lock, Unlock, RefreshLock and PutFile. */
  public static final String ITEM_VERSION = "X-WOPI-ItemVersion";

  /** GetFile: the largest file the client accepts. */
  public static final String MAX_EXPECTED_SIZE = "X-WOPI-MaxExpectedSize";

  /** PutFile: the user ids of everyone whose changes are in the file. */
  public static final String EDITORS = "X-WOPI-Editors";

  /** PutRelativeFile: a name or an extension the host may change (UTF-7). */
  public static final String SUGGESTED_TARGET = "X-WOPI-SuggestedTarget";

  /** PutRelativeFile: the exact name to create (UTF-7). */
  public static final String RELATIVE_TARGET = "X-WOPI-RelativeTarget";

  /** PutRelativeFile: whether an existing file of the relative target name may be replaced. */
  public static final String OVERWRITE_RELATIVE_TARGET = "X-WOPI-OverwriteRelativeTarget";

  /** PutRelativeFile: a name the host would accept instead (UTF-7), on 400 and 409. */
  public static final String VALID_RELATIVE_TARGET = "X-WOPI-ValidRelativeTarget";

  /** PutRelativeFile: the size of the new file. */
  public static final String SIZE = "X-WOPI-Size";

  /** PutRelativeFile: the request belongs to a binary-format conversion. */
  public static final String FILE_CONVERSION = "X-WOPI-FileConversion";

  /** RenameFile: the new name without extension (UTF-7). */
  public static final String REQUESTED_NAME = "X-WOPI-RequestedName";

  /** RenameFile: why the name was refused, on 400. */
  public static final String INVALID_FILE_NAME_ERROR = "X-WOPI-InvalidFileNameError";

  /** The proof signed with the client's current key. */
  public static final String PROOF = "X-WOPI-Proof";

  /** The proof signed with the client's previous key. */
  public static final String PROOF_OLD = "X-WOPI-ProofOld";

  /** When the proof was made, in .NET ticks. */
  public static final String TIMESTAMP = "X-WOPI-TimeStamp";

  /** PutFile (Collabora/ONLYOFFICE): the save happens because the session ends. */
  public static final String IS_EXIT_SAVE = "X-LOOL-WOPI-IsExitSave";

  /** PutFile (Collabora/ONLYOFFICE): the save was triggered by a timer, not by the user. */
  public static final String IS_AUTOSAVE = "X-LOOL-WOPI-IsAutosave";

  /** The {@code X-WOPI-Override} values. */
  public static final class Overrides {
    /** Lock, or UnlockAndRelock with {@link #OLD_LOCK}. */
    public static final String LOCK = "LOCK";

    /** GetLock. */
    public static final String GET_LOCK = "GET_LOCK";

    /** RefreshLock. */
    public static final String REFRESH_LOCK = "REFRESH_LOCK";

    /** Unlock. */
    public static final String UNLOCK = "UNLOCK";

    /** PutFile. */
    public static final String PUT = "PUT";

    /** PutRelativeFile. */
    public static final String PUT_RELATIVE = "PUT_RELATIVE";

    /** RenameFile. */
    public static final String RENAME_FILE = "RENAME_FILE";

    /** DeleteFile. */
    public static final String DELETE = "DELETE";

    /** PutUserInfo. */
    public static final String PUT_USER_INFO = "PUT_USER_INFO";

    private Overrides() {}
  }

  private WopiHeaders() {}
}
