package org.crmworkbench.core.plugin;

/** A plugin could not be loaded, migrated, started or registered; the message is shown in plugin admin. */
final class PluginFailure extends RuntimeException {
    PluginFailure(String message) {
        super(message);
    }

    PluginFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
