package org.crmworkbench.testplugins.base;

/** A class of the test-base plugin that its dependents use. */
public final class BaseGreeting {

    private BaseGreeting() {
    }

    public static String greet(String name) {
        return "Hello " + name + ", from test-base";
    }
}
