package dev.eventschema.engine.backend.ngram;

/**
 * Packs up to three token ids into one {@code long}, so that contexts are looked up without
 * allocating an array key. A model keeps one table per context length, so keys of different lengths
 * never meet and need no length marker.
 */
final class ContextKey {

  /** 21 bits per id: three ids fill 63 bits, and a vocabulary of two million tokens is plenty. */
  static final int BITS_PER_TOKEN = 21;

  /** The longest context that fits: an order-4 model. */
  static final int MAX_LENGTH = 3;

  private static final long MASK = (1L << BITS_PER_TOKEN) - 1;

  private ContextKey() {}

  /**
   * The key of the last {@code length} ids of {@code history[0..end)}. An unknown id packs to a
   * value no vocabulary id has, so the context is simply not found.
   */
  static long of(int[] history, int end, int length) {
    long key = 0;
    for (int i = end - length; i < end; i++) {
      key = (key << BITS_PER_TOKEN) | (history[i] & MASK);
    }
    return key;
  }
}
