package org.crmworkbench.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;

import java.util.ArrayList;
import java.util.List;

/** Hostile input for the bad-input tests, and a check that no element renders it as markup. */
public final class BadInput {

    /** Every character that means something in SQL or in a LIKE pattern, MariaDB's backslash included. */
    public static final String SQL = "O'Brien \"quoted\"; DROP TABLE account; -- \\ 100% _x_ `tick`";

    /** Markup that runs script when a browser interprets it instead of showing it. */
    public static final String HTML = "<img src=x onerror=alert(1)><script>alert('x')</script>";

    private BadInput() {
    }

    /** A string of the given length, to exceed a column. */
    public static String ofLength(int length) {
        return "x".repeat(length);
    }

    /**
     * The elements under the component whose {@code innerHTML} property carries the text: the ones a
     * browser would interpret as markup (an {@code Html} component, or code that sets innerHTML).
     */
    public static List<Element> asMarkup(Component root, String text) {
        var found = new ArrayList<Element>();
        collect(root.getElement(), text, found);
        return found;
    }

    private static void collect(Element element, String text, List<Element> found) {
        String inner = element.getProperty("innerHTML");
        if (inner != null && inner.contains(text)) {
            found.add(element);
        }
        String outer = element.getProperty("outerHTML");
        if (outer != null && outer.contains(text)) {
            found.add(element);
        }
        element.getChildren().forEach(child -> collect(child, text, found));
    }
}
