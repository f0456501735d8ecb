package org.crmworkbench.plugin.chain;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.crmworkbench.api.PluginContext;

/** The small controls the plugin's views share: icon buttons in lists and confirmations. */
public final class Controls {

    private Controls() {
    }

    /** A small icon-only button, labelled for screen readers and with a tooltip. */
    public static Button icon(PluginContext context, VaadinIcon icon, String labelKey, Runnable action) {
        var button = new Button(icon.create(), click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(context.message(labelKey));
        button.setTooltipText(context.message(labelKey));
        return button;
    }

    /**
     * Asks before deleting, with the red confirm button.
     *
     * @param text the question, already formatted
     */
    public static void confirmDelete(PluginContext context, String titleKey, String text, String confirmKey, Runnable action) {
        var confirm = new ConfirmDialog(context.message(titleKey), text, context.message(confirmKey), ok -> action.run(),
                context.message("action.cancel"), cancel -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
