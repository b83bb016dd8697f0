package org.officebridge.standin.wopi;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.standin.formats.DocumentType;
import org.officebridge.standin.formats.Format;
import org.officebridge.standin.formats.FormatTable;
import org.officebridge.standin.office.DocumentWriter;

/**
 * Builds {@code /hosting/discovery} as the DS does (digest §9): one {@code app} per document type
 * with {@code view}, {@code embedview} and {@code mobileView} for every extension; {@code edit}
 * (default), {@code mobileEdit} and {@code editnew} for editable ones; {@code formsubmit} for pdf;
 * {@code convert} with {@code targetext} for view-only word/cell/slide formats; urlsrc with
 * Microsoft placeholders; the {@code proof-key} element when proofs are on.
 */
public final class DiscoveryXml {

  /** The placeholders the DS appends to every urlsrc. */
  static final String PLACEHOLDERS =
      "<rs=DC_LLCC&><dchat=DISABLE_CHAT&><embed=EMBEDDED&><fs=FULLSCREEN&><hid=HOST_SESSION_ID&>"
          + "<rec=RECORDING&><sc=SESSION_CONTEXT&><thm=THEME_ID&><ui=UI_LLCC&>"
          + "<wopisrc=WOPI_SOURCE&>&";

  private final FormatTable formats;

  /**
   * @param formats the format table
   */
  public DiscoveryXml(FormatTable formats) {
    this.formats = formats;
  }

  private record Action(
      String name, String ext, boolean isDefault, String requires, String url, String targetExt) {}

  /**
   * @param base the stand-in's base URL
   * @param proofKey the proof-key attributes, or null when proofs are off
   * @return the discovery document
   */
  public String render(URI base, Map<String, String> proofKey) {
    Map<DocumentType, List<Action>> apps = new LinkedHashMap<>();
    for (DocumentType t : DocumentType.values()) {
      apps.put(t, new ArrayList<>());
    }
    for (Format f : formats.all()) {
      if (f.type().isEmpty()) {
        continue;
      }
      actions(base, f, apps.get(f.type().get()));
    }
    StringBuilder x =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<wopi-discovery>\n");
    x.append("  <net-zone name=\"external-http\">\n");
    apps.forEach(
        (type, actions) -> {
          x.append("    <app name=\"")
              .append(type.wopiApp())
              .append("\" favIconUrl=\"")
              .append(
                  attr(
                      base
                          + "/web-apps/apps/"
                          + editorOf(type)
                          + "/main/resources/img/favicon.ico"))
              .append("\">\n");
          for (Action a : actions) {
            x.append("      <action name=\"")
                .append(a.name())
                .append("\" ext=\"")
                .append(a.ext())
                .append('"');
            if (a.isDefault()) {
              x.append(" default=\"true\"");
            }
            if (a.requires() != null) {
              x.append(" requires=\"").append(a.requires()).append('"');
            }
            if (a.targetExt() != null) {
              x.append(" targetext=\"").append(a.targetExt()).append('"');
            }
            x.append(" urlsrc=\"").append(attr(a.url())).append("\"/>\n");
          }
          x.append("    </app>\n");
        });
    x.append("    <app name=\"Capabilities\">\n      <action name=\"getinfo\" ext=\"\" urlsrc=\"")
        .append(attr(base + "/hosting/capabilities"))
        .append("\"/>\n    </app>\n  </net-zone>\n");
    if (proofKey != null) {
      x.append("  <proof-key");
      proofKey.forEach((k, v) -> x.append(' ').append(k).append("=\"").append(attr(v)).append('"'));
      x.append("/>\n");
    }
    return x.append("</wopi-discovery>\n").toString();
  }

  private static String editorOf(DocumentType t) {
    return switch (t) {
      case WORD -> "documenteditor";
      case CELL -> "spreadsheeteditor";
      case SLIDE -> "presentationeditor";
      case PDF -> "pdfeditor";
      case DIAGRAM -> "visioeditor";
    };
  }

  private static void actions(URI base, Format f, List<Action> out) {
    DocumentType type = f.type().orElseThrow();
    String app = base + "/hosting/wopi/" + type.code() + "/";
    boolean editable = f.editable();
    String ext = f.ext();
    out.add(new Action("view", ext, !editable, null, url(app + "view", ""), null));
    out.add(new Action("embedview", ext, false, null, url(app + "view", "embed=1"), null));
    out.add(new Action("mobileView", ext, false, null, url(app + "view", "mobile=1"), null));
    if (editable) {
      out.add(new Action("edit", ext, true, "locks,update", url(app + "edit", ""), null));
      out.add(
          new Action(
              "mobileEdit", ext, false, "locks,update", url(app + "edit", "mobile=1"), null));
      if (DocumentWriter.canWrite(ext)) {
        out.add(new Action("editnew", ext, false, "locks,update", url(app + "edit", ""), null));
      }
    }
    if (ext.equals("pdf")) {
      out.add(
          new Action(
              "formsubmit", ext, false, "locks,update", url(app + "edit", "formsubmit=1"), null));
    }
    if (f.convertibleForEditing()) {
      String target = type.ooxml();
      out.add(
          new Action(
              "convert",
              ext,
              false,
              "update",
              url(base + "/hosting/wopi/convert-and-edit/" + ext + "/" + target, ""),
              target));
    }
  }

  private static String url(String path, String fixed) {
    return path + "?" + fixed + "&" + PLACEHOLDERS;
  }

  private static String attr(String s) {
    return OfficeDocuments.escapeXml(s);
  }
}
