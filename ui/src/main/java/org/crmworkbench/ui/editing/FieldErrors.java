package org.crmworkbench.ui.editing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;

import java.util.Map;

/** Shows a service's verdict ({@code InvalidInputException.errors()}) next to the fields it concerns. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * @param fields    field name (as in the record's data type) to its input component
     * @param errors    field name to message key
     * @param translator any component of the form, to translate the keys in the user's language
     */
    public static void show(Map<String, ? extends HasValidation> fields, Map<String, String> errors, Component translator) {
        errors.forEach((field, key) -> {
            HasValidation component = fields.get(field);
            if (component != null) {
                component.setErrorMessage(translator.getTranslation(key));
                component.setInvalid(true);
            }
        });
    }
}
