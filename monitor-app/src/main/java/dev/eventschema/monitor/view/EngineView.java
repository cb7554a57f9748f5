package dev.eventschema.monitor.view;

import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.GenerationRow;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The five views of one engine, as tabs. */
public final class EngineView extends TabPane {

  /** The tabs, in order (Ctrl+1 to Ctrl+5). */
  public enum Page { OVERVIEW, EVENTS, GENERATIONS, MODELS, REJECTIONS }

  private final EngineModel model;
  private final OverviewView overview;
  private final EventsView events;
  private final GenerationsView generations;
  private final ModelsView models;
  private final RejectionsView rejections;
  private final Tab overviewTab;
  private final Tab eventsTab;
  private final Tab rejectionsTab;
  private final Tab generationsTab;

  public EngineView(EngineModel model, List<String> eventTypes, Exports exports, Runnable reconnect,
      Consumer<String> problems) {
    this.model = model;
    getStyleClass().add("engine-view");
    setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
    overview = new OverviewView(model, reconnect);
    events = new EventsView(model, eventTypes, exports);
    generations = new GenerationsView(model);
    models = new ModelsView(model);
    rejections = new RejectionsView(model, exports, problems);
    overviewTab = tab("Overview", "overviewTab", overview);
    eventsTab = tab("Events", "eventsTab", events);
    generationsTab = tab("Generations", "generationsTab", generations);
    Tab modelsTab = tab("Models", "modelsTab", models);
    rejectionsTab = tab("Rejected payloads", "rejectionsTab", rejections);
    getTabs().addAll(overviewTab, eventsTab, generationsTab, modelsTab, rejectionsTab);
    getSelectionModel().selectedItemProperty().addListener((o, a, b) -> titlesUpdated = 0);
  }

  private static Tab tab(String title, String id, javafx.scene.Node content) {
    Tab tab = new Tab(title, content);
    tab.setId(id);
    return tab;
  }

  private long titlesUpdated;

  /**
   * Brings the views up to date with the model; called once per frame after the model changed.
   * Views that are not on screen only keep track of what changed, and catch up when shown.
   */
  public void refresh(boolean onScreen) {
    Tab selected = getSelectionModel().getSelectedItem();
    if (onScreen && selected == overviewTab) {
      overview.refresh();
    }
    events.refresh(onScreen && selected == eventsTab);
    generations.refresh(onScreen && selected == generationsTab);
    if (onScreen && selected == rejectionsTab) {
      rejections.refresh();
    }
    long now = System.nanoTime();
    if (now - titlesUpdated >= 250_000_000L) { // counters that change every frame are unreadable anyway
      titlesUpdated = now;
      setTitle(eventsTab, "Events (" + Formats.grouped(model.events().total()) + ")");
      long running = 0;
      for (GenerationRow g : model.generations()) {
        if (g.stateProperty().get() == GenerationRow.State.RUNNING) {
          running++;
        }
      }
      setTitle(generationsTab, "Generations (" + running + " running)");
      setTitle(rejectionsTab, "Rejected payloads (" + Formats.grouped(model.rejections().totalProperty().get())
          + ")");
    }
  }

  private static void setTitle(Tab tab, String title) {
    if (!title.equals(tab.getText())) {
      tab.setText(title);
    }
  }

  public void show(Page page) {
    getSelectionModel().select(page.ordinal());
  }

  public EventsView events() {
    return events;
  }

  public RejectionsView rejections() {
    return rejections;
  }
}
