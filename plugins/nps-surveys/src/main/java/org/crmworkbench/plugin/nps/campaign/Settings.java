package org.crmworkbench.plugin.nps.campaign;

import org.jooq.DSLContext;

import java.util.LinkedHashMap;

import static org.crmworkbench.plugin.nps.jooq.Tables.SETTINGS;

/**
 * The survey settings of this workbench.
 *
 * @param organisation  named in the default question
 * @param fatigueDays   nobody is invited again within this many days of an invitation (0..3650)
 * @param followUpDays  days a detractor's follow-up task is due after the answer (0..365)
 * @param version       for optimistic locking
 */
public record Settings(String organisation, int fatigueDays, int followUpDays, int version) {

    public static Settings load(DSLContext dsl) {
        var record = dsl.selectFrom(SETTINGS).where(SETTINGS.ID.eq(1)).fetchSingle();
        return new Settings(record.getOrganisation(), record.getFatigueDays(), record.getFollowUpDays(), record.getVersion());
    }

    /**
     * Stores new settings over those with {@code version}.
     *
     * @throws CampaignRejectedException when a value is out of range
     * @throws CampaignChangedException  when someone saved them in between
     */
    public void save(DSLContext dsl) {
        var errors = new LinkedHashMap<String, String>();
        if (organisation == null || organisation.isBlank() || organisation.strip().length() > 200) {
            errors.put("organisation", "settings.error.organisation");
        }
        if (fatigueDays < 0 || fatigueDays > 3650) {
            errors.put("fatigueDays", "settings.error.fatigue");
        }
        if (followUpDays < 0 || followUpDays > 365) {
            errors.put("followUpDays", "settings.error.follow-up");
        }
        if (!errors.isEmpty()) {
            throw new CampaignRejectedException(errors);
        }
        int rows = dsl.update(SETTINGS).set(SETTINGS.ORGANISATION, organisation.strip())
                .set(SETTINGS.FATIGUE_DAYS, fatigueDays).set(SETTINGS.FOLLOW_UP_DAYS, followUpDays)
                .set(SETTINGS.VERSION, SETTINGS.VERSION.plus(1))
                .where(SETTINGS.ID.eq(1).and(SETTINGS.VERSION.eq(version))).execute();
        if (rows == 0) {
            throw new CampaignChangedException();
        }
    }
}
