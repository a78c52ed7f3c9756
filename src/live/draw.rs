//! The live views drawn from the run as shown: the big heatmap, the network diagram
//! (links and every node's thumbnail in one canvas), the data overlay and the charts. The
//! pictures come painted from the worker, also for a state the run is not in (an earlier
//! epoch, a weight just typed), which the page asks it to paint. Each view is redrawn only
//! when what it shows has changed, so few canvases are handed to the compositor per frame.

use super::derived::Asked;
use super::dom::now;
use super::ids;
use super::layout::HEATMAP;
use super::pictures::{feature_values, Pictures, Request, GRID, THUMB, THUMB_BYTES};
use crate::engine::trainer::HistoryPoint;
use crate::engine::{Dataset, Feature, Grid, LayerNo, Real, Trainer};
use crate::i18n::{Lang, Text};
use crate::render::canvas::{self, canvas_by_id};
use crate::render::colour::Palette;
use crate::render::diagram::{Layout, NODE};
use crate::settings::Settings;
use wasm_bindgen::JsCast;

/// While training, the charts are redrawn at most this often (milliseconds); the heatmap,
/// the neurons' pictures and the figures follow every frame.
const CHARTS_EVERY_MS: f64 = 100.0;
/// While training, the neurons' thumbnails are redrawn at most this often (milliseconds).
const THUMBNAILS_EVERY_MS: f64 = 50.0;
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

impl Focus {
    /// What the worker is asked to paint for this focus (a feature's picture never changes:
    /// the page draws it).
    pub fn request(self, discretize: bool, derive: Asked) -> Request {
        let neuron = match self {
            Focus::Neuron(l, j) => Some((l, j)),
            _ => None,
        };
        Request { neuron, discretize, derive }
    }

    /// This focus, or the output when it is a neuron `trainer`'s network lacks (the network
    /// changed).
    pub fn within(self, trainer: Option<&Trainer>) -> Focus {
        match (self, trainer) {
            (Focus::Neuron(l, j), Some(t)) if l + 1 >= t.network.layers.len() || j >= t.network.layers[l].n_out => Focus::Output,
            _ => self,
        }
    }
}

/// What the loss chart last drew: history points, newest epoch, the early stop's epoch, and
/// the compared setup's point count and newest epoch.
pub(super) type ChartKey = (usize, u64, Option<(u64, u64)>, Option<(usize, u64)>);

/// What the threshold unit's overlay last drew: whether shown, and its w₁, w₂ and b.
type Overlay = (bool, Option<(Real, Real, Real)>);

/// The drawing state: buffers reused every frame and what each view last showed.
pub struct Views {
    palette: Palette,
    /// The newest pictures from the worker.
    pub(super) pictures: Option<Box<Pictures>>,
    /// Whether the heatmap on screen is `pictures`.
    drawn: bool,
    /// Whether the thumbnails on screen are older than `pictures`, and when they were drawn.
    thumbnails_due: bool,
    thumbnails_drawn_at: f64,
    /// The points canvas's size on screen, in CSS pixels.
    points_size: f64,
    /// The loss chart's width on screen, in CSS pixels.
    pub(super) chart_width: f64,
    rgba: Vec<u8>,
    /// Every node's thumbnail, stacked: inputs first, then hidden neurons in order.
    atlas_rgba: Vec<u8>,
    atlas: Option<web_sys::HtmlCanvasElement>,
    /// What the big heatmap shows, as last drawn.
    focus: Focus,
    /// What the open views ask the worker to compute with the pictures.
    pub derive: Asked,
    /// A link drawn thicker (hovered): layer, neuron, input.
    pub highlight: Option<(usize, usize, usize)>,
    /// The network diagram's geometry.
    pub layout: Layout,
    /// How far the dashes of the links have flowed.
    pub dash: f64,
    charts_drawn_at: f64,
    next_gap: usize,
    pub(super) last_gradients: Option<(Vec<f64>, Lang, Option<usize>)>,
    pub(super) last_chart: Option<ChartKey>,
    last_overlay: Option<Overlay>,
}

