package org.crmworkbench.plugin.tender.register;

/** The procurement procedure (DOMAIN.md section 5); the private ones are invitations by a company or authority. */
public enum ProcedureType {
    OPEN, RESTRICTED, NEGOTIATED, COMPETITIVE_DIALOGUE, MULTIPLE_PRIVATE, SINGLE_PRIVATE;

    public String labelKey() {
        return "procedure." + name().toLowerCase().replace('_', '-');
    }
}
