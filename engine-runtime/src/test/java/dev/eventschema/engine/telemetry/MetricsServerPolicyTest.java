package dev.eventschema.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.http.HttpPolicy;
import dev.eventschema.engine.testing.RawHttp;
import dev.eventschema.engine.testing.RawHttp.Response;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code /metrics} follows the stream's HTTP policy: Host allow-list, token, HEAD, stalled clients. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsServerPolicyTest {

  private static final String TOKEN = "metrics-token-0123456789";

  private TelemetryBridge bridge;
  private final List<Socket> stalled = new ArrayList<>();

  private int start(HttpPolicy policy) {
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(FreePort.find()).build();
    bridge = TelemetryBridge.builder(config).httpPolicy(policy).build().start();
    return bridge.port().orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : stalled) {
      socket.close();
    }
    if (bridge != null) {
      bridge.close();
    }
  }

  @Test
  void metricsRefuseAForeignHostAndRequireTheToken() {
    int port = start(HttpPolicy.defaults().withToken(Optional.of(TOKEN)));
    String auth = "Authorization: bearer " + TOKEN;
    assertThat(RawHttp.get(port, "/metrics", "evil.example", auth).status()).isEqualTo(421);
    assertThat(RawHttp.get(port, "/metrics", "127.0.0.1.nip.io", auth).status()).isEqualTo(421);
    Response anonymous = RawHttp.get(port, "/metrics", "127.0.0.1:" + port);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
    Response scrape = RawHttp.get(port, "/metrics", "127.0.0.1:" + port, auth);
    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body()).contains("eventschema_models_loaded");
  }

  @Test
  void headOfMetricsHasTheHeadersOfAGetAndNoBody() {
    int port = start(HttpPolicy.defaults());
    Response head = RawHttp.exchange(port, "HEAD", "/metrics", "localhost");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).isEqualTo(MetricsServer.PROMETHEUS_TEXT);
    assertThat(Integer.parseInt(head.header("Content-Length"))).isPositive();
    assertThat(head.body()).isEmpty();
  }

  @Test
  void halfSentRequestsDoNotBlockAScrape() throws Exception {
    int port = start(HttpPolicy.defaults());
    for (int i = 0; i < 100; i++) {
      stalled.add(RawHttp.halfSent(port));
    }
    assertThat(RawHttp.get(port, "/metrics", "localhost").status()).isEqualTo(200);
  }
}
