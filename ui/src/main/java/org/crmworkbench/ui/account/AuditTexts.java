package org.crmworkbench.ui.account;

import com.vaadin.flow.component.Component;
import org.crmworkbench.core.account.AccountLevel;
import org.crmworkbench.core.account.LifecycleStage;
import org.crmworkbench.core.audit.AuditEntry;
import org.crmworkbench.core.contact.DmuRole;
import org.crmworkbench.core.opportunity.FunnelStage;
import org.crmworkbench.core.opportunity.OpportunityStatus;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns audit entries into the user's language: field labels from the forms, enum values by their labels. */
final class AuditTexts {

    /** Fields whose label key differs from "<entity>.<field in kebab-case>". */
    private static final Map<String, String> LABELS = Map.of("ACCOUNT.accountManagerId", "account.manager",
            "OPPORTUNITY.ownerId", "opportunity.owner", "ACCOUNT.potentialValue", "account.potential-value");
    /** Fields holding an enum: how to find the value's label. */
    private static final Map<String, Function<String, String>> VALUES = Map.of(
            "ACCOUNT.stage", v -> LifecycleStage.valueOf(v).labelKey(),
            "ACCOUNT.level", v -> AccountLevel.valueOf(v).labelKey(),
            "CONTACT.dmuRole", v -> DmuRole.valueOf(v).labelKey(),
            "OPPORTUNITY.stage", v -> FunnelStage.valueOf(v).labelKey(),
            "OPPORTUNITY.status", v -> OpportunityStatus.valueOf(v).labelKey());

    private final Component translator;

    AuditTexts(Component translator) {
        this.translator = translator;
    }

    String changes(AuditEntry entry) {
        return entry.changes().stream()
                .map(change -> label(entry.entity(), change.field()) + ": "
                        + value(entry.entity(), change.field(), change.from()) + " → "
                        + value(entry.entity(), change.field(), change.to()))
                .collect(Collectors.joining("; "));
    }

    String subject(AuditEntry entry) {
        return translator.getTranslation(entry.entity().labelKey(), entry.entityId());
    }

    private String label(AuditEntry.Entity entity, String field) {
        String key = LABELS.getOrDefault(entity.name() + "." + field,
                entity.name().toLowerCase() + "." + field.replaceAll("([A-Z])", "-$1").toLowerCase());
        return translator.getTranslation(key);
    }

    private String value(AuditEntry.Entity entity, String field, String value) {
        if (value == null) {
            return "—";
        }
        if ("true".equals(value) || "false".equals(value)) {
            return translator.getTranslation("audit." + value);
        }
        var labelKey = VALUES.get(entity.name() + "." + field);
        if (labelKey != null) {
            try {
                return translator.getTranslation(labelKey.apply(value));
            } catch (IllegalArgumentException renamedSince) {
                return value;
            }
        }
        return value;
    }
}
