package org.crmworkbench.ui.imports;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.crmworkbench.api.UserRef;
import org.crmworkbench.core.csv.CheckedImport;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.api.csv.CsvUploads;
import org.crmworkbench.core.csv.CsvImporter;
import org.crmworkbench.core.csv.ImportAction;
import org.crmworkbench.core.csv.ImportProblem;
import org.crmworkbench.core.csv.ImportTarget;
import org.crmworkbench.core.csv.StaleImportException;
import org.crmworkbench.core.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A CSV import screen: upload (UTF-8, {@code ;} or {@code ,}), map the columns (suggested from the
 * header), check (a dry run listing what would be created or updated and every rejected line with
 * column and reason), then import all or nothing with progress. Checking and importing run off the UI
 * thread.
 *
 * @param <T> the fields a column can be mapped to
 * @param <C> the result of a check
 */
public abstract class CsvImportView<T extends ImportTarget, C extends CheckedImport> extends VerticalLayout
        implements HasDynamicTitle {

    static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(CsvImportView.class);

    final Upload upload = new Upload();
    final UploadHandler uploadHandler;
    final Paragraph fileStatus = new Paragraph();
    final FormLayout mappingForm = new FormLayout();
    final Map<T, Select<Integer>> mapping = new LinkedHashMap<>();
    final Button check = new Button();
    final Button importButton = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span summary = new Span();
    final Grid<ImportProblem> problems = new Grid<>();
    private final CsvImporter<T, C> importer;
    private final UserRef user;
    private final String titleKey;
    private CsvFile file;
    private C result;

    /**
     * @param titleKey message key of the page title
     * @param introKey message key of the explanation above the upload
     * @param backTo   the list the import feeds, with the message key of its name
     */
    protected CsvImportView(CsvImporter<T, C> importer, CurrentUser currentUser, String titleKey, String introKey,
                            Class<? extends Component> backTo, String backKey) {
        this.importer = importer;
        this.user = currentUser.user().orElseThrow();
        this.titleKey = titleKey;
        uploadHandler = CsvUploads.inMemory(MAX_BYTES, this::load, this::showTooLarge);
        upload.setUploadHandler(uploadHandler);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(rejected -> showTooLarge());
        mappingForm.setVisible(false);
        check.setText(getTranslation("import.check"));
        check.setIcon(VaadinIcon.CHECK.create());
        check.addClickListener(click -> runCheck());
        check.setVisible(false);
        importButton.setText(getTranslation("import.run"));
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.setVisible(false);
        importButton.addClickListener(click -> runImport());
        progress.setVisible(false);
        progress.setWidth("20em");
        problems.addColumn(ImportProblem::line).setHeader(getTranslation("import.line")).setWidth("6em").setFlexGrow(0);
        problems.addColumn(p -> p.column() == null ? "—" : p.column()).setHeader(getTranslation("import.column")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.messageKey())).setHeader(getTranslation("import.reason")).setFlexGrow(3);
        problems.addColumn(p -> p.value() == null ? "" : p.value()).setHeader(getTranslation("import.value")).setFlexGrow(1);
        problems.setVisible(false);
        var back = new Button(getTranslation(backKey), VaadinIcon.ARROW_LEFT.create(),
                click -> getUI().ifPresent(current -> current.navigate(backTo)));
        back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var heading = new HorizontalLayout(back, new H2(getTranslation(titleKey)));
        heading.setAlignItems(FlexComponent.Alignment.CENTER);
        var actions = new HorizontalLayout(check, importButton, progress, summary);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        add(heading, new Paragraph(getTranslation(introKey)), upload, fileStatus, mappingForm, actions, problems);
        setFlexGrow(1, problems);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " | " + getTranslation("app.name");
    }

    private void showTooLarge() {
        file = null;
        result = null;
        showFileError(getTranslation("import.file-rejected", MAX_BYTES / 1024 / 1024));
    }

    /** Reads an uploaded file and proposes a column mapping. */
    void load(byte[] bytes) {
        result = null;
        problems.setVisible(false);
        summary.setText("");
        importButton.setEnabled(false);
        try {
            file = CsvFile.parse(bytes);
        } catch (CsvFile.UnreadableException e) {
            file = null;
            showFileError(getTranslation(e.messageKey(), e.line()));
            return;
        }
        fileStatus.setText(getTranslation("import.file-read", file.records().size(), file.header().size(),
                String.valueOf(file.separator())));
        fileStatus.removeClassName(LumoUtility.TextColor.ERROR);
        mappingForm.removeAll();
        mapping.clear();
        var suggested = importer.suggestMapping(file.header());
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < file.header().size(); i++) {
            columns.put(i, file.header().get(i).isEmpty() ? getTranslation("import.column-n", i + 1) : file.header().get(i));
        }
        for (T target : importer.targets()) {
            var select = new Select<Integer>();
            select.setLabel(getTranslation(target.labelKey()));
            select.setItems(columns.keySet());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("import.not-imported"));
            select.setItemLabelGenerator(column -> column == null ? getTranslation("import.not-imported") : columns.get(column));
            select.setValue(suggested.get(target));
            select.addValueChangeListener(change -> importButton.setEnabled(false));
            mapping.put(target, select);
            mappingForm.add(select);
        }
        mappingForm.setVisible(true);
        check.setVisible(true);
        importButton.setVisible(true);
    }

    private void runCheck() {
        if (file == null) {
            return;
        }
        var chosen = new LinkedHashMap<T, Integer>();
        mapping.forEach((target, select) -> {
            if (select.getValue() != null) {
                chosen.put(target, select.getValue());
            }
        });
        var checkedFile = file;
        inBackground(() -> importer.check(checkedFile, chosen, user), checked -> {
            if (file != checkedFile) {
                return; // another file was uploaded meanwhile: this check is about the old one
            }
            result = checked;
            summary.setText(getTranslation("import.summary", checked.count(ImportAction.CREATE),
                    checked.count(ImportAction.UPDATE), checked.count(ImportAction.REJECT)));
            problems.setItems(checked.problems());
            problems.setVisible(!checked.problems().isEmpty());
            importButton.setEnabled(checked.problems().isEmpty() && checked.lines() > 0);
        }, true);
    }

    private void runImport() {
        if (result == null || !result.problems().isEmpty()) {
            return;
        }
        var checked = result;
        int total = checked.lines();
        progress.setIndeterminate(false);
        progress.setMin(0);
        progress.setMax(Math.max(1, total));
        progress.setValue(0);
        var ui = UI.getCurrent();
        inBackground(() -> importer.apply(checked, user, done -> {
            try {
                ui.access(() -> progress.setValue(done));
            } catch (UIDetachedException closed) {
                // the tab was closed: the import goes on without showing progress
            }
        }), outcome -> {
            result = null;
            importButton.setEnabled(false);
            summary.setText(getTranslation("import.done", outcome.created(), outcome.updated()));
            Notification.show(getTranslation("import.done", outcome.created(), outcome.updated()), 8000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }, false);
    }

    /** Runs work off the UI thread; the UI polls for the result and shows a progress bar meanwhile. */
    private <R> void inBackground(Supplier<R> work, Consumer<R> done, boolean indeterminate) {
        var ui = UI.getCurrent();
        check.setEnabled(false);
        importButton.setEnabled(false);
        mappingForm.setEnabled(false);
        upload.setEnabled(false);
        progress.setVisible(true);
        progress.setIndeterminate(indeterminate);
        ui.setPollInterval(500);
        Thread.ofVirtual().name("csv-import").start(() -> {
            R value = null;
            String failure = null;
            try {
                value = work.get();
            } catch (StaleImportException e) {
                failure = "import.stale";
            } catch (RuntimeException e) {
                log.error("CSV import failed", e);
                failure = "import.failed";
            }
            R outcome = value;
            String failureKey = failure;
            ui.access(() -> {
                ui.setPollInterval(-1);
                progress.setVisible(false);
                check.setEnabled(true);
                mappingForm.setEnabled(true);
                upload.setEnabled(true);
                if (failureKey != null) {
                    result = null;
                    summary.setText(getTranslation(failureKey));
                    Notification.show(getTranslation(failureKey), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                } else {
                    done.accept(outcome);
                }
            });
        });
    }

    private void showFileError(String message) {
        fileStatus.setText(message);
        fileStatus.addClassName(LumoUtility.TextColor.ERROR);
        mappingForm.setVisible(false);
        check.setVisible(false);
        importButton.setVisible(false);
        problems.setVisible(false);
    }
}
