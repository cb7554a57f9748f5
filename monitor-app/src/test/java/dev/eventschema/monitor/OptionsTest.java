package dev.eventschema.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void noArgumentsMeansTheEmbeddedDemo() {
    Options o = Options.parse(List.of());
    assertThat(o.connect()).isEmpty();
    assertThat(o.demoFaultRate()).isEqualTo(0.02);
    assertThat(o.bufferCapacity()).isEqualTo(20_000);
  }

  @Test
  void connectWithTokensToSeveralEngines() {
    Options o = Options.parse(List.of("--connect", "http://127.0.0.1:8765/", "--token", "s3cret",
        "--connect", "127.0.0.1:9000", "--buffer", "5000"));
    assertThat(o.connect()).containsExactly(
        new Options.Target(URI.create("http://127.0.0.1:8765/"), "s3cret"),
        new Options.Target(URI.create("http://127.0.0.1:9000"), null));
    assertThat(o.bufferCapacity()).isEqualTo(5000);
  }

  @Test
  void explainsWhatIsWrong() {
    assertThatThrownBy(() -> Options.parse(List.of("--connect"))).hasMessage("--connect needs a value");
    assertThatThrownBy(() -> Options.parse(List.of("--token", "x")))
        .hasMessage("--token must follow the --connect URL it belongs to");
    assertThatThrownBy(() -> Options.parse(List.of("--connect", "ftp://host:1/")))
        .hasMessageContaining("must start with http:// or https://");
    assertThatThrownBy(() -> Options.parse(List.of("--connect", "http://localhost/")))
        .hasMessageContaining("Add the engine's port");
    assertThatThrownBy(() -> Options.parse(List.of("--buffer", "lots"))).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Options.parse(List.of("--fault-rate", "2"))).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Options.parse(List.of("--verbose"))).hasMessage("unknown argument '--verbose'");
  }
}
