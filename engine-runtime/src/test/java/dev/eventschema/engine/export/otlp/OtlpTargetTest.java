package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.config.OtlpSettingsBuilder;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The collector's URLs under the endpoint, and what the config schema could not refuse, refused at start. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OtlpTargetTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "http://127.0.0.1:4318, http://127.0.0.1:4318/v1/logs, http://127.0.0.1:4318/v1/metrics",
      "http://127.0.0.1:4318/, http://127.0.0.1:4318/v1/logs, http://127.0.0.1:4318/v1/metrics",
      "https://collector.example/otlp//, https://collector.example/otlp/v1/logs, https://collector.example/otlp/v1/metrics",
      "http://[::1]:4318, http://[::1]:4318/v1/logs, http://[::1]:4318/v1/metrics"})
  void theSignalsGoToTheirPathsUnderTheEndpoint(String endpoint, String logs, String metrics) {
    OtlpTarget target = OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint(endpoint).build());

    assertThat(target.logs()).isEqualTo(URI.create(logs));
    assertThat(target.metrics()).isEqualTo(URI.create(metrics));
  }

  @Test
  void anEndpointThatIsNoUrlOrHasNoHostIsAConfigErrorNamingTheSettingAndValue() {
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http://[::1:4318").build()))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("otlp.endpoint must be a URL, was 'http://[::1:4318'")
        .satisfies(e -> assertThat(((EngineException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http:///v1").build()))
        .hasMessage("otlp.endpoint must name a host, such as http://127.0.0.1:4318, was 'http:///v1'");
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http://c:4318/?a=b").build()))
        .hasMessageStartingWith("otlp.endpoint is a base URL without query or fragment");
  }

  @Test
  void aHeaderTheClientSetsItselfIsRefusedByName_andItsValueIsNotShown() {
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http://c:4318")
        .headers(Map.of("Content-Length", "s3cret")).build()))
        .isInstanceOf(EngineException.class)
        .hasMessage("otlp.headers must not set 'Content-Length': the exporter sets it itself")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http://c:4318")
        .headers(Map.of("api-key", "a", "API-KEY", "b")).build()))
        .hasMessageContaining("twice (header names ignore case)");
    assertThatThrownBy(() -> OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint("http://c:4318")
        .headers(Map.of("api-key", "s3cr\u00e9t")).build()))
        .hasMessage("otlp.headers value of 'api-key' must be printable ASCII characters (the value is not shown: it"
            + " may be a secret)");
  }
}
