package dev.eventschema.engine.backend.external.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InboundMessageReaderTest {

  private final InboundMessageReader reader = new InboundMessageReader();

  @Test
  void readsASingleTokenChunk() {
    InboundMessage message = reader.read("""
        {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s-1","token":" the","token_id":262,\
        "logprob":-0.42,"is_final":false}}""");

    assertThat(message).isInstanceOfSatisfying(InboundMessage.Chunk.class, chunk -> {
      assertThat(chunk.streamId()).isEqualTo("s-1");
      assertThat(chunk.chunk().token()).isEqualTo(" the");
      assertThat(chunk.chunk().logprob()).isEqualTo(OptionalDouble.of(-0.42));
      assertThat(chunk.raw()).containsEntry("method", "stream.chunk");
    });
  }

  @Test
  void anEmptyTokenIsAllowed_itIsTheEndOfSequence() {
    InboundMessage message = reader.read("""
        {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s-1","token":"","token_id":0,"is_final":true}}""");

    assertThat(message).isInstanceOfSatisfying(InboundMessage.Chunk.class,
        chunk -> assertThat(chunk.chunk().logprob()).isEmpty());
  }

  @Test
  void readsABatchedChunk_toldApartByItsTokensKey() {
    InboundMessage message = reader.read("""
        {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s-1","tokens":[\
        {"token":"a","token_id":1},{"token":" b","token_id":2,"logprob":-1.5,"is_final":true}],"batch_size":2}}""");

    assertThat(message).isInstanceOfSatisfying(InboundMessage.ChunkBatch.class,
        batch -> assertThat(batch.batch().tokens()).extracting(BatchedToken::token).containsExactly("a", " b"));
  }

  @Test
  void readsStatsAndEvents() {
    assertThat(reader.read("""
        {"jsonrpc":"2.0","method":"stream.stats","params":{"stream_id":"s-1","tokens_generated":3,\
        "tokens_per_second":120.5,"time_to_first_token":0.01,"total_time":0.03}}"""))
        .isInstanceOf(InboundMessage.Stats.class);
    assertThat(reader.read("""
        {"jsonrpc":"2.0","method":"stream.event","params":{"stream_id":"s-1","event":"completed",\
        "finish_reason":"length","is_final":true}}"""))
        .isInstanceOfSatisfying(InboundMessage.Event.class,
            event -> assertThat(event.event().finish_reason()).contains(StreamEvent.Finish.LENGTH));
  }

  @Test
  void readsResponsesWithTheirResultStillOpen() {
    assertThat(reader.read("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"model_id\":\"m1\",\"parameters\":12}}"))
        .isInstanceOfSatisfying(InboundMessage.Response.class, response -> {
          assertThat(response.id()).isEqualTo(7);
          assertThat(response.result()).containsEntry("model_id", "m1");
          assertThat(response.error()).isEmpty();
        });
    assertThat(reader.read("{\"jsonrpc\":\"2.0\",\"id\":8,\"error\":{\"code\":-32001,\"message\":\"no model\"}}"))
        .isInstanceOfSatisfying(InboundMessage.Response.class,
            response -> assertThat(response.error().orElseThrow().code()).isEqualTo(-32001));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not JSON                  | hello there                                                         | unknown      |                          | INVALID_TYPE
      an array                  | [1,2]                                                               | unknown      |                          | INVALID_TYPE
      null                      | null                                                                | unknown      |                          | INVALID_TYPE
      trailing garbage          | {"jsonrpc":"2.0","id":1,"result":{}} extra                          | unknown      |                          | INVALID_TYPE
      a duplicate key           | {"jsonrpc":"2.0","id":1,"id":2,"result":{}}                         | unknown      |                          | INVALID_TYPE
      a duplicate notification key | {"jsonrpc":"2.0","method":"stream.stats","params":{"stream_id":"s","stream_id":"t"}} | unknown |           | INVALID_TYPE
      trailing notification text | {"jsonrpc":"2.0","method":"stream.stats","params":{}} {}          | unknown      |                          | INVALID_TYPE
      neither kind              | {"jsonrpc":"2.0","params":{}}                                       | unknown      | /method                  | MISSING
      a wrong version           | {"jsonrpc":"1.0","method":"stream.stats","params":{}}               | stream.stats | /jsonrpc                 | INVALID_FORMAT
      a request from runtime    | {"jsonrpc":"2.0","id":3,"method":"stream.chunk","params":{}}        | stream.chunk | /id                      | UNRECOGNIZED_KEYS
      an unknown method         | {"jsonrpc":"2.0","method":"log","params":{}}                        | unknown      | /method                  | INVALID_VALUE
      a non-string token        | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","token":5,"token_id":1,"is_final":false}} | stream.chunk | /params/token | INVALID_TYPE
      a negative token id       | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","token":"a","token_id":-1,"is_final":false}} | stream.chunk | /params/token_id | TOO_SMALL
      a positive logprob        | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","token":"a","token_id":1,"logprob":0.1,"is_final":false}} | stream.chunk | /params/logprob | TOO_BIG
      a logprob rounding to 0   | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","token":"a","token_id":1,"logprob":1e-400,"is_final":false}} | stream.chunk | /params/logprob | TOO_BIG
      a huge logprob            | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","token":"a","token_id":1,"logprob":1e400,"is_final":false}} | stream.chunk | /params/logprob | TOO_BIG
      an empty batch            | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","tokens":[]}} | stream.chunk | /params/tokens | TOO_SMALL
      a bad batched token       | {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"s","tokens":[{"token":"a"}]}} | stream.chunk | /params/tokens/0/token_id | MISSING
      negative stats            | {"jsonrpc":"2.0","method":"stream.stats","params":{"stream_id":"s","tokens_generated":-1,"tokens_per_second":1,"time_to_first_token":0,"total_time":0}} | stream.stats | /params/tokens_generated | TOO_SMALL
      an unknown event          | {"jsonrpc":"2.0","method":"stream.event","params":{"stream_id":"s","event":"exploded","is_final":true}} | stream.event | /params/event | INVALID_VALUE
      an error without error    | {"jsonrpc":"2.0","method":"stream.event","params":{"stream_id":"s","event":"error","is_final":true}} | stream.event | /params/error | MISSING
      an unknown finish reason  | {"jsonrpc":"2.0","method":"stream.event","params":{"stream_id":"s","event":"completed","finish_reason":"eos","is_final":true}} | stream.event | /params/finish_reason | INVALID_VALUE
      no result nor error       | {"jsonrpc":"2.0","id":4}                                            | response     | /result                  | MISSING
      both result and error     | {"jsonrpc":"2.0","id":4,"result":{},"error":{"code":1,"message":"x"}} | response   | /error                   | INVALID_VALUE
      a string id               | {"jsonrpc":"2.0","id":"4","result":{}}                              | response     | /id                      | INVALID_TYPE
      a malformed error         | {"jsonrpc":"2.0","id":4,"error":{"code":"x"}}                       | response     | /error/code              | INVALID_TYPE
      """)
  void rejectsWithEveryViolation(String name, String line, String type, String path, Code code) {
    InboundMessage message = reader.read(line);

    assertThat(message).isInstanceOfSatisfying(InboundMessage.Rejected.class, rejected -> {
      assertThat(rejected.messageType()).isEqualTo(type);
      assertThat(rejected.violations()).extracting(Violation::path, Violation::code)
          .contains(tuple(path == null ? "" : path, code));
      if (code == Code.INVALID_TYPE && type.equals("unknown")) {
        assertThat(rejected.payload()).containsEntry("line", line);
      } else {
        assertThat(rejected.payload()).containsKey("jsonrpc");
      }
    });
  }

  @Test
  void collectsAllViolationsOfAMessage_notJustTheFirst() {
    InboundMessage message = reader.read("""
        {"jsonrpc":"2.0","method":"stream.chunk","params":{"stream_id":"","token":1,"logprob":3,"extra":0}}""");

    assertThat(message).isInstanceOfSatisfying(InboundMessage.Rejected.class,
        rejected -> assertThat(rejected.violations()).extracting(Violation::path).contains(
            "/params/stream_id", "/params/token", "/params/token_id", "/params/logprob", "/params/is_final",
            "/params/extra"));
  }

  @Test
  void aTooLongLineIsRejectedWithItsBeginning() {
    InboundMessage message = reader.tooLong("x".repeat(5000), 4096);

    assertThat(message).isInstanceOfSatisfying(InboundMessage.Rejected.class, rejected -> {
      assertThat(rejected.violations()).extracting(Violation::code).containsExactly(Code.TOO_BIG);
      assertThat((String) rejected.payload().get("line")).hasSizeLessThan(2100);
    });
  }
}
