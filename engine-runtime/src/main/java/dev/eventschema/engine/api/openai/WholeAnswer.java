package dev.eventschema.engine.api.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.engine.api.http.HttpJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A non-streaming answer: waits for the end, then one JSON body with {@code usage}. */
final class WholeAnswer {

  private WholeAnswer() {}

  static void write(HttpExchange exchange, GenerationRun run, Answer answer) throws IOException, InterruptedException {
    while (true) {
      GenerationRun.Item item = run.next(Long.MAX_VALUE); // the backend guarantees an end within its timeouts
      if (item instanceof GenerationRun.Piece piece) {
        answer.add(piece);
      } else if (item instanceof GenerationRun.End end) {
        if (end.failure() != null) {
          throw answer.failure(end);
        }
        Map<String, Object> choice = answer.dialect.choice(answer.text(), answer.logprobsOf(answer.logprobs()),
            end.finishReason(), false);
        Map<String, Object> body = answer.dialect.envelope(answer.id, answer.created, answer.spec.model(),
            List.of(choice), false);
        body.put("usage", answer.usage(end));
        HttpJson.send(exchange, 200, body);
        return;
      }
    }
  }
}