impl Views {
    /// Views for a layout, nothing drawn yet.
    pub fn new(layout: Layout) -> Views {
        Views {
            palette: Palette::new(),
            pictures: None,
            drawn: false,
            thumbnails_due: false,
            thumbnails_drawn_at: 0.0,
            points_size: HEATMAP,
            chart_width: crate::render::chart::WIDTH,
            rgba: vec![0; GRID * GRID * 4],
            atlas_rgba: Vec::new(),
            atlas: None,
            focus: Focus::Output,
            derive: Asked::default(),
            highlight: None,
            layout,
            dash: 0.0,
            charts_drawn_at: 0.0,
            next_gap: 0,
            last_gradients: None,
            last_chart: None,
            last_overlay: None,
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
        self.last_gradients = None;
        self.last_chart = None;
        self.last_overlay = None;
        self.drawn = false;
        let hidden: usize = trainer.map(|t| t.network.layers.iter().rev().skip(1).map(|l| l.n_out).sum()).unwrap_or(0);
        let slots = self.layout.inputs.len() + hidden;
        self.atlas_rgba.resize(slots * THUMB_BYTES, 0);
        let grid = Grid::new(THUMB, -6.0, 6.0);
        for (i, &f) in self.layout.inputs.iter().enumerate() {
            let values = feature_values(f, self.layout.formula.as_ref(), &grid);
            self.palette.fill(&values, false, &mut self.atlas_rgba[i * THUMB_BYTES..(i + 1) * THUMB_BYTES]);
        }
    }

    /// Takes the worker's newest pictures.
    pub fn take_pictures(&mut self, pictures: Box<Pictures>) {
        self.pictures = Some(pictures);
        self.drawn = false;
    }

    /// Draws every view of `trainer` (or a blank picture without one), with the loss history
    /// of a compared setup in the chart. Returns the pictures it lacks, as the request and the
    /// weights' fingerprint to ask the worker for: while training, the worker's pictures are
    /// drawn as they come; paused, they must show the weights on the page (an earlier epoch,
    /// an edit), and until they come the last ones stay on screen.
    #[allow(clippy::too_many_arguments)]
    pub fn draw_all(
        &mut self,
        trainer: Option<&Trainer>,
        focus: Focus,
        trouble: &dyn Fn() -> Option<crate::engine::diagnose::Trouble>,
        settings: &Settings,
        playing: bool,
        stop_epoch: Option<(u64, u64)>,
        second: Option<&[HistoryPoint]>,
    ) -> Option<(Request, u64)> {
        let start = now();
        let Some(t) = trainer else {
            self.draw_empty(settings.lang);
            return None;
        };
        if self.focus != focus {
            self.focus = focus;
            self.drawn = false;
        }
        let request = focus.request(settings.discretize, self.derive);
        let weights = (!playing).then(|| crate::engine::fingerprint::fingerprint(&t.network));
        let lacking = match &self.pictures {
            Some(p) if p.request == request && weights.is_none_or(|w| w == p.weights) => None,
            _ => Some((request, weights.unwrap_or_default())),
        };
        if !self.drawn {
            self.drawn = true;
            self.thumbnails_due = true;
            self.draw_heatmap(t);
        }
        // The neurons' small pictures, on the diagram's largest canvas, follow at most 20
        // times a second while training.
        if self.thumbnails_due && (!playing || start - self.thumbnails_drawn_at >= THUMBNAILS_EVERY_MS) {
            self.draw_thumbnails(t);
        }
        self.draw_overlay(t, settings);
        if playing {
            self.next_gap = (self.next_gap + 1) % self.layout.gaps().max(1);
            self.draw_gap(t, self.next_gap, true);
        } else {
            self.draw_network(t, false);
        }
        if !playing || start - self.charts_drawn_at >= CHARTS_EVERY_MS {
            self.charts_drawn_at = start;
            self.draw_charts(t, trouble, settings.lang, stop_epoch, second);
        }
        lacking
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
            let epoch = Text::EpochWord.get(lang);
            crate::render::chart::draw_losses(c, &[], None, &crate::render::chart::Labels { epoch }, None, self.chart_width);
        }
        self.last_chart = None;
        self.last_overlay = None;
    }

    /// Redraws only the big heatmap (another focus).
    pub fn redraw_heatmap(&mut self) {
        self.drawn = false;
    }

    fn draw_heatmap(&mut self, t: &Trainer) {
        let Some(canvas) = canvas_by_id(ids::HEATMAP) else { return };
        match (self.focus.within(Some(t)), self.pictures.as_ref()) {
            (Focus::Feature(f), _) => {
                let values = feature_values(f, self.layout.formula.as_ref(), &Grid::new(GRID, -6.0, 6.0));
                self.palette.fill(&values, false, &mut self.rgba);
            }
            (_, Some(p)) if p.heatmap.len() == self.rgba.len() => self.rgba.copy_from_slice(&p.heatmap),
            _ => return,
        }
        canvas::put_rgba(&canvas, &self.rgba, GRID as u32, GRID as u32);
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
        let flowing = playing && !super::dom::reduced_motion();
        canvas::draw_links(&ctx, &self.layout, &t.network, layer, flowing.then_some(self.dash), self.highlight);
    }

    /// Every node's picture: the inputs' fixed ones and each hidden neuron's output, put into
    /// one atlas and copied to their places.
    fn draw_thumbnails(&mut self, t: &Trainer) {
        let Some(c) = canvas_by_id(ids::NODES) else { return };
        self.thumbnails_due = false;
        self.thumbnails_drawn_at = now();
        let inputs = self.layout.inputs.len();
        if let Some(p) = &self.pictures {
            let from = (inputs * THUMB_BYTES).min(self.atlas_rgba.len());
            let hidden = &mut self.atlas_rgba[from..];
            if hidden.len() == p.thumbnails.len() {
                hidden.copy_from_slice(&p.thumbnails);
            }
        }
        let Some(atlas) = self.atlas_canvas() else { return };
        canvas::put_rgba(&atlas, &self.atlas_rgba, THUMB as u32, (self.atlas_rgba.len() / (THUMB * 4)) as u32);
        let ctx = canvas::hidpi(&c, self.layout.width, self.layout.height);
        let draw = |slot: usize, column: LayerNo, row: usize, alpha: f64| {
            let Some(b) = self.layout.column(column).get(row) else { return };
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
            draw(i, LayerNo::INPUTS, i, if t.config.network.features.contains(f) { 1.0 } else { 0.25 });
        }
        let mut slot = inputs;
        for (l, layer) in t.network.layers.iter().enumerate().take(t.network.layers.len() - 1) {
            for j in 0..layer.n_out {
                draw(slot, LayerNo::of(l), j, 1.0);
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
        let range = (-6.0, 6.0);
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
}
