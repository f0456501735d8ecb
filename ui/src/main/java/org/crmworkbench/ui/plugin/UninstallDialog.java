package org.crmworkbench.ui.plugin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.crmworkbench.core.plugin.PluginInfo;

import java.util.function.BiConsumer;

/**
 * Asks how to uninstall: names the plugins that depend on this one and whether its data stays. Dropping
 * the schema needs a second confirmation that names the schema.
 */
final class UninstallDialog extends Dialog {

    final RadioButtonGroup<Boolean> data = new RadioButtonGroup<>();
    final Button confirm = new Button();

    UninstallDialog(PluginInfo plugin, BiConsumer<PluginInfo, Boolean> uninstall) {
        setHeaderTitle(getTranslation("plugins.uninstall.title", plugin.id()));
        if (!plugin.dependents().isEmpty()) {
            add(new Paragraph(getTranslation("plugins.uninstall.dependents")));
            var list = new UnorderedList();
            plugin.dependents().forEach(id -> list.add(new ListItem(id)));
            add(list);
        }
        data.setLabel(getTranslation("plugins.uninstall.data", plugin.schema()));
        data.setItems(false, true);
        data.setItemLabelGenerator(drop -> getTranslation(drop ? "plugins.uninstall.drop" : "plugins.uninstall.keep",
                plugin.schema()));
        data.setValue(false);
        add(data);

        confirm.setText(getTranslation("plugins.uninstall"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.addClickListener(click -> {
            if (Boolean.TRUE.equals(data.getValue())) {
                confirmDrop(plugin, uninstall);
            } else {
                close();
                uninstall.accept(plugin, false);
            }
        });
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), confirm);
    }

    private void confirmDrop(PluginInfo plugin, BiConsumer<PluginInfo, Boolean> uninstall) {
        var drop = new ConfirmDialog(getTranslation("plugins.drop.title", plugin.schema()),
                getTranslation("plugins.drop.text", plugin.schema(), plugin.id()),
                getTranslation("plugins.drop.confirm", plugin.schema()), confirmed -> {
                    close();
                    uninstall.accept(plugin, true);
                });
        drop.setCancelable(true);
        drop.setCancelText(getTranslation("action.cancel"));
        drop.setConfirmButtonTheme("error primary");
        drop.open();
    }
}
