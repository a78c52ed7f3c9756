//! Every live view drawn from the mirrored trainer: the big heatmap, the network diagram
//! (links and every node's thumbnail in one canvas), the data overlay, the charts and the
//! readouts. Each is redrawn only when what it shows has changed, so few canvases are
//! handed to the compositor per frame.

use super::ids;
use crate::app::i18n::{Lang, Text};
use crate::app::settings::Settings;
use crate::engine::diagnose::Trouble;
use crate::engine::trainer::HistoryPoint;
use crate::engine::{Activation, Dataset, EpochReport, Feature, Grid, Metrics, Real, Trainer};
use crate::render::canvas::{self, canvas_by_id};
use crate::render::colour::{fill_classes, Palette};
use crate::render::diagram::{Layout, NODE};
use crate::render::readouts::{confusion_html, draw_gradient_chart, format_epoch};
use wasm_bindgen::JsCast;

/// Cells per side of the output heatmap.
pub const GRID: usize = 100;
/// Cells per side of a neuron thumbnail (block averages of the grid).
pub const THUMB: usize = 20;
/// Side of the big heatmap in CSS pixels.
pub const HEATMAP: f64 = 300.0;
/// A grid that takes longer than this (a third of the page's 6 ms budget) is recomputed every
/// other frame while training.
const GRID_EVERY_FRAME_MS: f64 = 2.0;

/// The output picture's side in CSS pixels: 300, or larger on a wide screen (1600 pixels
/// and up) and larger still for a projector.
pub fn heatmap_size(projector: bool) -> f64 {
    let window = super::page::window_width();
    match (window >= 1600.0, projector) {
        (true, true) => 600.0,
        (true, false) => 460.0,
        (false, true) => 400.0,
        (false, false) => HEATMAP,
    }
}
/// The side of each output picture: while two setups are compared, both at the same size,
/// small enough to stand side by side.
pub fn picture_size(projector: bool, comparing: bool) -> f64 {
    let side = heatmap_size(projector);
    if comparing {
        side.min(if super::page::window_width() >= 1600.0 { 460.0 } else { HEATMAP })
    } else {
        side
    }
}

/// While training, the charts are redrawn at most this often (milliseconds); the heatmap,
/// the neurons' pictures and the figures follow every frame.
const CHARTS_EVERY_MS: f64 = 100.0;
/// Pixels each side of a gap's canvas for the width of the strokes.
pub const LINK_PAD: f64 = 6.0;

/// Which picture the big heatmap shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The network's output.
    Output,
    /// An input feature.
    Feature(Feature),
    /// Hidden neuron `neuron` of layer `layer`.
    Neuron(usize, usize),
}

/// The point whose arithmetic the neuron inspector shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InspectPoint {
    /// A training point, by its place in the training set.
    Training(usize),
    /// A point of the plane (under the pointer on the output).
    At(Real, Real),
}

/// What the loss chart last drew: history points, newest epoch, the early stop's epoch, and
/// the compared setup's point count and newest epoch.
type ChartKey = (usize, u64, Option<u64>, Option<(usize, u64)>);

/// What the threshold unit's overlay last drew: whether shown, and its w₁, w₂ and b.
type Overlay = (bool, Option<(Real, Real, Real)>);

/// The drawing state: buffers reused every frame and what each view last showed.
pub struct Views {
    grid: Grid,
    palette: Palette,
    /// The points canvas's size on screen, in CSS pixels.
    points_size: f64,
    /// The loss chart's width on screen, in CSS pixels.
    chart_width: f64,
    /// How long the last grid took, in milliseconds.
    last_grid_ms: f64,
    /// Whether the last frame left the grid as it was.
    skipped_grid: bool,
    rgba: Vec<u8>,
    /// Every node's thumbnail, stacked: inputs first, then hidden neurons in order.
    atlas_rgba: Vec<u8>,
    atlas: Option<web_sys::HtmlCanvasElement>,
    /// What the big heatmap shows.
    pub focus: Focus,
    /// A link drawn thicker (hovered): layer, neuron, input.
    pub highlight: Option<(usize, usize, usize)>,
    /// The network diagram's geometry.
    pub layout: Layout,
    /// How far the dashes of the links have flowed.
    pub dash: f64,
    charts_drawn_at: f64,
    next_gap: usize,
    last_confusion: String,
    last_gradients: Option<(Vec<f64>, Lang, Option<usize>)>,
    last_chart: Option<ChartKey>,
    last_overlay: Option<Overlay>,
    last_plot: Option<(Activation, i64)>,
}

