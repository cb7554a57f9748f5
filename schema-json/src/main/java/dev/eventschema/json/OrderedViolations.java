package dev.eventschema.json;

import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.Arrays;
import java.util.List;

/**
 * The violations of one read, each with its place in the order that {@code parse(Map)} reports
 * them: {@link JsonInput}'s bookkeeping. Nothing is allocated until the first violation.
 */
abstract class OrderedViolations {

  private Violation[] found;
  private int[] order;
  /** How many violations were found. */
  int size;

  /** The outcome of the whole read: {@code value}, or every violation in {@code parse(Map)}'s order. */
  final <T> ParseResult<T> result(T value) {
    if (size == 0) {
      return new ParseResult.Valid<>(value);
    }
    sort(0);
    return new ParseResult.Invalid<>(Arrays.asList(found).subList(0, size)); // Invalid keeps a copy
  }

  /** Whether a violation of order {@code violationOrder} was found at or after {@code start}. */
  final boolean foundSince(int start, int violationOrder) {
    for (int i = start; i < size; i++) {
      if (order[i] == violationOrder) {
        return true;
      }
    }
    return false;
  }

  /** Puts a nested object's violations (from {@code start} on) in order, under {@code prefix}, as one field's. */
  final void nest(int start, int fieldOrder, String prefix) {
    sort(start);
    for (int i = start; i < size; i++) {
      found[i] = found[i].under(prefix);
      order[i] = fieldOrder;
    }
  }

  /** Reports a key seen twice in one object, at {@code path}: {@code invalid_value}, so the set of codes stays closed. */
  final void duplicate(int violationOrder, String path, String key) {
    add(violationOrder, new Violation(path, Code.INVALID_VALUE, "duplicate key '" + key + "'; a key may appear only once"));
  }

  final void addAll(int violationOrder, List<Violation> violations) {
    if (violations == null) {
      return;
    }
    for (Violation violation : violations) {
      add(violationOrder, violation);
    }
  }

  final void add(int violationOrder, Violation violation) {
    if (found == null) {
      found = new Violation[4];
      order = new int[4];
    } else if (size == found.length) {
      found = Arrays.copyOf(found, size * 2);
      order = Arrays.copyOf(order, size * 2);
    }
    found[size] = violation;
    order[size] = violationOrder;
    size++;
  }

  /** A stable insertion sort by order: violation lists are short, and sorted only when a read failed. */
  private void sort(int start) {
    for (int i = start + 1; i < size; i++) {
      Violation violation = found[i];
      int key = order[i];
      int j = i - 1;
      while (j >= start && order[j] > key) {
        found[j + 1] = found[j];
        order[j + 1] = order[j];
        j--;
      }
      found[j + 1] = violation;
      order[j + 1] = key;
    }
  }
}
