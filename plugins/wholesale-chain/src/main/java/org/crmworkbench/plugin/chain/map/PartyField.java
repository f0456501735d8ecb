package org.crmworkbench.plugin.chain.map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.crmworkbench.api.PluginContext;

/** One side of a link: our own company (ticked) or a core account. */
final class PartyField extends HorizontalLayout implements HasValidation {

    final Checkbox us;
    final AccountPicker account;

    PartyField(PluginContext context, String label) {
        account = new AccountPicker(context, label, false);
        us = new Checkbox(context.message("party.us"));
        us.addValueChangeListener(change -> account.setEnabled(!change.getValue()));
        setAlignItems(FlexComponent.Alignment.BASELINE);
        add(account, us);
        account.setWidth("18rem");
    }

    void show(Party party) {
        us.setValue(party == null || party.us());
        account.select(party == null ? null : party.accountId());
    }

    /** The chosen account, null for our company; {@code -1} when neither is chosen. */
    Long accountId() {
        if (us.getValue()) {
            return null;
        }
        return account.selectedId() == null ? -1L : account.selectedId();
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        account.setErrorMessage(errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return account.getErrorMessage();
    }

    @Override
    public void setInvalid(boolean invalid) {
        account.setInvalid(invalid);
    }

    @Override
    public boolean isInvalid() {
        return account.isInvalid();
    }
}