impl Views {
    /// Views for a layout, nothing drawn yet.
    pub fn new(layout: Layout) -> Views {
        Views {
            grid: Grid::new(GRID, -6.0, 6.0),
            palette: Palette::new(),
            last_grid_ms: 0.0,
            points_size: HEATMAP,
            chart_width: crate::render::chart::WIDTH,
            skipped_grid: false,
            rgba: vec![0; GRID * GRID * 4],
            atlas_rgba: Vec::new(),
            atlas: None,
            focus: Focus::Output,
            highlight: None,
            layout,
            dash: 0.0,
            charts_drawn_at: 0.0,
            next_gap: 0,
            last_confusion: String::new(),
            last_gradients: None,
            last_chart: None,
            last_overlay: None,
            last_plot: None,
        }
    }

    /// After a change of setup or layout: everything is drawn again, the input thumbnails
    /// computed anew.
    pub fn setup_changed(&mut self, layout: Layout, trainer: Option<&Trainer>) {
        self.layout = layout;
        // The sizes the points and the chart are shown at (they follow the screen and the
        // projector mode), measured here, once per change, not while frames are drawn: a
        // measure after the frame loop's writes would make the browser lay the page out.
        let shown = |id: &str| canvas_by_id(id).map(|c| c.get_bounding_client_rect().width().round()).filter(|w| *w > 0.0);
        self.points_size = shown(ids::POINTS).unwrap_or(HEATMAP);
        self.chart_width = shown(ids::LOSS_CHART).unwrap_or(crate::render::chart::WIDTH);
        self.last_confusion.clear();
        self.last_gradients = None;
        self.last_chart = None;
        self.last_overlay = None;
        self.last_plot = None;
        let hidden: usize = trainer.map(|t| t.network.layers.iter().rev().skip(1).map(|l| l.n_out).sum()).unwrap_or(0);
        let slots = self.layout.inputs.len() + hidden;
        self.atlas_rgba.resize(slots * THUMB * THUMB * 4, 0);
        let grid = Grid::new(THUMB, -6.0, 6.0);
        for (i, &f) in self.layout.inputs.iter().enumerate() {
            let values = feature_values(f, &grid);
            self.palette.fill(&values, false, &mut self.atlas_rgba[i * THUMB * THUMB * 4..(i + 1) * THUMB * THUMB * 4]);
        }
        if let Focus::Neuron(l, j) = self.focus {
            if trainer.is_none_or(|t| l + 1 >= t.network.layers.len() || j >= t.network.layers[l].n_out) {
                self.focus = Focus::Output;
            }
        }
    }

    /// Draws every view of `trainer` (or a blank picture without one), with the loss history
    /// of a compared setup in the chart; returns the milliseconds spent evaluating the grid.
    pub fn draw_all(&mut self, trainer: Option<&Trainer>, settings: &Settings, playing: bool, stop_epoch: Option<u64>, second: Option<&[HistoryPoint]>) -> f64 {
        write_readouts(trainer, settings.lang, &mut self.last_confusion);
        let Some(t) = trainer else {
            self.draw_empty(settings.lang);
            return 0.0;
        };
        let start = now();
        // While training, a picture that takes more than a third of the page's frame budget
        // is recomputed every other frame (30 times a second); the figures and links still
        // follow every frame.
        let heavy = playing && self.last_grid_ms > GRID_EVERY_FRAME_MS && !self.skipped_grid;
        let grid_ms = if heavy {
            self.skipped_grid = true;
            0.0
        } else {
            self.skipped_grid = false;
            self.grid.evaluate(&t.network, &t.config.network.features);
            self.last_grid_ms = now() - start;
            self.draw_heatmap(t, settings);
            self.last_grid_ms
        };
        self.draw_overlay(t, settings);
        if playing {
            self.next_gap = (self.next_gap + 1) % self.layout.gaps().max(1);
            self.draw_gap(t, self.next_gap, true);
            if !heavy {
                self.draw_thumbnails(t);
            }
        } else {
            self.draw_network(t, false);
        }
        if !playing || start - self.charts_drawn_at >= CHARTS_EVERY_MS {
            self.charts_drawn_at = start;
            self.draw_charts(t, settings.lang, stop_epoch, second);
        }
        grid_ms
    }

    /// With no data to train on (the user has not drawn a point yet), a blank picture.
    fn draw_empty(&mut self, lang: Lang) {
        if let Some(c) = canvas_by_id(ids::HEATMAP) {
            for px in self.rgba.chunks_exact_mut(4) {
                px.copy_from_slice(&[0xe8, 0xea, 0xeb, 255]);
            }
            canvas::put_rgba(&c, &self.rgba, GRID as u32, GRID as u32);
        }
        let gaps = (0..self.layout.gaps()).map(ids::links_gap);
        for id in [ids::POINTS, ids::NODES].into_iter().map(String::from).chain(gaps) {
            if let Some(c) = canvas_by_id(&id) {
                let (w, h) = (c.width() as f64, c.height() as f64);
                canvas::context(&c).clear_rect(0.0, 0.0, w, h);
            }
        }
        if let Some(c) = canvas_by_id(ids::LOSS_CHART) {
            let epoch = Text::Epoch.get(lang).to_lowercase();
            let _ = crate::render::chart::draw_losses(c, &[], None, &crate::render::chart::Labels { epoch: &epoch }, None, self.chart_width);
        }
        self.last_chart = None;
        self.last_overlay = None;
    }

