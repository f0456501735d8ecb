package org.crmworkbench.plugin.tender.transfer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.crmworkbench.api.csv.CsvUploads;
import org.crmworkbench.api.PluginContext;
import org.crmworkbench.api.csv.CsvFile;
import org.crmworkbench.plugin.tender.Feedback;
import org.crmworkbench.plugin.tender.InputRejectedException;
import org.crmworkbench.plugin.tender.register.Tenders;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Imports tender notices from a portal's CSV export: upload, check the column mapping (guessed from
 * the headers, changeable per field), see every problem by line, then import all or nothing.
 */
public final class ImportDialog extends Dialog {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    final Upload upload = new Upload();
    final TextField source = new TextField();
    final FormLayout mapping = new FormLayout();
    final Map<ImportField, Select<Integer>> columns = new EnumMap<>(ImportField.class);
    final Paragraph status = new Paragraph();
    final Grid<ImportProblem> problems = new Grid<>();
    final Button run = new Button();
    private final PluginContext context;
    private final TenderImport importer;
    private final Runnable done;
    private CsvFile file;
    private TenderImport.Checked checked;

    public ImportDialog(PluginContext context, Runnable done) {
        this.context = context;
        this.done = done;
        var tenders = new Tenders(context.dsl(), context.clock(), null, context::requirePermission);
        this.importer = new TenderImport(context.dsl(), tenders, context.accounts(), context::requirePermission);
        setHeaderTitle(context.message("import.title"));
        setWidth("52rem");
        upload.setUploadHandler(CsvUploads.inMemory(MAX_BYTES, this::read,
                () -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.addFileRejectedListener(rejected -> status.setText(context.message("import.file-rejected", MAX_BYTES / 1024 / 1024)));
        source.setLabel(context.message("import.source"));
        source.setHelperText(context.message("import.source-help"));
        source.setMaxLength(100);
        source.addValueChangeListener(change -> check());
        mapping.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        mapping.setVisible(false);
        problems.addColumn(ImportProblem::line).setHeader(context.message("import.line")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(p -> p.field() == null ? "" : context.message(p.field().labelKey())).setHeader(context.message("import.column"))
                .setAutoWidth(true);
        problems.addColumn(p -> context.message(p.messageKey(), p.value())).setHeader(context.message("import.problem")).setFlexGrow(3);
        problems.setVisible(false);
        problems.setHeight("14rem");
        run.setText(context.message("import.run"));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(false);
        run.addClickListener(click -> runImport());
        add(new Paragraph(context.message("import.intro")), upload, source, mapping, status, problems);
        getFooter().add(new Button(context.message("action.close"), click -> close()), run);
    }

    void read(byte[] bytes) {
        file = null;
        mapping.removeAll();
        columns.clear();
        try {
            file = CsvFile.parse(bytes);
        } catch (CsvFile.UnreadableException e) {
            status.setText(context.message(e.messageKey(), e.line()));
            mapping.setVisible(false);
            problems.setVisible(false);
            run.setEnabled(false);
            return;
        }
        var guessed = TenderImport.guessMapping(file.header());
        List<Integer> indexes = IntStream.range(0, file.header().size()).boxed().toList();
        for (ImportField field : ImportField.values()) {
            var select = new Select<Integer>();
            select.setLabel(context.message(field.labelKey()) + (field.required() ? " *" : ""));
            select.setItems(indexes);
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(context.message("import.not-in-file"));
            select.setItemLabelGenerator(i -> i == null ? context.message("import.not-in-file") : file.header().get(i));
            select.setValue(guessed.get(field));
            select.addValueChangeListener(change -> check());
            columns.put(field, select);
            mapping.add(select);
        }
        mapping.setVisible(true);
        check();
    }

    void check() {
        if (file == null) {
            return;
        }
        var chosen = new EnumMap<ImportField, Integer>(ImportField.class);
        columns.forEach((field, select) -> {
            if (select.getValue() != null) {
                chosen.put(field, select.getValue());
            }
        });
        checked = importer.check(file, chosen, source.getValue());
        problems.setItems(checked.problems());
        problems.setVisible(!checked.problems().isEmpty());
        run.setEnabled(checked.importable());
        status.setText(!checked.problems().isEmpty() ? context.message("import.problems", checked.problems().size())
                : checked.rows().isEmpty() ? context.message("import.nothing", checked.skipped())
                : context.message("import.ready", checked.rows().size(), checked.newAuthorities(), checked.skipped()));
    }

    /*
     * Runs in the request: new authorities are created as the signed-in user, whom the platform knows
     * on the request thread only; the tenders go in with multi-row inserts, a few milliseconds for a
     * portal export of hundreds of notices (the upload is limited to 5 MB).
     */
    void runImport() {
        if (checked == null || !checked.importable()) {
            return;
        }
        try {
            var outcome = importer.run(checked, Feedback.by(context));
            Feedback.success(context.message("import.done", outcome.imported(), outcome.authoritiesCreated(), outcome.skipped()));
            done.run();
            close();
        } catch (InputRejectedException e) {
            Feedback.rejected(context, e, Map.of());
            check();
        } catch (RuntimeException e) {
            Feedback.error(context.message("import.failed"));
        }
    }
}
