//! The data column: data sets, ratio, noise, batch size, and the user's own points.

use super::controls::Slider;
use super::ctx::*;
use super::files::download;
use crate::engine::limits::{Limit, BATCH_SLIDER, NOISE, PERCENT_TRAIN};

pub(super) fn dataset_text(d: Dataset) -> Text {
    match d {
        Dataset::Circle => Text::DatasetCircle,
        Dataset::Xor => Text::DatasetXor,
        Dataset::Gauss => Text::DatasetGauss,
        Dataset::Spiral => Text::DatasetSpiral,
        Dataset::RegPlane => Text::DatasetPlane,
        Dataset::RegGauss => Text::DatasetMultiGauss,
        Dataset::LogicOr => Text::DatasetOr,
        Dataset::LogicAnd => Text::DatasetAnd,
        Dataset::LogicXor => Text::DatasetLogicXor,
        Dataset::Moons => Text::DatasetMoons,
        Dataset::Checkerboard => Text::DatasetCheckerboard,
        Dataset::Blobs => Text::DatasetBlobs,
        Dataset::PassFail => Text::DatasetPassFail,
        Dataset::Satellite => Text::DatasetSatellite,
        Dataset::Digits => Text::DatasetDigits,
        Dataset::Table => Text::DatasetTable,
        Dataset::Custom => Text::DatasetCustom,
        Dataset::CurveSine => Text::DatasetCurveSine,
        Dataset::CurveStep => Text::DatasetCurveStep,
        Dataset::CurveAbs => Text::DatasetCurveAbs,
    }
}

/// A fresh seed for "Regenerate", drawn from the browser's crypto source; below 10⁹ like
/// TensorFlow Playground's, so that it stays short in a link. Should the source fail, the
/// clock still gives a seed other than the last.
pub(super) fn new_seed() -> u64 {
    getrandom::u64().unwrap_or_else(|_| js_sys::Date::now() as u64) % 1_000_000_000
}

/// The data sets offered for the current problem.
pub(super) fn offered_datasets(s: &Settings) -> Vec<Dataset> {
    let c = &s.config;
    let mut sets = if c.data.problem == Problem::Regression {
        Dataset::REGRESSION.to_vec()
    } else {
        let mut sets = if c.data.classes > 2 && c.data.dataset != Dataset::Digits { Dataset::MULTICLASS.to_vec() } else { Dataset::CLASSIFICATION.to_vec() };
        sets.extend([Dataset::Digits, Dataset::Custom]);
        sets
    };
    // A table read from a file is chosen while its data are trained on.
    if c.data.dataset == Dataset::Table && crate::engine::picture::picture_of(c).is_none() {
        sets.push(Dataset::Table);
    }
    sets
}

/// Has the worker draw every data set's thumbnail points for this seed, noise and number of
/// classes, and draws them when they come.
pub(super) fn draw_dataset_thumbnails(run: &RunDoor, seed: u64, noise: u32, classes: usize) {
    if let Some(c) = canvas_by_id("dataset-digits") {
        super::digits::draw_icon(&c);
    }
    if let Some(c) = canvas_by_id("dataset-picture") {
        super::picture::draw_icon(&c, seed);
    }
    let draw = Callback::from(move |sets: Vec<(Dataset, Vec<crate::engine::Point>)>| {
        for (d, points) in sets {
            if let Some(c) = canvas_by_id(&format!("dataset-{}", d.name())) {
                let k = if matches!(d, Dataset::Blobs | Dataset::Spiral) { classes } else { 2 };
                draw_data_thumbnail(&c, &points, k, 1.3);
            }
        }
    });
    run.send(Command::ask(door::Ask::Thumbnails { seed, noise, classes }, draw));
}

/// Properties of [`DataColumn`].
#[derive(Properties, PartialEq)]
pub(super) struct DataProps {
    pub ctx: Ctx,
    /// The class a click adds.
    pub draw_class: usize,
    /// The points before the last clear or CSV load are kept: "undo" is offered.
    pub can_undo: bool,
    /// A table read from a CSV file, its columns to be chosen.
    pub table: Option<Rc<crate::engine::table::Table>>,
    /// The picture the class paints, when open.
    pub picture: Option<Rc<crate::engine::picture::Picture>>,
}

