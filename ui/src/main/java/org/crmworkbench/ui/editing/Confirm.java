package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The question before an action that cannot be undone: header, consequence, cancel, and a red confirm button. */
public final class Confirm {

    private Confirm() {
    }

    /** Opens the question; {@code action} runs only on confirm. All texts are already translated. */
    public static ConfirmDialog destructive(String header, String text, String cancel, String confirm, Runnable action) {
        var dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(cancel);
        dialog.setConfirmText(confirm);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(confirmed -> action.run());
        dialog.open();
        return dialog;
    }
}
