package dev.eventschema.processor.reading;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The errors found in the schema being read, each with its {@link ErrorId} and the most precise
 * position known: the element, the annotation on it, or one value of that annotation.
 *
 * <p>Errors are held until {@link #flush()}: a schema that is deferred to a later round (it refers
 * to a type that does not exist yet) drops them with {@link #discard()}, so that nothing is reported
 * twice, and nothing is reported for a type that another processor is about to generate.
 */
public final class Diagnostics {

  private record Report(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {}

  private final Messager messager;
  private final List<Report> pending = new ArrayList<>();
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, ErrorId id, String message) {
    error(element, null, null, id, message);
  }

  public void error(Element element, AnnotationMirror annotation, ErrorId id, String message) {
    error(element, annotation, null, id, message);
  }

  /** An error on one value of {@code annotation} ({@code annotation} and {@code value} may be null). */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, ErrorId id,
      String message) {
    errors++;
    pending.add(new Report(element, annotation, value, id.prefix() + message));
  }

  /** How many errors were found so far: a reader compares this before and after its work. */
  public int errorCount() {
    return errors;
  }

  /** Reports the held errors. */
  public void flush() {
    for (Report report : pending) {
      if (report.annotation() == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, report.message(), report.element());
      } else if (report.value() == null) {
        messager.printMessage(Diagnostic.Kind.ERROR, report.message(), report.element(), report.annotation());
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, report.message(), report.element(), report.annotation(),
            report.value());
      }
    }
    pending.clear();
  }

  /** Forgets the held errors: their schema will be read again in the next round. */
  public void discard() {
    errors -= pending.size();
    pending.clear();
  }
}
