package dev.eventschema.engine.api;

import com.sun.net.httpserver.HttpServer;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.core.Engine;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measurements of the API, run on demand (not a test: figures vary with the machine):
 *
 * <pre>
 * java -cp ... dev.eventschema.engine.api.ApiHarness measure     # the two issue-11 figures
 * java -cp ... dev.eventschema.engine.api.ApiHarness serve 8080  # the API alone, for trying clients
 * </pre>
 */
public final class ApiHarness {

  private static final String MODEL = "harbor-trigram";
  private static final String PROMPT = "The keeper of the harbour";

  public static void main(String[] args) throws Exception {
    boolean serve = args.length > 0 && args[0].equals("serve");
    int port = serve && args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (Engine engine = Engine.builder().backend(listener -> new NgramBackend()).maxConcurrent(8).maxWaiting(256)
        .build()) {
      engine.loadModel(MODEL, NgramBackend.DEFAULT_MODEL_PATH).get(60, TimeUnit.SECONDS);
      ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
      server.setExecutor(executor);
      ApiRoutes.of(engine, true).forEach(server::createContext);
      server.start();
      URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      System.out.println("API on " + base + "/v1");
      if (serve) {
        Thread.currentThread().join();
      }
      addedCost(engine, base);
      concurrentStreams(base, 200);
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /** p50 of a 16-token non-streaming completion through the API, minus p50 of the same generation direct. */
  private static void addedCost(Engine engine, URI base) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String body = "{\"model\":\"" + MODEL + "\",\"prompt\":\"" + PROMPT + "\",\"max_tokens\":16,\"seed\":1}";
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/completions"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    GenerationRequest direct = GenerationRequest.of(MODEL, PROMPT, 16, 1.0, 1);
    int warmup = 3000;
    int runs = 5000;
    for (int i = 0; i < warmup; i++) {
      engine.generate(direct).completion().get();
      client.send(request, HttpResponse.BodyHandlers.ofString());
    }
    long[] directNanos = new long[runs];
    long[] apiNanos = new long[runs];
    for (int i = 0; i < runs; i++) { // interleaved, so that both see the same machine
      long start = System.nanoTime();
      engine.generate(direct).completion().get();
      directNanos[i] = System.nanoTime() - start;
      start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      apiNanos[i] = System.nanoTime() - start;
      if (response.statusCode() != 200) {
        throw new IllegalStateException("status " + response.statusCode() + ": " + response.body());
      }
    }
    double directP50 = percentile(directNanos, 50);
    double apiP50 = percentile(apiNanos, 50);
    System.out.printf("16-token completion, %d runs: direct p50 %.3f ms, through the API p50 %.3f ms (p90 %.3f ms);"
        + " added at p50: %.3f ms%n", runs, directP50, apiP50, percentile(apiNanos, 90), apiP50 - directP50);
  }

  /** {@code clients} streaming chat completions at once; counts every one that did not end in [DONE]. */
  private static void concurrentStreams(URI base, int clients) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    String body = "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],"
        + "\"max_tokens\":64,\"stream\":true,\"stream_options\":{\"include_usage\":true}}";
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger chunks = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        running.add(threads.submit(() -> {
          try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve("/v1/chat/completions"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().endsWith("data: [DONE]\n\n")) {
              errors.incrementAndGet();
              System.out.println("error: " + response.statusCode() + " " + response.body());
            }
            chunks.addAndGet((int) response.body().lines().filter(l -> l.startsWith("data: ")).count());
          } catch (Exception e) {
            errors.incrementAndGet();
            System.out.println("error: " + e);
          }
        }));
      }
      for (Future<?> future : running) {
        future.get(120, TimeUnit.SECONDS);
      }
    }
    System.out.printf("%d concurrent streaming clients: %d errors, %d data lines, %.0f ms%n", clients, errors.get(),
        chunks.get(), (System.nanoTime() - start) / 1e6);
  }

  private static double percentile(long[] nanos, int percent) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1e6;
  }

  private ApiHarness() {}
}
