//! The output column: losses, chart, heatmap, legend, and the model file tools.

use super::compare::compare_panel;
use super::controls::Checkbox;
use super::ctx::*;
use super::dataset::add_point;
use super::figures::live_figure_of;
use super::files::{download, on_file, Reading};
use super::readouts::{HeatmapLabel, PerfReadout, TrainingHint};
use super::timeline::{scrub, Timeline};
use crate::render::figures::{Figure, Set};

/// A read-only tip next to the pointer: x, y, text and its element id.
type Tip = UseStateHandle<Option<(f64, f64, String, &'static str)>>;

/// Properties of [`OutputColumn`].
#[derive(Properties, PartialEq)]
pub(super) struct OutputProps {
    pub ctx: Ctx,
    /// The class a click on the picture adds to the user's points.
    pub draw_class: usize,
    /// Whether training plays (the timeline pauses it).
    pub playing: bool,
    /// The picture the class paints, when open: it takes the picture's place.
    pub picture: Option<Rc<crate::engine::picture::Picture>>,
}

/// The output column, with the tip its pictures show under the pointer (its own state).
#[function_component(OutputColumn)]
pub(super) fn output_column(p: &OutputProps) -> Html {
    let ctx = &p.ctx;
    let tip = use_state(|| None);
    let s = ctx.settings();
    let c = &s.config;
    let has_val = c.data.percent_val > 0;
    // The user's points are shown in their own units: the axes follow their ranges.
    let axes = crate::live::math::shown_axes(c, s.lang);
    let at = |axis: &crate::engine::axes::Axis, v: Real| ((v - axis.min) / axis.span() * 100.0) as f64;
    let side = crate::live::layout::picture_size(crate::live::dom::window_width(), s.projector, s.compare.is_some());
    let run = ctx.run.clone();
    html! {
        <section class="column output-column" aria-label={ctx.t(Text::Output)}>
            <div class="output-head" id="output-head">
                <h2>{ ctx.t(Text::Output) }</h2>
                <button id="compare-button" class={classes!("tool", s.compare.is_some().then_some("selected"))} aria-pressed={s.compare.is_some().to_string()}
                    title={ctx.t(Text::CompareHint)} onclick={ctx.send(Action::ToggleCompare)}>{ ctx.t(Text::Compare) }</button>
            </div>
            <div class="pictures">
            if let Some(place) = vector_place(ctx, p, side) {
                <div class="picture-a">{ place }</div>
            } else {
            <div class="picture-a">
            <HeatmapLabel run={run.clone()} lang={s.lang} />
            <div class="heatmap-frame" style={format!("grid-template-columns:22px {side}px;grid-template-rows:{side}px 18px")}>
                <div class="y-ticks" id="y-ticks">{ for axes.y.ticks().into_iter().map(|t| html! {
                    <span style={format!("top:{:.2}%", 100.0 - at(&axes.y, t))}>{ axes.y.tick_label(t) }</span>
                }) }</div>
                <div id="heatmap" class="heatmap" style={format!("width:{side}px;height:{side}px")}>
                    <canvas id={ids::HEATMAP} width="100" height="100"></canvas>
                    <canvas id={ids::POINTS} style={format!("width:{side}px;height:{side}px")}
                        class={classes!((c.data.dataset == Dataset::Custom).then_some("drawing"))} onclick={add_point(ctx, p.draw_class)}
                        onmousemove={heatmap_hover(ctx, &tip)} onmouseleave={hide_tip(&tip)}></canvas>
                    if c.data.dataset == Dataset::Custom && c.data.custom_points.is_empty() {
                        <p id="empty-data-hint" class="empty-data-hint">{ ctx.t(Text::NoPointsYet) }</p>
                    }
                </div>
                <div class="x-ticks" id="x-ticks">{ for axes.x.ticks().into_iter().map(|t| html! {
                    <span style={format!("left:{:.2}%", at(&axes.x, t))}>{ axes.x.tick_label(t) }</span>
                }) }</div>
            </div>
            { axis_names(&axes) }
            </div>
            }
            // The readouts of this setup, under its picture (beside the compared one's).
            <div class="readouts-a">
            { super::curve::curve_view(ctx) }
            { metrics(ctx) }
            <TrainingHint run={run.clone()} lang={s.lang} />
            <div id="linechart">
            <canvas id={ids::LOSS_CHART} width="300" height="100" role="img" aria-label={format!("{}: {} / {}", ctx.t(Text::LossChart), ctx.t(Text::TrainingLoss), ctx.t(Text::TestLoss))}
                onmousemove={chart_hover(ctx, &tip)} onmouseleave={hide_tip(&tip)}></canvas>
            <Timeline run={run.clone()} lang={s.lang} onscrub={scrub(ctx, p.playing)} />
            <p id="chart-legend" class="chart-legend">
                <span class="legend-loss">{ ctx.t(Text::LossChart) }{ ":" }</span>
                <span class="item"><span class="line train"></span>{ ctx.t(Text::LegendTraining) }</span>
                <span class="item"><span class="line test"></span>{ ctx.t(Text::LegendTest) }</span>
                if has_val { <span class="item"><span class="line val"></span>{ ctx.t(Text::LegendValidation) }</span> }
                if s.compare.is_some() {
                    <span class="item"><span class="line second-test"></span>{ ctx.t(Text::LegendSecondTest) }</span>
                    <span class="item"><span class="line second-train"></span>{ ctx.t(Text::LegendSecondTraining) }</span>
                    if s.compare.as_ref().is_some_and(|c| c.data.percent_val > 0) {
                        <span class="item"><span class="line second-val"></span>{ ctx.t(Text::LegendSecondValidation) }</span>
                    }
                }
            </p>
            { colour_legend(ctx) }
            // How data in its own units is scaled to the plane: under the chart, so that the
            // losses and the chart stay beside the picture.
            if !c.data.dataset.is_vectors() { { data_scaling(ctx, &axes) } }
            if p.picture.is_none() && !c.data.dataset.is_vectors() {
                <super::describe::MapDescription run={run.clone()} lang={s.lang} playing={p.playing} data={ctx.t(super::dataset::dataset_text(c.data.dataset))} />
            }
            <button id="landscape-button" class="tool" aria-pressed={s.landscape.is_some().to_string()}
                onclick={ctx.send(Action::Panel(Panel::Landscape(if s.landscape.is_some() { None } else { Some(crate::engine::landscape::Plane::Principal) })))}>
                { ctx.t(Text::LandscapeButton) }</button>
            if s.config.data.dataset == Dataset::Satellite {
                <button id="scene-button" class="tool" aria-pressed={s.scene.to_string()} onclick={ctx.send(Action::Panel(Panel::Scene(!s.scene)))}>
                    { ctx.t(Text::SceneButton) }</button>
            }
            </div>
            </div>
            { compare_panel(ctx) }
            </div>
            if super::scene::narrow() { { super::scene::scene_view(ctx) } }
            if c.data.dataset == Dataset::Digits {
                <super::digits::DigitErrors run={run.clone()} lang={s.lang} digits={c.data.digits.clone()} />
            }
            { super::landscape::landscape_view(ctx) }
            <super::sweep::SweepTool ctx={ctx.clone()} />
            if let Some((x, y, text, id)) = tip.as_ref() {
                <div class="card" id={*id} style={format!("left:{x}px;top:{y}px")}>{ text.clone() }</div>
            }
            if !c.data.dataset.is_vectors() {
            <p class="text explain-output">{ ctx.t(Text::ExplainOutput) }</p>
            <div class="checks">
                if ctx.shows("showTestData") {
                    <Checkbox id="show-test-data" label={ctx.t(Text::ShowTestData)} checked={s.show_test} onchange={ctx.dispatch.reform(|v| Action::View(View::ShowTest(v)))} />
                }
                if ctx.shows("discretize") {
                    <Checkbox id="discretize" label={ctx.t(Text::Discretize)} checked={s.discretize} onchange={ctx.dispatch.reform(|v| Action::View(View::Discretize(v)))} />
                }
            </div>
            }
            <div class="file-tools">{ file_tools(ctx) }</div>
            if s.show_performance {
                <PerfReadout run={run.clone()} lang={s.lang} />
            } else {
                <div id={ids::PERF} class="perf" hidden=true></div>
            }
        </section>
    }
}

/// The picture's place for data that are not points on the plane: the picture the class
/// paints, a table's plane of two columns (or, for one column, why there is none), the
/// digits' pad; none for points.
fn vector_place(ctx: &Ctx, p: &OutputProps, side: f64) -> Option<Html> {
    let (s, run) = (ctx.settings(), ctx.run.clone());
    let c = &s.config;
    Some(if let Some(picture) = &p.picture {
        html! { <super::picture::PicturePanel {run} lang={s.lang} picture={picture.clone()} brush={p.draw_class} dispatch={ctx.dispatch.clone()} {side} /> }
    } else if let (Some(columns), Some(t)) = (crate::live::derived::table_plane_of(s), c.data.table.as_ref()) {
        html! { <super::table_plane::TablePlanePanel {run} lang={s.lang} names={t.inputs.clone()} ranges={t.ranges.clone()} {columns} dispatch={ctx.dispatch.clone()} {side} /> }
    } else if c.data.dataset == Dataset::Table {
        html! { <p id="table-picture" class="needs-plane">{ ctx.t(Text::TablePicture) }</p> }
    } else if c.data.dataset == Dataset::Digits {
        html! { <super::digits::DigitPad {run} lang={s.lang} digits={c.data.digits.clone()} /> }
    } else {
        return None;
    })
}

/// The names of the axes, for data in its own units.
fn axis_names(axes: &crate::engine::axes::Axes) -> Html {
    if axes.is_plane() {
        return html! {};
    }
    let (x, y) = (axes.x.name_or("X₁"), axes.y.name_or("X₂"));
    html! {
        <div class="axis-names">
            <p><span class="axis-key">{ "X₁" }</span>{ " = " }<span id="axis-x1">{ x }</span>{ " · " }
               <span class="axis-key">{ "X₂" }</span>{ " = " }<span id="axis-x2">{ y }</span></p>
        </div>
    }
}

/// How data in its own units is scaled to the plane the network sees.
fn data_scaling(ctx: &Ctx, axes: &crate::engine::axes::Axes) -> Html {
    if axes.is_plane() {
        return html! {};
    }
    let (x, y) = (axes.x.name_or("X₁"), axes.y.name_or("X₂"));
    let range = |axis: &crate::engine::axes::Axis| format!("{} … {}", axis.format(axis.min), axis.format(axis.max)).replace('-', "−");
    let scaling = ctx.t(Text::DataScaling).replace("{x}", &x).replace("{xr}", &range(&axes.x)).replace("{y}", &y).replace("{yr}", &range(&axes.y));
    html! { <p id="data-scaling" class="text">{ scaling }</p> }
}

pub(super) fn file_tools(ctx: &Ctx) -> Html {
    // The worker writes the files, with the weights shown here.
    use door::Export;
    let save_as = |what: Export, name: &'static str, mime: &'static str| {
        let run = ctx.run.clone();
        Callback::from(move |_| {
            run.send(Command::Export(what, Callback::from(move |text: Option<String>| text.iter().for_each(|text| download(name, mime, text)))))
        })
    };
    let save = save_as(Export::Model, "neurona-model.json", "application/json");
    let keras = save_as(Export::Keras, "neurona_model.py", "text/x-python");
    let open_model = on_file(
        ctx,
        // The worker reads the file; the setup it opens keeps the page's other settings.
        Reading::Text(|ctx, text| {
            let (settings, dispatch) = (ctx.settings.clone(), ctx.dispatch.clone());
            let then = Callback::from(move |read: door::ModelRead| match read {
                Ok(opened) => {
                    let mut settings = (*settings).clone();
                    let Some(network) = opened.network() else { return };
                    settings.config = opened.config;
                    dispatch.emit(Action::OpenModel(Box::new(settings), Rc::new(network)));
                    dispatch.emit(Action::Notes(Notes::Show(Notice::ModelLoaded)));
                    if !opened.repairs.is_empty() {
                        dispatch.emit(Action::Notes(Notes::Show(Notice::FileRepaired(opened.repairs))));
                    }
                }
                Err(why) => dispatch.emit(Action::Notes(Notes::Show(Notice::ModelRejected(why)))),
            });
            ctx.run.send(Command::ask(door::Ask::ReadModel(text), then));
        }),
    );
    html! {
        <>
            <button id="save-model" class="tool" onclick={save}>{ ctx.t(Text::ExportModel) }</button>
            <button id="export-keras" class="tool" onclick={keras}>{ ctx.t(Text::ExportKeras) }</button>
            <label class="tool file">
                { ctx.t(Text::ImportModel) }
                <input type="file" id="open-model" accept="application/json,.json" onchange={open_model} />
            </label>
            <super::export::PictureTools ctx={ctx.clone()} />
        </>
    }
}

/// Shows the losses at the epoch under the pointer on the loss chart.
fn chart_hover(ctx: &Ctx, tip: &Tip) -> Callback<MouseEvent> {
    let (ctx, tip) = (ctx.clone(), tip.clone());
    Callback::from(move |e: MouseEvent| {
        let lang = ctx.settings().lang;
        let text = ctx.run.read(|r| {
            let t = r.trainer()?;
            let points = &t.history.points;
            let (Some(first), Some(last)) = (points.first(), points.last()) else { return None };
            let target: web_sys::Element = e.target_unchecked_into();
            let width = target.get_bounding_client_rect().width().max(1.0);
            // The plot leaves room for the loss numbers on the left and a margin on the right.
            use crate::render::chart::{LEFT, RIGHT, WIDTH};
            let scale = width / WIDTH;
            let f = ((e.offset_x() as f64 - LEFT * scale) / (width - (LEFT + RIGHT) * scale)).clamp(0.0, 1.0);
            let epoch = first.epoch as f64 + f * (last.epoch - first.epoch) as f64;
            let p = points.iter().min_by(|a, b| (a.epoch as f64 - epoch).abs().total_cmp(&(b.epoch as f64 - epoch).abs())).copied();
            let p = p?;
            let mut text = format!("{} {} · {} {:.3}", Text::Epoch.get(lang), p.epoch, Text::TrainingLoss.get(lang), p.train);
            if let Some(v) = p.validation {
                text += &format!(" · {} {v:.3}", Text::ValidationLoss.get(lang));
            }
            if let Some(v) = p.test {
                text += &format!(" · {} {v:.3}", Text::TestLoss.get(lang));
            }
            Some(text)
        });
        let Some(text) = text else { return };
        tip.set(Some((e.page_x() as f64 + 12.0, e.page_y() as f64 + 12.0, text, "chart-tip")));
    })
}

fn hide_tip(tip: &Tip) -> Callback<MouseEvent> {
    let tip = tip.clone();
    Callback::from(move |_| tip.set(None))
}

/// Shows the point under the pointer and the network's output there.
fn heatmap_hover(ctx: &Ctx, tip: &Tip) -> Callback<MouseEvent> {
    let (ctx, tip) = (ctx.clone(), tip.clone());
    Callback::from(move |e: MouseEvent| {
        let (x, y) = plane_point(&e);
        if ctx.settings().inspect.is_some() {
            ctx.run.send(Command::InspectAt(x, y));
        }
        let (tip, at) = (tip.clone(), (e.page_x() as f64 + 14.0, e.page_y() as f64 + 14.0));
        ctx.run.send(Command::Describe(x, y, Callback::from(move |text: Option<String>| tip.set(text.map(|t| (at.0, at.1, t, "heatmap-tip"))))));
    })
}

/// The test, validation and training losses (and accuracies) of the run as shown.
fn metrics(ctx: &Ctx) -> Html {
    let c = &ctx.settings().config;
    let (has_val, classification) = (c.data.percent_val > 0, c.data.problem == Problem::Classification);
    html! {
    <div class="metrics">
        <div class="metric test"><span class="label">{ ctx.t(Text::TestLoss) }</span>
            { live_figure_of(ctx, ids::LOSS_TEST, Figure::Loss(Set::Test), "value") }
            if classification { <span class="acc" title={ctx.t(Text::Accuracy)}>{ ctx.t(Text::Accuracy) }{ " " }{ live_figure_of(ctx, ids::ACCURACY_TEST, Figure::Accuracy(Set::Test), "") }</span> }
        </div>
        if has_val {
            <div class="metric val"><span class="label">{ ctx.t(Text::ValidationLoss) }</span>
                { live_figure_of(ctx, ids::LOSS_VAL, Figure::Loss(Set::Validation), "value") }
                if classification { <span class="acc">{ ctx.t(Text::Accuracy) }{ " " }{ live_figure_of(ctx, ids::ACCURACY_VAL, Figure::Accuracy(Set::Validation), "") }</span> }
            </div>
        }
        <div class="metric train"><span class="label">{ ctx.t(Text::TrainingLoss) }</span>
            { live_figure_of(ctx, ids::LOSS_TRAIN, Figure::Loss(Set::Train), "value") }
            if classification { <span class="acc">{ ctx.t(Text::Accuracy) }{ " " }{ live_figure_of(ctx, ids::ACCURACY_TRAIN, Figure::Accuracy(Set::Train), "") }</span> }
        </div>
    </div>
    }
}

/// What the colours mean: each class's, or the scale from −1 to 1.
fn colour_legend(ctx: &Ctx) -> Html {
    let c = &ctx.settings().config;
    let classification = c.data.problem == Problem::Classification;
    html! { <>
    // Data of vectors has no picture of the plane to read colours on.
    if c.data.dataset.is_vectors() {
    } else if c.data.classes > 2 && classification {
        <div class="legend classes" id="class-legend">
            { for (0..c.data.classes).map(|k| html! {
                <span class="swatch-item"><span class="swatch" style={format!("background:{}", crate::render::colour::hex(crate::render::colour::CLASS_HUES[k % 4]))}></span>
                    { format!("{} {k}", ctx.t(Text::Class)) }</span>
            }) }
            <p class="text">{ ctx.t(Text::ClassLegend) }</p>
        </div>
    } else {
        <div class="legend">
            <span>{ "−1" }</span><div class="scale"></div><span>{ "1" }</span>
            <p class="text">{ ctx.t(Text::Legend) }</p>
        </div>
    }
    </> }
}
