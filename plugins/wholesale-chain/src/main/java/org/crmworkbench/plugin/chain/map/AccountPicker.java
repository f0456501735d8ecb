package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.combobox.ComboBox;
import org.crmworkbench.api.PluginContext;

/** Chooses a core account, searching as one types. */
public final class AccountPicker extends ComboBox<AccountLookup.Account> {

    private final AccountLookup lookup;

    public AccountPicker(PluginContext context, String label, boolean withLinksOfOurs) {
        this.lookup = new AccountLookup(context.dsl(), context.accounts());
        setLabel(label);
        setItems(query -> lookup.search(query.getFilter().orElse(""), withLinksOfOurs, query.getOffset(), query.getLimit()).stream());
        setItemLabelGenerator(a -> a.city() == null || a.city().isBlank() ? a.name() : a.name() + " (" + a.city() + ")");
        setClearButtonVisible(true);
    }

    public void select(Long id) {
        setValue(id == null ? null : lookup.find(id).orElse(null));
    }

    public Long selectedId() {
        return getValue() == null ? null : getValue().id();
    }
}
