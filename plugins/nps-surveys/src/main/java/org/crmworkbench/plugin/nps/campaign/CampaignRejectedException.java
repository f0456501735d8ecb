package org.crmworkbench.plugin.nps.campaign;

import java.util.Map;

/** The input breaks a rule; nothing was saved. Maps field names to message keys. */
public class CampaignRejectedException extends RuntimeException {

    private final Map<String, String> errors;

    public CampaignRejectedException(Map<String, String> errors) {
        super(errors.toString());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
