package dev.eventschema.engine.backend.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

  @Test
  void readsLinesEndedByNewlineOrCrLf_andTheLastOneWithoutEither() throws IOException {
    BoundedLineReader reader = new BoundedLineReader(new StringReader("one\r\ntwo\n\nthree"), 100);

    assertThat(reader.readLine()).isEqualTo(new BoundedLineReader.Line("one", false));
    assertThat(reader.readLine()).isEqualTo(new BoundedLineReader.Line("two", false));
    assertThat(reader.readLine()).isEqualTo(new BoundedLineReader.Line("", false));
    assertThat(reader.readLine()).isEqualTo(new BoundedLineReader.Line("three", false));
    assertThat(reader.readLine()).isNull();
    assertThat(reader.readLine()).isNull();
  }

  @Test
  void cutsALineLongerThanTheLimit_andReadsOnFromTheNextLine() throws IOException {
    String huge = "x".repeat(50_000);
    BoundedLineReader reader = new BoundedLineReader(new StringReader(huge + "\nafter\n"), 1024);

    BoundedLineReader.Line first = reader.readLine();
    assertThat(first.tooLong()).isTrue();
    assertThat(first.text()).hasSize(1024);
    assertThat(reader.readLine()).isEqualTo(new BoundedLineReader.Line("after", false));
  }
}
