package dev.eventschema.engine.backend.external;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of at most {@code maxChars} characters. {@link java.io.BufferedReader#readLine()}
 * would buffer a runaway line (a runtime printing a huge blob without a newline) until memory ran
 * out; here the excess is skipped and the line is marked as too long.
 */
final class BoundedLineReader {

  /**
   * One line.
   *
   * @param text the line without its terminator; only its first {@code maxChars} characters if it
   *     was longer
   * @param tooLong whether the line was longer than {@code maxChars}
   */
  record Line(String text, boolean tooLong) {}

  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;

  BoundedLineReader(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /** The next line, or null at the end of the stream. A {@code \r} before the {@code \n} is dropped. */
  Line readLine() throws IOException {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return line.isEmpty() && !tooLong ? null : finish(line, tooLong);
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int room = maxChars - line.length();
      int count = position - start;
      if (count > room) {
        line.append(buffer, start, room);
        tooLong = true;
      } else {
        line.append(buffer, start, count);
      }
      if (position < limit) { // at the '\n'
        position++;
        return finish(line, tooLong);
      }
    }
  }

  private static Line finish(StringBuilder line, boolean tooLong) {
    int end = line.length();
    if (!tooLong && end > 0 && line.charAt(end - 1) == '\r') {
      end--;
    }
    return new Line(line.substring(0, end), tooLong);
  }
}