    /// Redraws only the big heatmap (another focus).
    pub fn redraw_heatmap(&mut self, trainer: Option<&Trainer>, settings: &Settings) {
        if let Some(t) = trainer {
            self.draw_heatmap(t, settings);
        }
    }

    fn draw_heatmap(&mut self, t: &Trainer, settings: &Settings) {
        let Some(canvas) = canvas_by_id(ids::HEATMAP) else { return };
        let discretize = settings.discretize;
        let last = t.network.layers.len() - 1;
        let out = t.network.output().activation;
        if matches!(self.focus, Focus::Neuron(l, j) if l >= last || j >= t.network.layers[l].n_out) {
            self.focus = Focus::Output;
        }
        match self.focus {
            Focus::Output if out == Activation::Softmax => {
                let k = t.config.outputs();
                fill_classes(&self.grid.workspace.a[last][..k * GRID * GRID], k, discretize, &mut self.rgba)
            }
            Focus::Output => {
                let to_scale = |v| crate::engine::trainer::score(out, v);
                self.palette.fill_mapped(self.grid.neuron(last, 0), to_scale, discretize, &mut self.rgba);
            }
            Focus::Neuron(l, j) => self.palette.fill(self.grid.neuron(l, j), discretize, &mut self.rgba),
            Focus::Feature(f) => {
                let values = feature_values(f, &self.grid);
                self.palette.fill(&values, false, &mut self.rgba);
            }
        }
        canvas::put_rgba(&canvas, &self.rgba, GRID as u32, GRID as u32);
        let lang = settings.lang;
        let shown = match self.focus {
            Focus::Output => Text::TheOutput.get(lang).to_string(),
            Focus::Feature(f) => f.label().to_string(),
            Focus::Neuron(l, j) => {
                format!("{} {}, {} {}", Text::HiddenLayer.get(lang).to_lowercase(), l + 1, Text::Neuron.get(lang), j + 1)
            }
        };
        set_text(ids::HEATMAP_LABEL, &format!("{} {shown}", Text::OutputAt.get(lang)));
    }

    /// Writes the inspected neuron's numbers at `point` into the inspector (its terms, bias,
    /// z, a and f'(z), with exact values in `data-*` attributes) and plots f with z marked.
    pub fn write_inspector(&mut self, t: &Trainer, settings: &Settings, point: InspectPoint) {
        let Some((layer, neuron)) = settings.inspect else { return };
        let (x, y, label) = match point {
            InspectPoint::Training(i) if !t.split.train.is_empty() => {
                let p = t.split.train[i % t.split.train.len()];
                let n = t.split.train.len();
                (p.x, p.y, format!("{} {} / {n}", Text::TrainingPoint.get(settings.lang), i % n + 1))
            }
            InspectPoint::Training(_) => (0.0, 0.0, String::new()),
            InspectPoint::At(x, y) => (x, y, Text::PointUnderPointer.get(settings.lang).to_string()),
        };
        let Some(m) = crate::engine::inspect::neuron_math(&t.network, &t.config.network.features, (x, y), layer - 1, neuron) else { return };
        set_text(ids::INSPECTOR_POINT, &format!("{label}: {}", point_words(&t.config, x, y, settings.lang)));
        for (i, (w, v)) in m.weights.iter().zip(&m.inputs).enumerate() {
            let Some(el) = element(&ids::inspector_term(i)) else { continue };
            let _ = el.set_attribute("data-weight", &w.to_string());
            let _ = el.set_attribute("data-x", &v.to_string());
            let text = format!("{}·{}", signed(*w), signed(*v));
            if el.text_content().as_deref() != Some(text.as_str()) {
                el.set_text_content(Some(&text));
            }
        }
        for (id, value) in [(ids::INSPECTOR_BIAS, m.bias), (ids::INSPECTOR_Z, m.z), (ids::INSPECTOR_A, m.a)] {
            if let Some(el) = element(id) {
                let _ = el.set_attribute("data-value", &value.to_string());
            }
            set_text(id, &format!("{value:.3}"));
        }
        set_text(ids::INSPECTOR_SLOPE, &format!("{:.3}", m.slope));
        // The plot changes only when z moves by a visible amount.
        let key = (m.activation, (m.z * 200.0).round() as i64);
        if self.last_plot != Some(key) {
            self.last_plot = Some(key);
            if let Some(c) = canvas_by_id(ids::INSPECTOR_PLOT) {
                canvas::draw_activation(&c, m.activation, t.network.leaky_slope, m.z, m.a);
            }
        }
    }

