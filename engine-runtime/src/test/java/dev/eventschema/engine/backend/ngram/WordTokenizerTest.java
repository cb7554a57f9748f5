package dev.eventschema.engine.backend.ngram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {

  @Test
  void wordsCarryTheirLeadingSpace_punctuationStandsAlone() {
    assertThat(WordTokenizer.tokens("Hello, big  world.")).containsExactly("Hello", ",", " big", " world", ".");
  }

  @Test
  void keepsInnerApostrophesAndNumbers() {
    assertThat(WordTokenizer.tokens("the keeper's log at 4.30 today"))
        .containsExactly("the", " keeper's", " log", " at", " 4.30", " today");
  }

  @Test
  void concatenatedTokensGiveBackTheTextWithNormalisedWhiteSpace() {
    String text = "A stream is a patient thing.\nIt does not hurry.";

    assertThat(String.join("", WordTokenizer.tokens(text))).isEqualTo("A stream is a patient thing. It does not hurry.");
  }

  @Test
  void blankLinesSeparateParagraphs_emptyOnesAreDropped() {
    List<List<String>> paragraphs = WordTokenizer.paragraphs("One two.\n\n\n  \nThree.\r\n\r\n");

    assertThat(paragraphs).containsExactly(List.of("One", " two", "."), List.of("Three", "."));
  }
}
