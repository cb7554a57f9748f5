package dev.eventschema.engine.backend.ngram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token texts and their ids. Two ids are reserved: {@link #END} (the end-of-sequence token, whose
 * text is empty) and {@link #START} (the padding before a sequence, never generated). A text the
 * model never saw has no id: {@link #UNKNOWN}.
 */
final class Vocabulary {

  static final int END = 0;
  static final int START = 1;
  static final int UNKNOWN = -1;

  /** Ids must fit in {@link ContextKey#BITS_PER_TOKEN} bits, with one value left for unknown tokens. */
  static final int MAX_SIZE = (1 << ContextKey.BITS_PER_TOKEN) - 1;

  private final List<String> texts = new ArrayList<>(List.of("", "<s>"));
  private final Map<String, Integer> ids = new HashMap<>();

  /** The id of {@code text}, adding it if it is new. */
  int intern(String text) {
    Integer id = ids.get(text);
    if (id != null) {
      return id;
    }
    if (texts.size() >= MAX_SIZE) {
      throw new IllegalStateException("the corpus has more than " + MAX_SIZE + " distinct tokens");
    }
    int added = texts.size();
    texts.add(text);
    ids.put(text, added);
    return added;
  }

  /** The id of {@code text}, or {@link #UNKNOWN}. */
  int idOf(String text) {
    return ids.getOrDefault(text, UNKNOWN);
  }

  String text(int id) {
    return texts.get(id);
  }

  /** The number of ids, reserved ones included. */
  int size() {
    return texts.size();
  }
}
