package dev.eventschema.engine.api.http;

import dev.eventschema.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with one request, gathered before answering so that the client learns all of
 * it at once: the first {@value #MAX_LISTED} in the message, then how many more.
 */
public final class Problems {

  /** How many problems a message lists before "and N more". */
  public static final int MAX_LISTED = 20;

  private record Problem(String param, String code, String message) {}

  private final List<Problem> problems = new ArrayList<>();

  /** A problem with the field {@code param} (dotted form, such as {@code messages[0].role}). */
  public void add(String param, String code, String message) {
    problems.add(new Problem(param, code, message));
  }

  /** The violations of a generated validator, their JSON Pointer paths turned into OpenAI's form. */
  public void addAll(List<Violation> violations) {
    for (Violation violation : violations) {
      add(param(violation.path()), violation.code().wireName(), violation.message());
    }
  }

  public boolean isEmpty() {
    return problems.isEmpty();
  }

  /** Throws a 400 listing every problem (capped), whose {@code param} and {@code code} are the first's. */
  public void throwIfAny() {
    if (problems.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder();
    int listed = Math.min(problems.size(), MAX_LISTED);
    for (int i = 0; i < listed; i++) {
      Problem problem = problems.get(i);
      if (i > 0) {
        message.append("; ");
      }
      message.append(problem.param() == null || problem.param().isEmpty() ? "(body)" : problem.param())
          .append(": ").append(problem.message());
    }
    if (problems.size() > listed) {
      message.append("; and ").append(problems.size() - listed).append(" more");
    }
    Problem first = problems.get(0);
    throw ApiError.invalidRequest(first.param(), first.code(), message.toString());
  }

  /** {@code /messages/0/role} becomes {@code messages[0].role}; the root becomes null. */
  static String param(String pointer) {
    if (pointer == null || pointer.isEmpty()) {
      return null;
    }
    StringBuilder param = new StringBuilder();
    for (String segment : pointer.substring(1).split("/", -1)) {
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (!name.isEmpty() && name.chars().allMatch(Character::isDigit) && param.length() > 0) {
        param.append('[').append(name).append(']');
      } else {
        if (param.length() > 0) {
          param.append('.');
        }
        param.append(name);
      }
    }
    return param.toString();
  }
}
