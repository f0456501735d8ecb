package org.crmworkbench.api.text;

import org.crmworkbench.api.PluginContext;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Offers texts to the other plugins (they search them through
 * {@link PluginContext#reusableTexts(String, int)}), e.g. the value-proposition plugin's published
 * customer benefits for a tender answer library. Called on the consumer's thread whenever it searches;
 * keep it to one query. An exception here hides this plugin's texts only; texts whose key does not
 * start with the plugin's id and a dot are left out. Register the implementation with {@code @Extension}.
 *
 * @since 1.5
 */
public interface ReusableTextContribution extends ExtensionPoint {

    /**
     * The texts that contain {@code search} (case-insensitive, in title or text), at most {@code limit}.
     *
     * @param search  empty for any text
     * @param limit   at least 1
     * @param context the providing plugin's own context (its schema, the user's locale)
     */
    List<ReusableText> texts(String search, int limit, PluginContext context);
}
