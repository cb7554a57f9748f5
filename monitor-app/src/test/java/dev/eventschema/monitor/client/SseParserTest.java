package dev.eventschema.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

  private final List<SseFrame> frames = new ArrayList<>();
  private final List<Long> retries = new ArrayList<>();
  private final SseParser parser = new SseParser(frames::add, retries::add);

  private void feed(String... lines) {
    for (String line : lines) {
      parser.line(line);
    }
  }

  @Test
  void dispatchesAFrameAtTheBlankLine() {
    feed("event: event", "id: 7", "data: {\"a\":1}");
    assertThat(frames).isEmpty();
    feed("");
    assertThat(frames).containsExactly(new SseFrame("event", "7", "{\"a\":1}"));
  }

  @Test
  void joinsDataLinesAndDefaultsTheEventName() {
    feed("data: one", "data:two", "data", "");
    assertThat(frames).containsExactly(new SseFrame("message", null, "one\ntwo\n"));
  }

  @Test
  void countsCommentsAndReadsRetry() {
    feed(": heartbeat", ": connected", "retry: 1000", "retry: soon", "");
    assertThat(parser.comments()).isEqualTo(2);
    assertThat(retries).containsExactly(1000L);
    assertThat(frames).isEmpty(); // no data, nothing dispatched
  }

  @Test
  void fieldsDoNotLeakIntoTheNextFrame() {
    feed("event: rejection", "id: 1", "data: x", "", "data: y", "");
    assertThat(frames).containsExactly(new SseFrame("rejection", "1", "x"), new SseFrame("message", null, "y"));
  }

  @Test
  void ignoresUnknownFieldsAndResetForgetsAPartialFrame() {
    feed("foo: bar", "data: partial");
    parser.reset();
    feed("data: whole", "");
    assertThat(frames).containsExactly(new SseFrame("message", null, "whole"));
  }
}
