package org.crmworkbench.testplugins.failingstart;

import org.pf4j.Plugin;

public class FailingStartPlugin extends Plugin {
    @Override
    public void start() {
        throw new IllegalStateException("boom on start");
    }
}
