//! Tables with many columns: a CSV file with a header read through `#load-csv` opens a choice
//! of its columns (`#csv-columns`: a checkbox per column for the inputs; `#csv-label`: the one
//! to predict, as classes or a value; `#csv-use` applies it); the data column then names the
//! table's inputs and how each is scaled, and the picture's place says why a table has no
//! plane to show.

use super::ctx::*;
use super::files::{on_file, Reading};
use crate::engine::table::{parse_table, ChoiceProblem, Predict, Table, TableProblem};

/// The CSV file input's handler. The whole file is read first: a table (a header naming other
/// than three columns) opens the choice of its columns; points with none good change nothing;
/// otherwise the good lines replace the points (undoable) and the bad ones are named with why.
pub(super) fn csv_loader(ctx: &Ctx) -> Callback<Event> {
    on_file(
        ctx,
        Reading::Csv(
            |ctx, csv| {
                if csv.points.is_empty() {
                    ctx.dispatch.emit(Action::Notes(Notes::Show(Notice::CsvEmpty)));
                    return;
                }
                let axes = csv.axes();
                ctx.dispatch.emit(Action::Points(Points::Set(csv.points, axes)));
                if !csv.bad.is_empty() {
                    ctx.dispatch.emit(Action::Notes(Notes::Show(Notice::CsvSkipped(csv.bad))));
                }
            },
            offer,
        ),
    )
}

/// Reads a table from a CSV file's text: its columns offered to choose from, the lines that
/// were not rows named; a table that cannot be read changes nothing and says why.
fn offer(ctx: &Ctx, text: &str) {
    let show = |n: Notice| ctx.dispatch.emit(Action::Notes(Notes::Show(n)));
    match parse_table(text) {
        Ok(table) if table.rows.is_empty() => show(Notice::TableRefused(TableProblem::Cells(0))),
        Ok(table) => {
            if !table.bad.is_empty() {
                show(Notice::TableSkipped(table.bad.clone()));
            }
            ctx.dispatch.emit(Action::Points(Points::OfferTable(Some(Rc::new(table)))));
        }
        Err(problem) => show(Notice::TableRefused(problem)),
    }
}

/// Why a table or one of its lines could not be read, in words.
pub(super) fn problem_words(problem: &TableProblem, columns: usize, lang: Lang) -> String {
    match problem {
        TableProblem::NoHeader => Text::TableNoHeader.get(lang).to_string(),
        TableProblem::TooManyColumns(n) => {
            Text::TableTooManyColumns.get(lang).replace("{count}", &n.to_string()).replace("{max}", &(crate::engine::limits::MAX_INPUTS + 1).to_string())
        }
        TableProblem::SameName(name) => Text::TableSameName.get(lang).replace("{name}", name),
        TableProblem::Cells(0) => Text::TableNoRows.get(lang).to_string(),
        TableProblem::Cells(n) => Text::TableCells.get(lang).replace("{count}", &n.to_string()).replace("{columns}", &columns.to_string()),
        TableProblem::NotANumber(name) => Text::TableNotANumber.get(lang).replace("{name}", name),
        TableProblem::TooManyRows => Text::TableTooManyRows.get(lang).replace("{max}", &crate::engine::limits::MAX_POINTS.to_string()),
    }
}

/// The lines of a table that were not rows, with why (the first twenty).
pub(super) fn skipped_words(lines: &[(usize, TableProblem)], lang: Lang) -> String {
    let shown: Vec<String> = lines.iter().take(20).map(|(l, why)| format!("{} {l} ({})", Text::Line.get(lang), problem_words(why, 0, lang))).collect();
    let more = if lines.len() > 20 { format!("; … ({})", lines.len()) } else { String::new() };
    format!("{}: {}{more}", Text::CsvIgnored.get(lang), shown.join("; "))
}

/// Why columns cannot be chosen so, in words.
fn choice_words(problem: &ChoiceProblem, lang: Lang) -> String {
    match problem {
        ChoiceProblem::Columns => Text::ChoiceColumns.get(lang).to_string(),
        ChoiceProblem::Classes(n) => Text::ChoiceClasses.get(lang).replace("{count}", &n.to_string()),
        ChoiceProblem::Empty => Text::TableNoRows.get(lang).to_string(),
    }
}

