package dev.eventschema.monitor.client;

import dev.eventschema.engine.events.StreamSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compares the schema versions an engine speaks (its {@code hello}) with the ones this dashboard was
 * built with (its generated validators, {@link StreamSchemas}), and says in words what that means.
 */
public final class SchemaVersions {

  /** Schemas named in a notice at most; the rest are counted. */
  static final int NAMED = 5;

  private SchemaVersions() {}

  /**
   * A schema the engine speaks in a newer version than this dashboard knows.
   *
   * @param known the dashboard's version, or 0 when it does not know the schema at all
   */
  public record Newer(String schema, int engine, int known) {}

  /** The schemas of {@code engine} newer than in {@code known} (or absent there), in the engine's order. */
  public static List<Newer> newer(Map<String, Integer> engine, Map<String, Integer> known) {
    List<Newer> newer = new ArrayList<>();
    engine.forEach((schema, version) -> {
      int mine = known.getOrDefault(schema, 0);
      if (version > mine) {
        newer.add(new Newer(schema, version, mine));
      }
    });
    return List.copyOf(newer);
  }

  /** The notice for an engine's hello, against this dashboard's own schemas; empty when nothing is newer. */
  public static String notice(StreamMessage.Hello hello) {
    return notice(hello.engine(), newer(hello.schemas(), StreamSchemas.versions()));
  }

  /** What {@code newer} means for the user, in one paragraph; empty when the list is. */
  public static String notice(String engine, List<Newer> newer) {
    if (newer.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(engine).append(" speaks newer schemas than this dashboard knows: ");
    for (int i = 0; i < Math.min(NAMED, newer.size()); i++) {
      Newer n = newer.get(i);
      text.append(i == 0 ? "" : ", ").append(n.schema()).append(" v").append(n.engine())
          .append(n.known() == 0 ? " (unknown here)" : " (this dashboard knows v" + n.known() + ")");
    }
    if (newer.size() > NAMED) {
      text.append(" and ").append(newer.size() - NAMED).append(" more");
    }
    return text.append(". Messages are still checked against this dashboard's schemas: what it does not know"
        + " shows as rejections. Update the dashboard to read them.").toString();
  }
}
