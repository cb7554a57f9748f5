package dev.eventschema.engine.api.openai;

import dev.eventschema.engine.api.http.ApiError;
import dev.eventschema.engine.api.http.EngineErrors;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the two ways of answering share: the text so far with its per-token log-probabilities, the
 * usage, and how a generation's failure reads.
 */
final class Answer {

  final GenerationSpec spec;
  final Dialect dialect;
  final String id;
  final long created;
  private final StringBuilder text = new StringBuilder();
  private final List<Dialect.TokenLogprob> logprobs = new ArrayList<>();

  Answer(GenerationSpec spec, Dialect dialect, String generationId, long created) {
    this.spec = spec;
    this.dialect = dialect;
    this.id = dialect.id(generationId);
    this.created = created;
    spec.echo().ifPresent(text::append);
  }

  /** Adds a piece; returns the log-probability entries it brought (none for the end-of-sequence token). */
  List<Dialect.TokenLogprob> add(GenerationRun.Piece piece) {
    List<Dialect.TokenLogprob> added = List.of();
    if (spec.logprobs() && piece.token() != null && !piece.token().isEndOfSequence()) {
      Double value = piece.token().logprob().isPresent() ? piece.token().logprob().getAsDouble() : null;
      added = List.of(new Dialect.TokenLogprob(piece.token().text(), value, text.length(),
          piece.token().alternatives()));
      logprobs.addAll(added);
    }
    text.append(piece.text());
    return added;
  }

  String text() {
    return text.toString();
  }

  List<Dialect.TokenLogprob> logprobs() {
    return logprobs;
  }

  /** The {@code logprobs} of a choice carrying {@code entries}, or null when the request did not ask for them. */
  Dialect.Logprobs logprobsOf(List<Dialect.TokenLogprob> entries) {
    return spec.logprobs() ? new Dialect.Logprobs(entries, spec.topLogprobs()) : null;
  }

  /**
   * {@code usage}: the prompt counted by the embedded model's tokenizer; the completion as the engine
   * counted it in {@code generationCompleted} (the end-of-sequence token not counted).
   */
  Map<String, Object> usage(GenerationRun.End end) {
    return Dialect.usage(NgramBackend.countTokens(spec.prompt()), end.result().tokensGenerated());
  }

  /** The HTTP error for a generation that failed. */
  ApiError failure(GenerationRun.End end) {
    Throwable failure = end.failure();
    EngineException error = failure instanceof EngineException engine ? engine
        : new EngineException(ErrorCode.GENERATION_FAILED, String.valueOf(failure), Map.of(), failure);
    return EngineErrors.toApiError(error, spec.model());
  }
}
