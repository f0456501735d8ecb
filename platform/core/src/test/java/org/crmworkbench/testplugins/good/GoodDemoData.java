package org.crmworkbench.testplugins.good;

import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.demo.DemoDataContribution;
import org.jooq.impl.DSL;
import org.pf4j.Extension;

@Extension
public class GoodDemoData implements DemoDataContribution {
    @Override
    public void seed(PluginContext context) {
        context.dsl().insertInto(DSL.table("note"), DSL.field("text")).values("demo note").execute();
    }
}
