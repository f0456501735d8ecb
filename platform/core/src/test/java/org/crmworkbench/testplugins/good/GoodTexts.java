package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.pf4j.Extension;

import java.util.List;
import java.util.Locale;

/** Three texts of its own and one that pretends to be another plugin's, which must be left out. */
@Extension
public class GoodTexts implements ReusableTextContribution {

    @Override
    public List<ReusableText> texts(String search, int limit, PluginContext context) {
        String source = context.message("texts.source");
        var all = List.of(new ReusableText("test-good.delivery", "Delivery", "Delivered within 24 hours", source),
                new ReusableText("test-good.service", "Service", "A service desk open every day", source),
                new ReusableText("test-good.returns", "Returns", "Free returns within 30 days", source),
                new ReusableText("value-proposition.row-1", "Delivery", "Delivered by a stranger", source));
        String needle = search.toLowerCase(Locale.ROOT);
        return all.stream().filter(text -> (text.title() + " " + text.text()).toLowerCase(Locale.ROOT).contains(needle))
                .limit(limit).toList();
    }
}