/// The data column: data sets, the split, noise, batch size, the user's own points.
#[function_component(DataColumn)]
pub(super) fn data_column(p: &DataProps) -> Html {
    let ctx = &p.ctx;
    let s = ctx.settings();
    let c = &s.config;
    let val_test = 100 - c.data.percent_train - c.data.percent_val;
    let slider = |id: &'static str, label: Text, value: u32, limit: Limit, shown: String, make: fn(u32) -> Action| {
        html! {
            if ctx.shows(id) {
                <Slider {id} label={ctx.t(label)} {limit} {value} {shown} oninput={ctx.dispatch.reform(make)} />
            }
        }
    };
    let regenerate = {
        let d = ctx.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Edit(Edit::Seed(new_seed()))))
    };
    let export_data = {
        let (run, lang) = (ctx.run.clone(), s.lang);
        Callback::from(move |_| {
            if let Some(csv) = run.read(|r| r.teaching(None).map(|t| t.data_csv(lang))) {
                download("neurona_data.csv", "text/csv", &csv);
            }
        })
    };
    html! {
        <section class="column data-column" aria-label={ctx.t(Text::Data)}>
            <h2>{ ctx.t(Text::Data) }</h2>
            if ctx.shows("dataset") {
                <p class="text">{ ctx.t(Text::WhichDataset) }</p>
                // One list of keyed buttons (the picture's last), so that a button added keeps
                // the others and their pictures.
                <div class="datasets" role="radiogroup" aria-label={ctx.t(Text::WhichDataset)}>
                    { for offered_datasets(s).into_iter().map(|d| {
                        let label = ctx.t(dataset_text(d));
                        let selected = d == c.data.dataset && p.picture.is_none();
                        html! {
                            <button key={d.name()} class={classes!("dataset", selected.then_some("selected"))} id={format!("dataset-button-{}", d.name())}
                                role="radio" aria-checked={selected.to_string()} aria-label={label} title={label}
                                onclick={ctx.send(Action::Edit(Edit::Dataset(d)))}>
                                <canvas id={format!("dataset-{}", d.name())} width="52" height="52"
                                    data-dataset={(!d.is_regression()).then(|| d.name())}
                                    data-regDataset={d.is_regression().then(|| d.name())}></canvas>
                                <span class="dataset-name">{ label }</span>
                            </button>
                        }
                    }).chain((c.data.problem == Problem::Classification).then(|| super::picture::picture_button(ctx, p.picture.is_some()))) }
                </div>
            }
            { slider("percTrainData", if c.data.percent_val > 0 { Text::RatioTrainValTest } else { Text::RatioTrain }, c.data.percent_train, PERCENT_TRAIN,
                if c.data.percent_val > 0 { format!("{}% / {}% / {}%", c.data.percent_train, c.data.percent_val, val_test) } else { format!("{}%", c.data.percent_train) },
                |v| Action::Edit(Edit::PercentTrain(v))) }
            if !c.data.dataset.is_vectors() {
                { slider("noise", Text::Noise, c.data.noise, NOISE, c.data.noise.to_string(), |v| Action::Edit(Edit::Noise(v))) }
            }
            if c.data.dataset == Dataset::Digits { { super::digits::digit_choice(ctx) } }
            { slider("batchSize", Text::BatchSize, c.training.batch_size.min(BATCH_SLIDER.max as usize) as u32, BATCH_SLIDER,
                if c.training.batch_size >= FULL_BATCH { ctx.t(Text::All).to_string() } else { c.training.batch_size.to_string() },
                |v| Action::Edit(Edit::BatchSize(v as usize))) }
            if let Some(table) = &p.table {
                <super::table::TableChooser table={table.clone()} lang={s.lang} dispatch={ctx.dispatch.clone()} />
            }
            if c.data.dataset == Dataset::Custom { { draw_tools(ctx, p.draw_class, p.can_undo) } }
            if let Some(picture) = &p.picture {
                { super::picture::picture_tools(ctx, picture) }
            } else if c.data.dataset == Dataset::Table {
                { super::table::table_tools(ctx) }
            }
            <button id="data-regen-button" class="tool wide" onclick={regenerate}>{ ctx.t(Text::Regenerate) }</button>
            <button id="export-data" class="tool wide" title={ctx.t(Text::ExportDataHint)} onclick={export_data}>{ ctx.t(Text::ExportData) }</button>
        </section>
    }
}

