package org.officebridge.config;

/** How WOPI proof keys are checked. */
public enum ProofKeyMode {
  /** Every WOPI request must carry a valid proof. */
  REQUIRED("required"),
  /** A proof that is sent must be valid; requests without proof headers are accepted. */
  IF_PRESENT("if-present"),
  /** Proofs are not checked (rely on the address allow-list and access tokens). */
  OFF("off");

  private final String text;

  ProofKeyMode(String text) {
    this.text = text;
  }

  /**
   * @return the value as written in settings
   */
  public String text() {
    return text;
  }
}
