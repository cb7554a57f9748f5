package dev.eventschema.processor.reading;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports misuse as compile errors, on the element (and annotation) at fault, and counts them. */
public final class Diagnostics {

  private final Messager messager;
  private int errors;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  public void error(Element element, AnnotationMirror annotation, String message) {
    errors++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
  }

  /** How many errors were reported so far: a reader compares this before and after its work. */
  public int errorCount() {
    return errors;
  }
}
