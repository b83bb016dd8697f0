package org.officebridge.documentserver;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the WOPI discovery parser with arbitrary documents: it returns what the document publishes
 * or throws {@link IOException}, and never follows a DTD or an external entity (the parser refuses
 * DOCTYPE outright; the seeds include XXE and billion-laughs documents).
 */
class WopiDiscoveryFuzzTest {

  @FuzzTest(maxDuration = "10s")
  void anyDocumentIsReadOrRefused(byte[] xml) {
    try {
      WopiDiscovery discovery = WopiDiscoveryParser.parse(new ByteArrayInputStream(xml));
      if (discovery == null) {
        throw new AssertionError("no discovery and no exception");
      }
    } catch (IOException e) {
      // not a discovery document
    }
  }
}
