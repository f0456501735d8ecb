package org.crmworkbench.core.plugin;

import java.util.List;

/**
 * An uploaded jar was refused; nothing was installed. The message key and its arguments name the
 * reason in the user's language (keys in the shell's messages).
 */
public final class PluginRejectedException extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    PluginRejectedException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
