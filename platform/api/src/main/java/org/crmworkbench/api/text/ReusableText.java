package org.crmworkbench.api.text;

import java.util.Objects;

/**
 * A text one plugin offers the others to reuse, e.g. a sellogram's customer benefit pulled into a
 * tender answer.
 *
 * @param key    unique over all plugins and stable: the provider's plugin id, a dot and its own id,
 *               e.g. {@code value-proposition.row-12}
 * @param title  a short heading: what the text is about (e.g. the product), not blank
 * @param text   the text itself, not blank
 * @param source what offered it, in the user's language (e.g. {@code Sellogram Cordless drill, revision 2})
 * @since 1.5
 */
public record ReusableText(String key, String title, String text, String source) {

    public ReusableText {
        Objects.requireNonNull(key, "key");
        if (title == null || title.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reusable text needs a title and a text: " + key);
        }
    }
}