/// What the choice needs: the table, and how to change the page.
#[derive(Properties, PartialEq)]
pub(super) struct ChooserProps {
    pub table: Rc<Table>,
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The choice of a table's columns: every column but the last as an input, the last to
/// predict (as classes when it holds 2 to 10 values), until the student chooses otherwise.
#[function_component(TableChooser)]
pub(super) fn table_chooser(p: &ChooserProps) -> Html {
    let n = p.table.names.len();
    let label = use_state(|| n.saturating_sub(1));
    let inputs = use_state(|| (0..n.saturating_sub(1)).collect::<Vec<usize>>());
    let table = p.table.clone();
    let predict = use_state(move || if table.holds_classes(n.saturating_sub(1)) { Predict::Class } else { Predict::Value });
    let problem = use_state(|| None::<ChoiceProblem>);
    let lang = p.lang;
    let toggle = |i: usize| {
        let inputs = inputs.clone();
        Callback::from(move |_: Event| {
            let mut next = (*inputs).clone();
            match next.iter().position(|&j| j == i) {
                Some(at) => {
                    next.remove(at);
                }
                None => next.push(i),
            }
            next.sort_unstable();
            inputs.set(next);
        })
    };
    let pick_label = {
        let (label, predict, table) = (label.clone(), predict.clone(), p.table.clone());
        Callback::from(move |e: Event| {
            let Ok(i) = e.target_unchecked_into::<HtmlSelectElement>().value().parse::<usize>() else { return };
            label.set(i);
            predict.set(if table.holds_classes(i) { Predict::Class } else { Predict::Value });
        })
    };
    let apply = {
        let (table, inputs, label, predict, problem, d) =
            (p.table.clone(), inputs.clone(), label.clone(), predict.clone(), problem.clone(), p.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let chosen: Vec<usize> = inputs.iter().copied().filter(|&i| i != *label).collect();
            match table.choose(&chosen, *label, *predict) {
                Ok(data) => {
                    d.emit(Action::Edit(Edit::Table(Box::new(data))));
                    d.emit(Action::Points(Points::OfferTable(None)));
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };
    let predict_radio = |value: Predict, id: &'static str, text: Text| {
        let predict = predict.clone();
        html! {
            <label class="radio"><input type="radio" name="csv-predict" {id} checked={*predict == value}
                onchange={Callback::from(move |_: Event| predict.set(value))} />{ text.get(lang) }</label>
        }
    };
    html! {
        <section id="csv-chooser" class="csv-chooser" aria-label={Text::TableTitle.get(lang)}>
            <h3>{ Text::TableTitle.get(lang) }</h3>
            <p class="text">{ Text::TableRows.get(lang).replace("{rows}", &p.table.rows.len().to_string()).replace("{columns}", &n.to_string()) }</p>
            <fieldset id="csv-columns">
                <legend>{ Text::TableInputs.get(lang) }</legend>
                { for p.table.names.iter().enumerate().map(|(i, name)| html! {
                    <label class="column"><input type="checkbox" data-column={name.clone()} checked={inputs.contains(&i) && i != *label}
                        disabled={i == *label} onchange={toggle(i)} />{ name.clone() }</label>
                }) }
            </fieldset>
            <label class="field"><span>{ Text::TableLabel.get(lang) }</span>
                <select id="csv-label" onchange={pick_label}>
                    { for p.table.names.iter().enumerate().map(|(i, name)| html! { <option value={i.to_string()} selected={i == *label}>{ name.clone() }</option> }) }
                </select>
            </label>
            <div class="csv-predict" role="radiogroup" aria-label={Text::TableLabel.get(lang)}>
                { predict_radio(Predict::Class, "csv-predict-class", Text::TablePredictClass) }
                { predict_radio(Predict::Value, "csv-predict-value", Text::TablePredictValue) }
            </div>
            if let Some(why) = problem.as_ref() {
                <p id="csv-problem" class="error" role="alert">{ choice_words(why, lang) }</p>
            }
            <div class="draw-buttons">
                <button id="csv-use" class="tool" onclick={apply}>{ Text::TableUse.get(lang) }</button>
                <button id="csv-cancel" class="tool" onclick={p.dispatch.reform(|_| Action::Points(Points::OfferTable(None)))}>{ Text::Cancel.get(lang) }</button>
            </div>
        </section>
    }
}

/// The inputs as the network reads them: each column scaled from its range to −1 … 1.
fn scaling_words(ctx: &Ctx) -> Option<String> {
    let t = ctx.settings().config.data.table.as_ref()?;
    let ranges: Vec<String> = t.inputs.iter().zip(&t.ranges).map(|(name, (lo, hi))| format!("{name} {lo} … {hi}")).collect();
    Some(ctx.t(Text::TableScaling).replace("{ranges}", &ranges.join(", ")))
}

/// The data column under a table's data: its inputs, what it predicts, how it is scaled, and
/// the CSV input to read another file.
pub(super) fn table_tools(ctx: &Ctx) -> Html {
    let c = &ctx.settings().config;
    let Some(t) = c.data.table.as_ref() else { return html! {} };
    let what = if t.predict == Some(Predict::Value) { Text::TablePredictValue } else { Text::TablePredictClass };
    html! {
        <div class="draw-tools" id="table-summary">
            <p class="text">{ ctx.t(Text::TableSummary).replace("{rows}", &t.labels.len().to_string()).replace("{inputs}", &t.inputs.join(", "))
                .replace("{label}", &t.label).replace("{what}", ctx.t(what)) }</p>
            <p class="text hint" id="table-scaling">{ scaling_words(ctx).unwrap_or_default() }</p>
            <p class="text hint" id="table-link">{ if link::carries_table(ctx.settings()) { ctx.t(Text::TableInLink).to_string() } else {
                ctx.t(Text::TableNotInLink).replace("{max}", &crate::engine::limits::LINK_POINTS_CHARS.to_string()) } }</p>
            <label class="tool file">{ ctx.t(Text::LoadCsv) }
                <input type="file" id="load-csv" accept=".csv,text/csv,text/plain" onchange={csv_loader(ctx)} />
            </label>
        </div>
    }
}
