package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Limits a text input to its column's length, with a message. The browser stops typing at the limit,
 * but a pasted or forged value still reaches the server, where the field's own validation marks it
 * invalid; without a message of its own that shows an empty error.
 */
public final class MaxLength {

    private static final String MESSAGE = "field.error.max-length";

    private MaxLength() {
    }

    public static void of(TextField field, int max) {
        field.setMaxLength(max);
        field.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(field.getTranslation(MESSAGE, max)));
    }

    public static void of(TextArea field, int max) {
        field.setMaxLength(max);
        field.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(field.getTranslation(MESSAGE, max)));
    }

    /** Also says what is wrong with a value that is no e-mail address. */
    public static void of(EmailField field, int max, String badAddressKey) {
        field.setMaxLength(max);
        field.setI18n(new EmailField.EmailFieldI18n().setMaxLengthErrorMessage(field.getTranslation(MESSAGE, max))
                .setPatternErrorMessage(field.getTranslation(badAddressKey)));
    }
}
