package dev.eventschema.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.json.JsonCodecs;
import dev.eventschema.json.jackson.EventSchemaModule;
import dev.eventschema.json.jackson.SchemaViolationMappingException;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An ObjectMapper with EventSchemaModule reads and writes the engine's events through their generated codecs. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventSchemaModuleTest {

  private final ObjectMapper mapper = new ObjectMapper().registerModule(new EventSchemaModule());

  /** A caller's own type holding an event, as a Spring controller's request body might. */
  public record Envelope(String source, TokenGeneratedEvent event) {}

  @Test
  void theServiceLoaderFindsACodecForEveryEvent() {
    JsonCodecs codecs = JsonCodecs.load(getClass().getClassLoader());
    for (EventType type : EventType.values()) {
      assertThat(codecs.forType(type.javaType())).as("codec of %s", type).isPresent();
    }
    assertThat(codecs.forType(EventEnvelope.class)).isPresent();
  }

  @Test
  void readValueParsesStrictly() throws Exception {
    TokenGeneratedEvent event = mapper.readValue("""
        {"model": "m", "token": "the", "logprob": -0.25}""", TokenGeneratedEvent.class);
    assertThat(event).isEqualTo(Events.token("m", "the"));
  }

  @Test
  void anInvalidPayloadThrowsOneExceptionListingEveryViolation() {
    assertThatThrownBy(() -> mapper.readValue("""
        {"model": "", "token": 7, "logprob": 0.5, "tokn": "x"}""", TokenGeneratedEvent.class))
        .isInstanceOfSatisfying(SchemaViolationMappingException.class, e -> {
          assertThat(e.violations()).extracting(Violation::path, Violation::code).containsExactly(
              tuple("/tokn", Code.UNRECOGNIZED_KEYS),
              tuple("/model", Code.TOO_SMALL),
              tuple("/token", Code.INVALID_TYPE),
              tuple("/logprob", Code.TOO_BIG));
          assertThat(e.getMessage()).contains("invalid 'tokenGenerated': 4 schema violations")
              .contains("/tokn: unknown key 'tokn'; did you mean 'token'? [unrecognized_keys]");
          assertThat(e.getCause()).isInstanceOf(SchemaViolationException.class);
        });
  }

  @Test
  void writeValueAsStringWritesTheWireForm() throws Exception {
    TokenGeneratedEvent built = Events.token("m", "the");
    TokenGeneratedEvent own = new Events.OwnToken("m", "the", OptionalDouble.of(-0.25), Map.of());
    String wire = new ObjectMapper().writeValueAsString(TokenGeneratedEventValidator.INSTANCE.toMap(built));
    assertThat(mapper.writeValueAsString(built)).isEqualTo(wire).isEqualTo("{\"model\":\"m\",\"token\":\"the\",\"logprob\":-0.25}");
    assertThat(mapper.writeValueAsString(own)).isEqualTo(wire);
  }

  @Test
  void eventsInsideTheCallersOwnTypesUseTheCodecsToo() throws Exception {
    Envelope envelope = new Envelope("test", Events.token("m", "a"));
    String json = mapper.writeValueAsString(envelope);
    assertThat(json).isEqualTo("{\"source\":\"test\",\"event\":{\"model\":\"m\",\"token\":\"a\",\"logprob\":-0.25}}");
    assertThat(mapper.readValue(json, Envelope.class)).isEqualTo(envelope);
    assertThatThrownBy(() -> mapper.readValue("{\"source\": \"x\", \"event\": {\"token\": \"a\"}}", Envelope.class))
        .isInstanceOfSatisfying(SchemaViolationMappingException.class, e -> {
          assertThat(e.violations()).containsExactly(new Violation("/model", Code.MISSING, "is required"));
          assertThat(e.getPathReference()).contains("event");
        });
  }

  @Test
  void everyEngineEventRoundTripsThroughItsCodec() throws Exception {
    List<Object> events = List.of(Events.modelLoaded("m"), Events.modelUnloaded("m"), Events.modelInvalidated("m"),
        Events.generationStarted("m"), Events.token("m", ""), Events.generationCompleted("m", 3, 12.5),
        Events.error(ErrorCode.MODEL_NOT_FOUND, "no such model"), Events.runtimeStatus(RuntimeStatus.READY, 1));
    for (Object event : events) {
      EventType type = EventType.of(event);
      String json = mapper.writeValueAsString(event);
      assertThat(json).isEqualTo(new ObjectMapper().writeValueAsString(type.toMap(event)));
      assertThat((Object) mapper.readValue(json, type.javaType())).as(json).isEqualTo(event);
    }
  }
}
