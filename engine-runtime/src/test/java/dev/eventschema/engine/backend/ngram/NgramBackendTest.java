package dev.eventschema.engine.backend.ngram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.RecordingSink;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NgramBackendTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  /** One paragraph of 200 distinct words: greedy decoding recites it, then ends it. */
  private static final List<String> WORDS = IntStream.range(0, 200).mapToObj(i -> "w" + i).toList();

  private final NgramBackend backend = new NgramBackend(2, Duration.ofSeconds(30));

  @TempDir
  Path directory;

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void loadsTheShippedCorpusAsTheDefaultModel() {
    LoadedModel model = load("default", NgramBackend.DEFAULT_MODEL_PATH);

    assertThat(model.modelId()).isEqualTo("default");
    assertThat(model.modelPath()).isEqualTo(NgramBackend.DEFAULT_MODEL_PATH);
    assertThat(model.quantization()).isEmpty();
    assertThat(model.parameters()).isEqualTo(NgramModelTest.DEFAULT.parameters());
  }

  @Test
  void streamsAWholeGenerationThatEndsWithTheEmptyEndOfSequenceToken() throws Exception {
    load("chain", chainCorpus());
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("chain", "", 1000, 0.0, 1), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.STOP);
    assertThat(sink.texts()).hasSize(201).endsWith("");
    assertThat(sink.text()).isEqualTo(String.join(" ", WORDS));
    assertThat(sink.tokens).allSatisfy(token -> assertThat(token.logprob().orElseThrow()).isLessThanOrEqualTo(0.0));
  }

  @Test
  void stopsAtMaxTokensWithLength() throws Exception {
    load("chain", chainCorpus());
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("chain", "w9 w10", 7, 0.0, 1), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.LENGTH);
    assertThat(sink.text()).isEqualTo(" w11 w12 w13 w14 w15 w16 w17");
  }

  @Test
  void theSameSeedGivesTheSameText_throughTheBackend() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);

    String first = generate(GenerationRequest.of("default", "The keeper", 80, 0.9, 1234));
    String again = generate(GenerationRequest.of("default", "The keeper", 80, 0.9, 1234));
    String other = generate(GenerationRequest.of("default", "The keeper", 80, 0.9, 4321));

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void cancellingAPacedGenerationEndsItPromptly_withNoTokenAfterTheEnd() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);
    RecordingSink sink = new RecordingSink();
    GenerationRequest slow = GenerationRequest.of("default", "", 100_000, 1.0, 5).paced(20);

    Generation generation = backend.generate(slow, sink);
    assertThat(sink.firstToken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Integer> tokensAtTheEnd = generation.result().thenApply(reason -> sink.tokens.size());
    generation.cancel();

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.CANCELLED);
    int atTheEnd = tokensAtTheEnd.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    backend.close(); // stops the scheduler: any token still to come would have come by now
    assertThat(sink.tokens).hasSize(atTheEnd);
  }

  @Test
  void aPacedGenerationProducesTheSameTokensAsAnUnpacedOne() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);

    String paced = generate(GenerationRequest.of("default", "", 12, 1.0, 8).paced(500));
    String unpaced = generate(GenerationRequest.of("default", "", 12, 1.0, 8));

    assertThat(paced).isEqualTo(unpaced);
  }

  @Test
  void runsGenerationsConcurrently() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);
    List<RecordingSink> sinks = IntStream.range(0, 8).mapToObj(i -> new RecordingSink()).toList();

    List<Generation> generations = IntStream.range(0, 8)
        .mapToObj(i -> backend.generate(GenerationRequest.of("default", "", 300, 1.0, i).paced(2_000), sinks.get(i)))
        .toList();
    CompletableFuture.allOf(generations.stream().map(Generation::result).toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    for (int i = 0; i < 8; i++) {
      assertThat(sinks.get(i).text()).isEqualTo(generate(GenerationRequest.of("default", "", 300, 1.0, i)));
    }
  }

  @Test
  void closingCancelsRunningGenerationsAndRefusesNewWork() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);
    RecordingSink sink = new RecordingSink();
    Generation running = backend.generate(GenerationRequest.of("default", "", 100_000, 1.0, 5).paced(10), sink);
    assertThat(sink.firstToken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    backend.close();

    assertThat(running.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.CANCELLED);
    assertFailsWith(backend.load(LoadRequest.of("x", NgramBackend.DEFAULT_MODEL_PATH)), ErrorCode.RUNTIME_ERROR);
    assertFailsWith(backend.generate(GenerationRequest.of("default", "", 5, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.RUNTIME_ERROR);
  }

  @Test
  void anUnknownOrUnloadedModelIsNotFound() throws Exception {
    load("default", NgramBackend.DEFAULT_MODEL_PATH);
    backend.unload("default").get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertFailsWith(backend.generate(GenerationRequest.of("default", "", 5, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.MODEL_NOT_FOUND);
    assertFailsWith(backend.unload("default"), ErrorCode.MODEL_NOT_FOUND);
  }

  @Test
  void loadFailuresSayWhatWentWrong() throws IOException {
    Path empty = Files.writeString(directory.resolve("empty.txt"), "  \n\n ");
    Path binary = Files.write(directory.resolve("binary.bin"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x41});

    assertFailsWith(backend.load(LoadRequest.of("m", directory.resolve("missing.txt").toString())),
        ErrorCode.MODEL_NOT_FOUND);
    assertFailsWith(backend.load(LoadRequest.of("m", "classpath:no/such/corpus.txt")), ErrorCode.MODEL_NOT_FOUND);
    assertFailsWith(backend.load(LoadRequest.of("m", empty.toString())), ErrorCode.MODEL_LOAD_FAILED);
    assertFailsWith(backend.load(LoadRequest.of("m", binary.toString())), ErrorCode.MODEL_LOAD_FAILED);
    assertFailsWith(backend.load(new LoadRequest("m", NgramBackend.DEFAULT_MODEL_PATH, Map.of("order", 9))),
        ErrorCode.MODEL_LOAD_FAILED);
  }

  @Test
  void theOrderOptionChangesTheModel() throws Exception {
    LoadedModel bigram = backend.load(new LoadRequest("b", NgramBackend.DEFAULT_MODEL_PATH, Map.of("order", 2L)))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    LoadedModel fourgram = backend.load(new LoadRequest("f", NgramBackend.DEFAULT_MODEL_PATH, Map.of("order", 4)))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(bigram.parameters()).isLessThan(NgramModelTest.DEFAULT.parameters());
    assertThat(fourgram.parameters()).isGreaterThan(NgramModelTest.DEFAULT.parameters());
  }

  /** Tokens-per-second figures for the report; printed, never asserted. */
  @Test
  void measuresUnpacedThroughput() throws Exception {
    NgramSampler sampler = NgramModelTest.DEFAULT.sampler("", 1.0, 1);
    for (int i = 0; i < 200_000; i++) { // warm-up
      sampler.next();
    }
    long start = System.nanoTime();
    for (int i = 0; i < 1_000_000; i++) {
      sampler.next();
    }
    report("sampler", 1_000_000, System.nanoTime() - start);

    load("default", NgramBackend.DEFAULT_MODEL_PATH);
    long[] count = new long[1];
    start = System.nanoTime();
    for (int seed = 0; seed < 5_000; seed++) { // generations end at their end-of-sequence token
      backend.generate(GenerationRequest.of("default", "", 10_000, 1.0, seed), (text, logprob, alternatives) -> count[0]++)
          .result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
    report("backend, one generation at a time", count[0], System.nanoTime() - start);
    assertThat(count[0]).isPositive();
  }

  private static void report(String what, long tokens, long nanos) {
    System.out.printf("n-gram throughput (%s): %,d tokens in %.3f s = %,.0f tokens/s, %.2f us/token%n",
        what, tokens, nanos / 1e9, tokens / (nanos / 1e9), nanos / 1e3 / tokens);
  }

  private LoadedModel load(String id, String path) {
    try {
      return backend.load(LoadRequest.of(id, path)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  private String generate(GenerationRequest request) throws Exception {
    RecordingSink sink = new RecordingSink();
    backend.generate(request, sink).result().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return sink.text();
  }

  private String chainCorpus() throws IOException {
    return Files.writeString(directory.resolve("chain.txt"), WORDS.stream().collect(Collectors.joining(" "))).toString();
  }

  private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
    assertThat(future).failsWithin(WAIT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