    /// Writes the shown layer as Z = W·X + b and A = f(Z) at four training points from
    /// `offset`: each matrix as a table and as JSON rows in `data-values`; each cell of Z
    /// carries its sum written out.
    pub fn write_matrix(&mut self, t: &Trainer, settings: &Settings, offset: usize) {
        let Some(layer) = settings.matrix else { return };
        let train = &t.split.train;
        if train.is_empty() {
            return;
        }
        let chosen: Vec<usize> = (0..4.min(train.len())).map(|k| (offset + k) % train.len()).collect();
        let points: Vec<(Real, Real)> = chosen.iter().map(|&i| (train[i].x, train[i].y)).collect();
        let Some(m) = crate::engine::inspect::layer_product(&t.network, &t.config.network.features, &points, layer - 1) else { return };
        let bias_rows: Vec<Vec<Real>> = m.b.iter().map(|&b| vec![b]).collect();
        for (id, rows) in [(ids::MATRIX_W, &m.w), (ids::MATRIX_X, &m.x), (ids::MATRIX_B, &bias_rows), (ids::MATRIX_Z, &m.z), (ids::MATRIX_A, &m.a)] {
            let Some(table) = element(id) else { continue };
            let json = serde_json::to_string(rows).unwrap_or_default();
            if table.get_attribute("data-values").as_deref() == Some(json.as_str()) {
                continue;
            }
            let _ = table.set_attribute("data-values", &json);
            let mut html = String::new();
            for (r, row) in rows.iter().enumerate() {
                html += "<tr>";
                for (p, v) in row.iter().enumerate() {
                    if id == ids::MATRIX_Z {
                        // The lecture's way: (2·−2) + (5·−2) + (2·0) + b = −14.
                        let terms: Vec<String> = m.w[r].iter().zip(&m.x).map(|(w, x)| format!("({}·{})", short(*w), short(x[p]))).collect();
                        html += &format!("<td title=\"{} + {} = {}\">{}</td>", terms.join(" + "), short(m.b[r]), short(*v), short(*v));
                    } else {
                        html += &format!("<td>{}</td>", short(*v));
                    }
                }
                html += "</tr>";
            }
            table.set_inner_html(&html);
        }
        let lang = settings.lang;
        let which: Vec<String> = chosen.iter().map(|i| (i + 1).to_string()).collect();
        set_text(ids::MATRIX_POINTS, &format!("{}: {} / {}", Text::TrainingPoints.get(lang), which.join(", "), train.len()));
    }

    /// Every link, and every node's thumbnail on a canvas of its own above them.
    pub fn draw_network(&mut self, t: &Trainer, playing: bool) {
        for g in 0..self.layout.gaps() {
            self.draw_gap(t, g, playing);
        }
        self.draw_thumbnails(t);
    }

    /// The links between two columns, on their own canvas. Stroking hundreds of curves is
    /// most of what a frame costs the browser, so while training each frame redraws one gap
    /// in turn: the cost of a frame stays small and even.
    fn draw_gap(&self, t: &Trainer, layer: usize, playing: bool) {
        let Some(c) = canvas_by_id(&ids::links_gap(layer)) else { return };
        let (x, w) = self.layout.gap_span(layer, LINK_PAD);
        let ctx = canvas::hidpi(&c, w, self.layout.height);
        let _ = ctx.translate(-x, 0.0);
        canvas::draw_links(&ctx, &self.layout, &t.network, layer, playing.then_some(self.dash), self.highlight);
    }

