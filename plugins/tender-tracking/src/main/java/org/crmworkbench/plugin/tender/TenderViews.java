package org.crmworkbench.plugin.tender;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.tender.analysis.AnalysisView;
import org.crmworkbench.plugin.tender.answer.AnswersView;
import org.crmworkbench.plugin.tender.decision.BidSettingsView;
import org.crmworkbench.plugin.tender.register.BoardView;
import org.crmworkbench.plugin.tender.register.RegisterView;
import org.crmworkbench.plugin.tender.register.TenderView;
import org.crmworkbench.plugin.tender.work.CalendarView;
import org.pf4j.Extension;

import java.util.List;

/**
 * The plugin's views: the register {@code /tender-tracking/tenders} with the tender editor
 * {@code tender?id=}, the pipeline {@code board}, the deadline {@code calendar}, the {@code answers}
 * library, the {@code analysis}, and the bid/no-bid {@code settings} for deciders.
 */
@Extension
public class TenderViews implements ViewContribution {

    public static final String REGISTER = "tender-tracking/tenders";
    public static final String TENDER = "tender-tracking/tender";
    public static final String BOARD = "tender-tracking/board";
    public static final String CALENDAR = "tender-tracking/calendar";

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView("tenders", RegisterView.class, "menu.register", "FILE_TEXT_O", null, 140),
                new PluginView("tender", TenderView.class, null, null, null, 140),
                new PluginView("board", BoardView.class, "menu.board", "GRID_BIG_O", null, 141),
                new PluginView("calendar", CalendarView.class, "menu.calendar", "CALENDAR_CLOCK", null, 142),
                new PluginView("answers", AnswersView.class, "menu.answers", "BOOK", null, 143),
                new PluginView("analysis", AnalysisView.class, "menu.analysis", "BAR_CHART", null, 144),
                new PluginView("settings", BidSettingsView.class, "menu.settings", "SLIDERS", TenderPermissions.DECIDE, 145));
    }
}
