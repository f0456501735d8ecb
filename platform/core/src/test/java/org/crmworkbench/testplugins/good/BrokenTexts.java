package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.text.ReusableText;
import org.crmworkbench.api.text.ReusableTextContribution;
import org.pf4j.Extension;

import java.util.List;

/** Fails when asked: must hide only itself. */
@Extension
public class BrokenTexts implements ReusableTextContribution {

    @Override
    public List<ReusableText> texts(String search, int limit, PluginContext context) {
        throw new IllegalStateException("broken on purpose");
    }
}
