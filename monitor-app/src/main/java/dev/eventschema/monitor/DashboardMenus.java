package dev.eventschema.monitor;

import dev.eventschema.monitor.view.EngineView;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The dashboard's menu bar: every action with its accelerator (Ctrl+… on Linux) and mnemonic. */
final class DashboardMenus {

  private static final String[] PAGES = {"_Overview", "_Events", "_Generations", "_Models", "_Rejected payloads"};

  private DashboardMenus() {}

  static MenuBar of(Dashboard d) {
    Menu engine = new Menu("_Engine");
    engine.getItems().addAll(
        item("_Add engine…", "Shortcut+N", d::showAddEngine),
        item("_Reconnect now", "Shortcut+R", d::reconnectSelected),
        item("_Next engine", "Shortcut+PAGE_DOWN", () -> d.cycle(1)),
        item("_Previous engine", "Shortcut+PAGE_UP", () -> d.cycle(-1)),
        item("_Close engine", "Shortcut+W", d::closeSelected),
        new SeparatorMenuItem(),
        item("_Quit", "Shortcut+Q", Platform::exit));
    Menu view = new Menu("_View");
    for (EngineView.Page page : EngineView.Page.values()) {
      view.getItems().add(item(PAGES[page.ordinal()], "Shortcut+" + (page.ordinal() + 1), () -> d.showPage(page)));
    }
    view.getItems().addAll(new SeparatorMenuItem(),
        item("_Larger text", "Shortcut+EQUALS", () -> d.setFontSize(d.fontSize() + 2)),
        item("_Smaller text", "Shortcut+MINUS", () -> d.setFontSize(d.fontSize() - 2)),
        item("_Normal text", "Shortcut+0", () -> d.setFontSize(Dashboard.DEFAULT_FONT_SIZE)));
    Menu events = new Menu("E_vents");
    events.getItems().addAll(
        item("_Pause or resume", "Shortcut+P", () -> d.withView(v -> {
          v.show(EngineView.Page.EVENTS);
          v.events().togglePause();
        })),
        item("_Find…", "Shortcut+F", () -> d.withView(v -> {
          v.show(EngineView.Page.EVENTS);
          v.events().focusSearch();
        })),
        item("_Jump to newest", "Shortcut+END", () -> d.withView(v -> v.events().jumpToNewest())));
    Menu rejections = new Menu("_Rejections");
    rejections.getItems().addAll(
        item("_Copy as JSON", "Shortcut+Shift+C", () -> d.withView(v -> v.rejections().copySelected())),
        item("_Export selected…", "Shortcut+E", () -> d.withView(v -> v.rejections().export(false))),
        item("Export _all…", "Shortcut+Shift+E", () -> d.withView(v -> v.rejections().export(true))));
    Menu help = new Menu("_Help");
    help.getItems().add(item("_Keyboard shortcuts", "F1", d::showShortcuts));
    MenuBar bar = new MenuBar(engine, view, events, rejections, help);
    bar.setId("menuBar");
    return bar;
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setMnemonicParsing(true);
    item.setAccelerator(KeyCombination.keyCombination(accelerator));
    item.setOnAction(e -> action.run());
    return item;
  }
}
