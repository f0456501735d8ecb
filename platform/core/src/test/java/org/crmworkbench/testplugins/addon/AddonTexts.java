package org.crmworkbench.testplugins.addon;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.crmworkbench.testplugins.base.BaseGreeting;
import org.pf4j.Extension;

import java.util.List;

/** One text, written by a class of the plugin it depends on (test-base). */
@Extension
public class AddonTexts implements ReusableTextContribution {
    @Override
    public List<ReusableText> texts(String search, int limit, PluginContext context) {
        return List.of(new ReusableText("test-addon.greeting", "Greeting", BaseGreeting.greet("addon"), "test-addon"));
    }
}