    /// Every node's picture: the inputs' fixed ones and each hidden neuron's output, put into
    /// one atlas and copied to their places.
    fn draw_thumbnails(&mut self, t: &Trainer) {
        let Some(c) = canvas_by_id(ids::NODES) else { return };
        let inputs = self.layout.inputs.len();
        let mut slot = inputs;
        for (l, layer) in t.network.layers.iter().enumerate().take(t.network.layers.len() - 1) {
            for j in 0..layer.n_out {
                let Some(px) = self.atlas_rgba.get_mut(slot * THUMB * THUMB * 4..(slot + 1) * THUMB * THUMB * 4) else { return };
                self.palette.fill_downsampled(self.grid.neuron(l, j), GRID, THUMB, px);
                slot += 1;
            }
        }
        let Some(atlas) = self.atlas_canvas() else { return };
        canvas::put_rgba(&atlas, &self.atlas_rgba, THUMB as u32, (self.atlas_rgba.len() / (THUMB * 4)) as u32);
        let ctx = canvas::hidpi(&c, self.layout.width, self.layout.height);
        let draw = |slot: usize, column: usize, row: usize, alpha: f64| {
            let Some(b) = self.layout.columns.get(column).and_then(|c| c.get(row)) else { return };
            ctx.set_global_alpha(alpha);
            let (t, inset) = (THUMB as f64, 1.0);
            let _ = ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
                &atlas,
                0.0,
                slot as f64 * t,
                t,
                t,
                b.x + inset,
                b.y + inset,
                NODE - 2.0 * inset,
                NODE - 2.0 * inset,
            );
        };
        for (i, f) in self.layout.inputs.iter().enumerate() {
            draw(i, 0, i, if t.config.network.features.contains(f) { 1.0 } else { 0.25 });
        }
        let mut slot = inputs;
        for (l, layer) in t.network.layers.iter().enumerate().take(t.network.layers.len() - 1) {
            for j in 0..layer.n_out {
                draw(slot, l + 1, j, 1.0);
                slot += 1;
            }
        }
        ctx.set_global_alpha(1.0);
    }

    fn atlas_canvas(&mut self) -> Option<web_sys::HtmlCanvasElement> {
        if self.atlas.is_none() {
            let doc = web_sys::window()?.document()?;
            self.atlas = doc.create_element("canvas").ok()?.dyn_into().ok();
        }
        self.atlas.clone()
    }

    /// The data points, and a single unit's decision line; redrawn only when they change.
    fn draw_overlay(&mut self, t: &Trainer, settings: &Settings) {
        let single_unit = t.config.network.hidden.is_empty() && t.config.network.features[..] == [Feature::X1, Feature::X2] && t.config.outputs() == 1;
        let out = t.network.output();
        let line = single_unit.then(|| (out.weights[0], out.weights[1], out.biases[0]));
        // The data change only with the setup, which clears `last_overlay`.
        let key = (settings.show_test, line);
        if self.last_overlay == Some(key) {
            return;
        }
        self.last_overlay = Some(key);
        let Some(c) = canvas_by_id(ids::POINTS) else { return };
        // Drawn at the size it is shown (it follows the screen).
        let size = self.points_size;
        let ctx = canvas::hidpi(&c, size, size);
        let range = (self.grid.min, self.grid.max);
        let classes = t.config.data.classes.max(2);
        let radius = 3.2 * (size / HEATMAP).sqrt();
        canvas::draw_points(&ctx, &t.split.train, size, range, classes, false, radius);
        // The user's own points are all shown, so that every point they placed is seen;
        // "show test data" then marks which of them are held out for the test.
        if settings.show_test || t.config.data.dataset == Dataset::Custom {
            canvas::draw_points(&ctx, &t.split.test, size, range, classes, settings.show_test, radius);
        }
        if let Some((w1, w2, b)) = line {
            // Every single-output unit changes class where z = w1 x1 + w2 x2 + b = 0.
            canvas::draw_decision_line(&ctx, (w1, w2), b, size, range);
        }
    }

    fn draw_charts(&mut self, t: &Trainer, lang: Lang, stop_epoch: Option<u64>, second_history: Option<&[HistoryPoint]>) {
        let points = &t.history.points;
        let second = second_history.map(|h| (h.len(), h.last().map_or(0, |p| p.epoch)));
        let key = (points.len(), points.last().map_or(0, |p| p.epoch), stop_epoch, second);
        if self.last_chart != Some(key) {
            self.last_chart = Some(key);
            if let Some(c) = canvas_by_id(ids::LOSS_CHART) {
                let epoch = Text::Epoch.get(lang).to_lowercase();
                let _ =
                    crate::render::chart::draw_losses(c, points, stop_epoch, &crate::render::chart::Labels { epoch: &epoch }, second_history, self.chart_width);
            }
        }
        // What is going wrong, if anything: said beside the losses, its layer marked on the
        // gradient chart.
        let dead = crate::engine::diagnose::dead_layers(&t.network, &self.grid);
        let trouble = t.last.as_ref().and_then(|r| crate::engine::diagnose::diagnose(r, points, &t.config, &dead));
        write_trouble(trouble, lang);
        let marked = match trouble {
            Some(Trouble::Exploding(l) | Trouble::DeadLayer(l)) => Some(l),
            _ => None,
        };
        let gradients = t.last.as_ref().map(|r| r.gradient_magnitude.clone()).unwrap_or_default();
        if self.last_gradients.as_ref() != Some(&(gradients.clone(), lang, marked)) {
            if let Some(c) = canvas_by_id(ids::GRADIENT_CHART) {
                draw_gradient_chart(&c, &gradients, Text::OutputShort.get(lang), marked);
            }
            self.last_gradients = Some((gradients, lang, marked));
        }
    }
}

