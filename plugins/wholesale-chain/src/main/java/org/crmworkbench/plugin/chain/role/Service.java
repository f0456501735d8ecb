package org.crmworkbench.plugin.chain.role;

import java.util.Locale;

/** A value added service from the catalogue, with the role it backs. */
public record Service(long id, String nameEn, String nameNl, Role role, boolean active, int version) {

    public String name(Locale locale) {
        return "nl".equals(locale.getLanguage()) ? nameNl : nameEn;
    }
}
