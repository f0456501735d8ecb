package org.crmworkbench.plugin.value.motive;

import java.util.Locale;

/**
 * A buying motive (koopmotief) of the catalogue.
 *
 * @param position place in the catalogue; argumentations follow this order
 */
public record Motive(long id, String nameEn, String nameNl, MotiveKind kind, int position, boolean active, int version) {

    /** The name in Dutch for a Dutch locale, in English otherwise. */
    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
