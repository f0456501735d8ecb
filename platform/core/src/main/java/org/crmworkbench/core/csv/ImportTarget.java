package org.crmworkbench.core.csv;

import java.util.List;
import java.util.Locale;

/** A field a CSV column can be mapped to in an import. */
public interface ImportTarget {

    /** The message key of the field's label. */
    String labelKey();

    /** Whether a header names this field (its own name or a known alias, case and punctuation ignored). */
    boolean matches(String header);

    /** Whether a header, normalised, is one of the names (normalised aliases or the field name). */
    static boolean named(String header, String field, List<String> aliases) {
        String h = normalise(header);
        return h.equals(normalise(field)) || aliases.contains(h);
    }

    /** Lower case, letters and digits only: "KvK-nummer" and "kvk nummer" both become "kvknummer". */
    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
