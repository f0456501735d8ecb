package org.crmworkbench.api.account;

import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

/**
 * Reacts to account, order and interaction events, e.g. to recompute a rating after an order.
 *
 * <p>The host calls {@link #onEvent} after the core transaction has committed, on the thread that
 * made the change; keep it short (hand long work to a background thread). An exception is logged and
 * does not undo the change or stop other listeners. Only started plugins receive events. Register the
 * implementation with {@code @Extension}.
 *
 * @since 1.0
 */
public interface AccountEventListener extends ExtensionPoint {

    void onEvent(AccountEvent event, PluginContext context);
}