/// Shows (or hides) the hint about what is going wrong, with its kind in `data-kind`.
fn write_trouble(trouble: Option<Trouble>, lang: Lang) {
    let Some(el) = element(ids::TRAINING_HINT) else { return };
    let (kind, text) = match trouble {
        None => ("", String::new()),
        Some(Trouble::Exploding(l)) => ("exploding", Text::HintExploding.get(lang).replace("{layer}", &(l + 1).to_string())),
        Some(Trouble::DeadLayer(l)) => ("dead", Text::HintDeadLayer.get(lang).replace("{layer}", &(l + 1).to_string())),
        Some(Trouble::Stalled) => ("stalled", Text::HintStalled.get(lang).to_string()),
        Some(Trouble::Stuck) => ("stuck", Text::HintStuck.get(lang).to_string()),
    };
    if el.get_attribute("data-kind").as_deref() != Some(kind) || el.text_content().as_deref() != Some(text.as_str()) {
        let _ = el.set_attribute("data-kind", kind);
        el.set_text_content(Some(&text));
        if kind.is_empty() {
            let _ = el.set_attribute("hidden", "");
        } else {
            let _ = el.remove_attribute("hidden");
        }
    }
}

/// A feature's values over a grid, scaled into [-1, 1] for display.
fn feature_values(f: Feature, grid: &Grid) -> Vec<Real> {
    let values: Vec<Real> = (0..grid.cells())
        .map(|i| {
            let (x, y) = grid.point(i);
            f.value(x, y)
        })
        .collect();
    let top = values.iter().fold(0.0 as Real, |m, v| m.max(v.abs())).max(1e-6);
    values.iter().map(|v| v / top).collect()
}

/// Shows a threshold unit's current weights and bias in its fields, except in the one being
/// typed into.
fn write_threshold_fields(t: &Trainer) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let typing = doc.active_element().map(|e| e.id());
    let l = &t.network.layers[0];
    if l.weights.len() < 2 {
        return;
    }
    for (id, v) in [("tlu-w1", l.weights[0]), ("tlu-w2", l.weights[1]), ("tlu-b", l.biases[0])] {
        if typing.as_deref() == Some(id) {
            continue;
        }
        if let Some(input) = element(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let text = format!("{v:.3}");
            if input.value() != text {
                input.set_value(&text);
            }
        }
    }
}

/// A number to two decimals with a true minus sign, as a matrix cell shows it (numbers
/// only: the tables are written as HTML).
fn short(v: Real) -> String {
    let t = format!("{v:.2}");
    if let Some(rest) = t.strip_prefix('-') {
        if rest.chars().all(|c| c == '0' || c == '.') {
            rest.to_string()
        } else {
            format!("−{rest}")
        }
    } else {
        t
    }
}

/// A number as the lesson writes it in a product: three decimals, negatives in brackets.
fn signed(v: Real) -> String {
    if v < 0.0 {
        format!("(−{:.3})", -v)
    } else {
        format!("{v:.3}")
    }
}

/// The epoch counter, the losses, accuracies, the perceptron's mistakes and the confusion
/// matrix (its HTML rewritten only when the counts change).
fn write_readouts(trainer: Option<&Trainer>, lang: Lang, last_confusion: &mut String) {
    let Some(t) = trainer else {
        set_text(ids::EPOCH, "000,000");
        set_text(ids::MOBILE_EPOCH, "000,000");
        for id in
            [ids::LOSS_TRAIN, ids::LOSS_VAL, ids::LOSS_TEST, ids::ACCURACY_TRAIN, ids::ACCURACY_VAL, ids::ACCURACY_TEST, ids::MOBILE_LOSS, ids::MOBILE_ACCURACY]
        {
            set_text(id, "–");
        }
        return;
    };
    set_text(ids::EPOCH, &format_epoch(t.epoch));
    set_text(ids::MOBILE_EPOCH, &format_epoch(t.epoch));
    let fresh = EpochReport::default();
    let report = t.last.as_ref().unwrap_or(&fresh);
    let loss = |m: Option<&Metrics>| m.map(|m| format!("{:.3}", m.loss)).unwrap_or_else(|| "–".into());
    let pct = |m: Option<&Metrics>| m.and_then(|m| m.accuracy).map(|a| format!("{:.1}%", a * 100.0)).unwrap_or_else(|| "–".into());
    let (train, val, test) = (Some(&report.train), report.validation.as_ref(), report.test.as_ref());
    if t.config.is_perceptron() {
        // Counted with the weights as they are now, so a weight typed by hand shows at once.
        let mistakes = report.train.accuracy.map_or(0, |a| ((1.0 - a) * report.train.count as f64).round() as usize);
        let verdict = if mistakes == 0 { Text::Converged } else { Text::NotConverged };
        set_text(ids::PERCEPTRON, &format!("{mistakes} ({})", verdict.get(lang)));
        if let Some(el) = element(ids::PERCEPTRON) {
            let _ = el.set_attribute("data-mistakes", &mistakes.to_string());
        }
        write_threshold_fields(t);
    }
    let m = report.test.as_ref().unwrap_or(&report.train);
    let html = confusion_html(&m.confusion, Text::ConfusionCorner.get(lang));
    if *last_confusion != html {
        if let Some(table) = element(ids::CONFUSION) {
            table.set_inner_html(&html);
            last_confusion.clone_from(&html);
        }
    }
    set_text(ids::LOSS_TRAIN, &loss(train));
    set_text(ids::LOSS_VAL, &loss(val));
    set_text(ids::LOSS_TEST, &loss(test));
    set_text(ids::MOBILE_LOSS, &loss(test.or(train)));
    set_text(ids::ACCURACY_TRAIN, &pct(train));
    set_text(ids::ACCURACY_VAL, &pct(val));
    set_text(ids::ACCURACY_TEST, &pct(test));
    set_text(ids::MOBILE_ACCURACY, &pct(test.or(train)));
}

