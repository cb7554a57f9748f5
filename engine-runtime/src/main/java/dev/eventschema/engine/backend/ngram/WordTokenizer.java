package dev.eventschema.engine.backend.ngram;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into word-level tokens the way byte-pair tokenizers present common words: a word, a
 * number or one punctuation mark, carrying a single leading space when white space preceded it.
 * Concatenating the tokens gives back the text with its white space normalised, so generated tokens
 * can be streamed and shown as they are.
 *
 * <p>{@code "Hello, big  world."} becomes {@code "Hello" "," " big" " world" "."}. Paragraphs
 * (separated by a blank line) are split apart: each ends with an end-of-sequence token in training.
 */
final class WordTokenizer {

  /** Optional white space, then a word (letters, digits, inner apostrophes), a number or one mark. */
  private static final Pattern TOKEN =
      Pattern.compile("(\\s*)(\\p{L}[\\p{L}\\p{N}'’]*|\\p{N}+(?:[.,]\\p{N}+)*|[^\\s\\p{L}\\p{N}])");

  private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");

  private WordTokenizer() {}

  /** The paragraphs of {@code text}, each as its tokens; empty paragraphs are left out. */
  static List<List<String>> paragraphs(String text) {
    List<List<String>> paragraphs = new ArrayList<>();
    for (String paragraph : PARAGRAPH_BREAK.split(text)) {
      List<String> tokens = tokens(paragraph.strip());
      if (!tokens.isEmpty()) {
        paragraphs.add(tokens);
      }
    }
    return paragraphs;
  }

  /** The tokens of {@code text}; the first token carries a space only if {@code text} starts with one. */
  static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group(1).isEmpty() ? matcher.group(2) : " " + matcher.group(2));
    }
    return tokens;
  }
}
