package org.crmworkbench.plugin.value;

import org.crmworkbench.api.view.PluginView;
import org.crmworkbench.api.view.ViewContribution;
import org.crmworkbench.plugin.value.canvas.CanvasView;
import org.crmworkbench.plugin.value.canvas.CanvasesView;
import org.crmworkbench.plugin.value.motive.MotivesView;
import org.crmworkbench.plugin.value.sellogram.SellogramView;
import org.crmworkbench.plugin.value.sellogram.SellogramsView;
import org.pf4j.Extension;

import java.util.List;

/**
 * The plugin's views: {@code /value-proposition/sellograms} (search, products without one) with the
 * builder {@code sellogram?id=}, {@code canvases} with the editor {@code canvas?id=}, and the
 * {@code motives} catalogue.
 */
@Extension
public class ValueViews implements ViewContribution {

    public static final String SELLOGRAMS = "value-proposition/sellograms";
    public static final String SELLOGRAM = "value-proposition/sellogram";
    public static final String CANVASES = "value-proposition/canvases";
    public static final String CANVAS = "value-proposition/canvas";
    public static final String MOTIVES = "value-proposition/motives";

    @Override
    public List<PluginView> views() {
        return List.of(new PluginView("sellograms", SellogramsView.class, "menu.sellograms", "CLIPBOARD_TEXT", null, 130),
                new PluginView("sellogram", SellogramView.class, null, null, null, 130),
                new PluginView("canvases", CanvasesView.class, "menu.canvases", "LIGHTBULB", null, 131),
                new PluginView("canvas", CanvasView.class, null, null, null, 131),
                new PluginView("motives", MotivesView.class, "menu.motives", "HEART_O", null, 132));
    }
}
