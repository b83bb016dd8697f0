package org.officebridge.demo;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.officebridge.formats.OfficeDocuments;
import org.officebridge.spi.Content;
import org.officebridge.spi.DocumentId;
import org.officebridge.spi.DocumentInfo;
import org.officebridge.spi.DocumentNotFoundException;
import org.officebridge.spi.Template;
import org.officebridge.spi.TemplateCatalog;
import org.officebridge.spi.User;

/** The demo's templates for "Create new", generated from text like the samples. */
@ApplicationScoped
public class DemoTemplates implements TemplateCatalog {

  private record Entry(Template template, List<String> lines) {}

  private static final List<Entry> TEMPLATES =
      List.of(
          new Entry(
              new Template("letter", "Letter", "docx", Optional.empty()),
              List.of("Sender", "Recipient", "Dear ...,", "", "Kind regards")),
          new Entry(
              new Template("minutes", "Meeting minutes", "docx", Optional.empty()),
              List.of("Meeting minutes", "Date:", "Present:", "Decisions:")),
          new Entry(
              new Template("invoice", "Invoice", "xlsx", Optional.empty()),
              List.of("Item\tQuantity\tPrice", "\t\t")),
          new Entry(
              new Template("pitch", "Pitch", "pptx", Optional.empty()),
              List.of("Our idea", "The problem", "The solution")));

  @Override
  public List<Template> templates(String fileType, User user) {
    return TEMPLATES.stream()
        .map(Entry::template)
        .filter(t -> t.fileType().equals(fileType))
        .toList();
  }

  @Override
  public Content openTemplate(String templateId, User user) throws DocumentNotFoundException {
    Entry e =
        TEMPLATES.stream()
            .filter(t -> t.template().id().equals(templateId))
            .findFirst()
            .orElseThrow(() -> new DocumentNotFoundException("no template " + templateId));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      OfficeDocuments.write(e.template().fileType(), e.lines(), out);
    } catch (IOException x) {
      throw new DocumentNotFoundException("template " + templateId + " cannot be made", x);
    }
    byte[] bytes = out.toByteArray();
    DocumentInfo info =
        new DocumentInfo(
            new DocumentId("template-" + templateId),
            e.template().title() + "." + e.template().fileType(),
            bytes.length,
            "1",
            Instant.EPOCH,
            DemoUsers.Role.OWNER.user().id(),
            Optional.empty());
    return new Content(info, new ByteArrayInputStream(bytes));
  }
}
