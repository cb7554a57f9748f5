package dev.eventschema.monitor.support;

import static dev.eventschema.monitor.support.Fx.onFx;

import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

/**
 * Finds and clicks nodes of a live scene from a test, touching the scene graph only on the FX
 * thread.
 *
 * <p>Why: TestFX's {@code clickOn(query)} and {@code clickOn(node)} compute the node's bounds on the
 * test thread ({@code node.localToScene(node.getBoundsInLocal())}). Computing bounds is not a read:
 * it updates the cached bounds of the node and of every descendant ({@code Parent.updateCachedBounds}
 * and its dirty-children bookkeeping). While rows stream into a table, the FX thread updates the same
 * caches in its pulse, and the two threads corrupt each other's bookkeeping: {@code
 * IndexOutOfBoundsException: Index -1 out of bounds for length 6} in {@code Parent.updateCachedBounds}
 * (a table row of six cells) inside {@code Scene$ScenePulseListener.pulse}. So the point to click is
 * computed on the FX thread, and the robot is given only that point.
 */
public final class Ui {

  private Ui() {}

  /** The node {@code query} finds (a CSS selector such as {@code #eventsTable}), looked up on the FX thread. */
  public static <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
    return onFx(() -> robot.lookup(query).queryAs(type));
  }

  /** The text of the labeled node {@code query} finds, read on the FX thread. */
  public static String text(FxRobot robot, String query) {
    return onFx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
  }

  /** A copy of the items of the table {@code query} finds, taken on the FX thread. */
  @SuppressWarnings("unchecked")
  public static <T> List<T> items(FxRobot robot, String query) {
    return onFx(() -> List.copyOf((List<T>) robot.lookup(query).queryAs(TableView.class).getItems()));
  }

  /** Clicks the centre of the node {@code query} finds. */
  public static void click(FxRobot robot, String query) {
    click(robot, () -> robot.lookup(query).queryAs(Node.class));
  }

  /** Clicks the centre of the node {@code node} returns (called on the FX thread). */
  public static void click(FxRobot robot, Callable<? extends Node> node) {
    Point2D centre = onFx(() -> {
      Node target = node.call();
      Bounds onScreen = target.localToScreen(target.getBoundsInLocal());
      return new Point2D(onScreen.getCenterX(), onScreen.getCenterY());
    });
    robot.clickOn(centre);
  }
}
