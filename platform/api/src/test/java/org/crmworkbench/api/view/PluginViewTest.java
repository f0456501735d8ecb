package org.crmworkbench.api.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginViewTest {

    @Tag("div")
    static class Div extends Component {
    }

    @Test
    void nested_lower_case_paths_are_accepted() {
        assertThat(PluginView.menu("models/edit-criteria", Div.class, "x.menu", "STAR").path())
                .isEqualTo("models/edit-criteria");
    }

    @Test
    void paths_that_could_leave_the_plugin_namespace_are_refused() {
        for (String path : new String[]{"/admin", "../admin", "", "Models", "a//b", "a/", "a b"}) {
            assertThatThrownBy(() -> PluginView.menu(path, Div.class, null, null))
                    .as(path).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PublicRouteContribution.PublicRoute(path, Div.class))
                    .as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_view_without_label_has_no_menu_entry() {
        assertThat(new PluginView("x", Div.class, null, null, null, 1).inMenu()).isFalse();
    }
}