/// Milliseconds from the page's clock.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// An element of the page by id.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Writes an element's text when it differs from what it shows.
pub fn set_text(id: &str, text: &str) {
    if let Some(el) = element(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// A point of the plane in words: its coordinates as the network sees them and, for the
/// user's data in its own units, those units too.
pub fn point_words(config: &crate::engine::Config, x: Real, y: Real, lang: Lang) -> String {
    let axes = &shown_axes(config, lang);
    if axes.is_plane() {
        return format!("X₁ = {x:.2}, X₂ = {y:.2}");
    }
    let (u, v) = axes.from_plane(x, y);
    format!(
        "{} = {} (X₁ = {x:.2}), {} = {} (X₂ = {y:.2})",
        axes.x.name_or("x₁"),
        axes.x.format(axes.x.fit(u)),
        axes.y.name_or("x₂"),
        axes.y.format(axes.y.fit(v))
    )
}

/// The axes of the data as the page shows them: in the data's units, named in the page's
/// language where the set is the page's own (pass or fail).
pub fn shown_axes(config: &crate::engine::Config, lang: Lang) -> crate::engine::axes::Axes {
    let mut axes = config.data_axes();
    if config.data.dataset == crate::engine::Dataset::PassFail {
        axes.x.name = Text::HoursOfStudy.get(lang).into();
        axes.y.name = Text::PreviousGrade.get(lang).into();
    }
    axes
}

/// The second setup of a comparison: its output over the plane with its data, and its
/// losses. Drawn with a grid and palette of its own.
pub struct CompareView {
    grid: Grid,
    palette: Palette,
    rgba: Vec<u8>,
    /// The epoch and size its picture was last drawn for; the points change only with the
    /// setup, so they are drawn again only then.
    drawn: Option<(u64, u64)>,
    points_drawn: Option<(usize, u64, u64)>,
    /// When its small network was last drawn (milliseconds): at most ten times a second.
    network_drawn_at: f64,
    /// When its picture was last computed: at most thirty times a second, as the first's
    /// when its grid is slow.
    picture_drawn_at: f64,
}

impl Default for CompareView {
    fn default() -> Self {
        CompareView {
            grid: Grid::new(GRID, -6.0, 6.0),
            palette: Palette::new(),
            rgba: vec![0; GRID * GRID * 4],
            drawn: None,
            points_drawn: None,
            network_drawn_at: f64::NEG_INFINITY,
            picture_drawn_at: f64::NEG_INFINITY,
        }
    }
}

impl CompareView {
    /// Forgets what was drawn: the next frame draws everything (the settings changed, or the
    /// panel was made anew).
    pub fn forget(&mut self) {
        self.drawn = None;
        self.points_drawn = None;
        self.network_drawn_at = f64::NEG_INFINITY;
        self.picture_drawn_at = f64::NEG_INFINITY;
    }

    /// Draws the second setup's output and points, and writes its figures. Only what changed
    /// is drawn: the picture when the epoch moved, the points when the setup did, the small
    /// network at most ten times a second.
    pub fn draw(&mut self, t: &Trainer, settings: &Settings, playing: bool) {
        let size = picture_size(settings.projector, true);
        let key = (t.epoch, size.to_bits());
        if self.drawn != Some(key) && (!playing || now() - self.picture_drawn_at >= 30.0) {
            self.drawn = Some(key);
            self.picture_drawn_at = now();
            self.grid.evaluate(&t.network, &t.config.network.features);
            let last = t.network.layers.len() - 1;
            let out = t.network.output().activation;
            if out == Activation::Softmax {
                let k = t.config.outputs();
                fill_classes(&self.grid.workspace.a[last][..k * GRID * GRID], k, settings.discretize, &mut self.rgba);
            } else {
                let to_scale = |v| crate::engine::trainer::score(out, v);
                self.palette.fill_mapped(self.grid.neuron(last, 0), to_scale, settings.discretize, &mut self.rgba);
            }
            if let Some(c) = canvas_by_id(ids::COMPARE_HEATMAP) {
                canvas::put_rgba(&c, &self.rgba, GRID as u32, GRID as u32);
            }
        }
        let first = t.split.train.first().map_or(0, |p| p.x.to_bits() as u64 ^ (p.y.to_bits() as u64) << 1);
        let points_key = (t.split.train.len(), first, size.to_bits());
        if self.points_drawn != Some(points_key) {
            if let Some(c) = canvas_by_id(ids::COMPARE_POINTS) {
                self.points_drawn = Some(points_key);
                let ctx = canvas::hidpi(&c, size, size);
                let classes = t.config.data.classes.max(2);
                let radius = 2.4 * (size / HEATMAP).sqrt();
                canvas::draw_points(&ctx, &t.split.train, size, (self.grid.min, self.grid.max), classes, false, radius);
            }
        }
        if !playing || now() - self.network_drawn_at >= CHARTS_EVERY_MS {
            if let Some(c) = canvas_by_id(ids::COMPARE_NETWORK) {
                self.network_drawn_at = now();
                draw_small_network(&c, &t.network, size, COMPARE_NETWORK_HEIGHT);
            }
        }
        let fresh = EpochReport::default();
        let report = t.last.as_ref().unwrap_or(&fresh);
        let m = report.test.as_ref().unwrap_or(&report.train);
        set_text(ids::COMPARE_LOSS, &format!("{:.3}", m.loss));
        set_text(ids::COMPARE_ACCURACY, &m.accuracy.map(|a| format!("{:.1}%", a * 100.0)).unwrap_or_else(|| "–".into()));
        set_text(ids::COMPARE_EPOCH, &format_epoch(t.epoch));
    }
}

/// The height of the compared setup's network drawing, in CSS pixels.
pub const COMPARE_NETWORK_HEIGHT: f64 = 150.0;

/// A network drawn small: a column of neurons per layer (inputs first), each link coloured by
/// its weight's sign (blue positive, orange negative) and as thick as the weight is large,
/// each neuron filled by the sign and size of its bias.
fn draw_small_network(c: &web_sys::HtmlCanvasElement, net: &crate::engine::Network, width: f64, height: f64) {
    let ctx = canvas::hidpi(c, width, height);
    ctx.clear_rect(0.0, 0.0, width, height);
    let Some(first) = net.layers.first() else { return };
    let sizes: Vec<usize> = std::iter::once(first.n_in).chain(net.layers.iter().map(|l| l.n_out)).collect();
    let columns = sizes.len();
    let radius = (height / (2.4 * *sizes.iter().max().unwrap_or(&1) as f64)).clamp(2.0, 7.0);
    let at = |column: usize, j: usize| {
        let x = radius + 2.0 + column as f64 * (width - 2.0 * radius - 4.0) / (columns - 1).max(1) as f64;
        let n = sizes[column] as f64;
        let y = height / 2.0 + (j as f64 - (n - 1.0) / 2.0) * (height - 2.0 * radius - 4.0) / n.max(1.0);
        (x, y)
    };
    let colour = |v: Real| if v >= 0.0 { "rgba(8,119,189,0.8)" } else { "rgba(245,147,34,0.8)" };
    for (l, layer) in net.layers.iter().enumerate() {
        for j in 0..layer.n_out {
            // A maxout neuron's first piece stands for it.
            let row = j * layer.activation.pieces();
            for i in 0..layer.n_in {
                let Some(w) = layer.weight(row, i) else { continue };
                let ((x0, y0), (x1, y1)) = (at(l, i), at(l + 1, j));
                ctx.set_stroke_style_str(colour(w));
                ctx.set_line_width((w.abs() as f64).clamp(0.3, 4.0));
                ctx.begin_path();
                ctx.move_to(x0, y0);
                ctx.line_to(x1, y1);
                ctx.stroke();
            }
        }
    }
    for (column, &n) in sizes.iter().enumerate() {
        for j in 0..n {
            let (x, y) = at(column, j);
            let bias =
                if column == 0 { 0.0 } else { net.layers[column - 1].biases.get(j * net.layers[column - 1].activation.pieces()).copied().unwrap_or(0.0) };
            ctx.set_fill_style_str(if column == 0 { "#e8eaeb" } else { colour(bias) });
            ctx.set_stroke_style_str("#555");
            ctx.set_line_width(1.0);
            ctx.begin_path();
            let _ = ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU);
            ctx.fill();
            ctx.stroke();
        }
    }
}
