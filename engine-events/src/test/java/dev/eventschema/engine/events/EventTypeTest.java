package dev.eventschema.engine.events;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

  @Test
  void theEightWireNamesAreTheProtocols() {
    assertThat(EventType.wireNames()).containsExactly("modelLoaded", "modelUnloaded", "modelInvalidated",
        "generationStarted", "tokenGenerated", "generationCompleted", "error", "runtimeStatus");
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void eachTypeIsFoundByItsWireNameAndCarriesItsValidator(EventType type) {
    assertThat(EventType.fromWireName(type.wireName())).contains(type);
    assertThat(type.validator().type()).isSameAs(type.javaType());
    assertThat(type.validator().jsonSchema()).contains("\"title\": \"" + type.wireName() + "\"");
  }

  @Test
  void onlyTheThreeGenerationEventsBelongToAGeneration() {
    assertThat(Arrays.stream(EventType.values()).filter(EventType::isGenerationEvent))
        .containsExactly(EventType.GENERATION_STARTED, EventType.TOKEN_GENERATED, EventType.GENERATION_COMPLETED);
  }

  @Test
  void unknownOrMissingWireNamesFindNothing() {
    assertThat(EventType.fromWireName("model:loaded")).isEmpty();
    assertThat(EventType.fromWireName("ModelLoaded")).isEmpty();
    assertThat(EventType.fromWireName(null)).isEmpty();
  }

  @Test
  void anEventValueKnowsItsType() {
    Object event = EventType.RUNTIME_STATUS.parse(map("status", "ready", "modelsLoaded", 0)).orElseThrow();

    assertThat(EventType.of(event)).isEqualTo(EventType.RUNTIME_STATUS);
    assertThat(EventType.RUNTIME_STATUS.validate(event)).isEmpty();
    assertThat(EventType.RUNTIME_STATUS.toMap(event)).isEqualTo(map("status", "ready", "modelsLoaded", 0));
  }

  @Test
  void somethingElseIsNoEvent() {
    assertThatThrownBy(() -> EventType.of("hello")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("String");
    assertThatThrownBy(() -> EventType.of(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventType.ERROR.validate("hello")).isInstanceOf(ClassCastException.class);
  }
}