/// A click on the output picture adds a point there when the data is the user's.
pub(super) fn add_point(ctx: &Ctx, draw_class: usize) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |e: MouseEvent| {
        let c = &ctx.settings().config;
        if c.data.dataset != Dataset::Custom {
            return;
        }
        // The point is kept in the data's own units.
        let (x, y) = plane_point(&e);
        let (x, y) = c.data.axes.from_plane(x, y);
        let k = c.data.classes.max(2);
        let mut class = draw_class.min(k - 1);
        if e.shift_key() && k == 2 {
            class = 1 - class;
        }
        let label = if k == 2 {
            if class == 1 {
                1.0
            } else {
                -1.0
            }
        } else {
            class as Real
        };
        ctx.dispatch.emit(Action::Points(Points::Add(crate::engine::Point { x, y, label })));
    })
}

/// Class chooser, clear and CSV loading for the user's own points.
pub(super) fn draw_tools(ctx: &Ctx, draw_class: usize, can_undo: bool) -> Html {
    let c = &ctx.settings().config;
    let k = c.data.classes.max(2);
    let load = super::table::csv_loader(ctx);
    let export_csv = {
        let (points, axes) = (c.data.custom_points.clone(), c.data.axes.clone());
        Callback::from(move |_: MouseEvent| download("neurona_points.csv", "text/csv", &crate::engine::csv::points_csv(&points, &axes)))
    };
    let too_many_for_link = crate::engine::normalize::points_text(&c.data.custom_points, &c.data.axes).len() > crate::engine::limits::LINK_POINTS_CHARS;
    let colour = |class: usize| crate::render::colour::hex(crate::render::colour::class_colour(class, k));
    html! {
        <div class="draw-tools">
            <p class="text hint">{ ctx.t(Text::DrawHint).replace("{max}", &crate::engine::limits::MAX_POINTS.to_string()) }</p>
            <div class="draw-classes" role="radiogroup" aria-label={ctx.t(Text::DrawClass)}>
                { for (0..k).rev().map(|class| {
                    let selected = draw_class.min(k - 1) == class;
                    html! {
                        <button id={format!("draw-class-{class}")} class={classes!("swatch-button", selected.then_some("selected"))}
                            role="radio" aria-checked={selected.to_string()}
                            aria-label={format!("{} {}", ctx.t(Text::DrawClass), if k == 2 { ["−1", "+1"][class].to_string() } else { class.to_string() })}
                            style={format!("background:{}", colour(class))}
                            onclick={ctx.send(Action::Points(Points::DrawClass(class)))}></button>
                    }
                }) }
                <span class="count" id="point-count">{ points_words(c.data.custom_points.len(), ctx.settings().lang) }</span>
            </div>
            if too_many_for_link {
                <p id="points-not-in-link" class="text hint">{ ctx.t(Text::PointsNotInLink) }</p>
            }
            <div class="draw-buttons">
                <button id="clear-points" class="tool" onclick={ctx.send(Action::Points(Points::Clear))}>{ ctx.t(Text::ClearPoints) }</button>
                if can_undo {
                    <button id="undo-points" class="tool" onclick={ctx.send(Action::Points(Points::Undo))}>{ ctx.t(Text::UndoPoints) }</button>
                }
                <button id="export-csv" class="tool" onclick={export_csv}>{ ctx.t(Text::ExportCsv) }</button>
                <label class="tool file">{ ctx.t(Text::LoadCsv) }
                    <input type="file" id="load-csv" accept=".csv,text/csv,text/plain" onchange={load} />
                </label>
            </div>
        </div>
    }
}
