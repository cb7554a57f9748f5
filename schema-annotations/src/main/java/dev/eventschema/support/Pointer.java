package dev.eventschema.support;

/** JSON Pointer (RFC 6901) segments: violation paths are pointers over wire names. */
public final class Pointer {

  private Pointer() {}

  /** {@code parent} followed by the segment for {@code key}, escaped ({@code ~} and {@code /}). */
  public static String child(String parent, String key) {
    return parent + "/" + escape(key);
  }

  /** {@code parent} followed by the segment for a list index. */
  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** A key as one pointer segment: {@code ~} becomes {@code ~0} and {@code /} becomes {@code ~1}. */
  public static String escape(String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return key;
    }
    return key.replace("~", "~0").replace("/", "~1");
  }
}
