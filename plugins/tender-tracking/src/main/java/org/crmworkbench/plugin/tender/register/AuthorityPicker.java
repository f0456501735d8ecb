package org.crmworkbench.plugin.tender.register;

import com.vaadin.flow.component.combobox.ComboBox;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.plugin.tender.Controls;
import org.crmworkbench.plugin.tender.Feedback;

/**
 * Chooses the contracting authority among the core accounts, searching as one types; a name that is
 * not there yet can be created as a new account on the spot (after a confirmation).
 */
public final class AuthorityPicker extends ComboBox<Authorities.Authority> {

    public AuthorityPicker(PluginContext context) {
        var authorities = new Authorities(context.dsl(), context.accounts());
        setLabel(context.message("tender.authority"));
        setHelperText(context.message("tender.authority-help"));
        setRequiredIndicatorVisible(true);
        setItems(query -> authorities.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        setItemLabelGenerator(a -> a.city() == null || a.city().isBlank() ? a.name() : a.name() + " (" + a.city() + ")");
        setAllowCustomValue(true);
        addCustomValueSetListener(custom -> {
            String name = custom.getDetail().strip();
            if (name.isEmpty()) {
                return;
            }
            var existing = authorities.findByName(name);
            if (existing.isPresent()) {
                setValue(existing.get());
                return;
            }
            Controls.confirm(context, "authority.create-title", context.message("authority.create-text", name), "authority.create", false, () -> {
                try {
                    long id = context.accounts().create(name, Authorities.LEAD_SOURCE);
                    authorities.find(id).ifPresent(this::setValue);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    Feedback.error(context.message("authority.create-failed"));
                }
            });
        });
    }

    /** Shows the authority with this id, or nothing. */
    public void select(Long id, PluginContext context) {
        setValue(id == null ? null : new Authorities(context.dsl()).find(id).orElse(null));
    }
}
