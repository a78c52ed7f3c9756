//! The second setup of a comparison: its picture (painted in the worker), its points, its
//! network drawn small (its figures are a panel's).

use super::dom::now;
use super::ids;
use super::layout::{picture_size, COMPARE_NETWORK_HEIGHT, HEATMAP};
use super::pictures::GRID;
use crate::engine::{LayerNo, Real, Trainer};
use crate::render::canvas::{self, canvas_by_id};
use crate::settings::Settings;

/// While training, its small network is redrawn at most this often (milliseconds).
const NETWORK_EVERY_MS: f64 = 100.0;

/// What the compared setup's views last drew.
#[derive(Default)]
pub struct CompareView {
    /// Its newest picture from the worker, not yet put on the canvas.
    picture: Option<Vec<u8>>,
    /// The size and setup its points were last drawn for; they change only with the setup.
    points_drawn: Option<(usize, u64, u64)>,
    /// When its small network was last drawn (milliseconds): at most ten times a second.
    network_drawn_at: Option<f64>,
}

impl CompareView {
    /// Forgets what was drawn: the next frame draws everything (the settings changed, or the
    /// panel was made anew).
    pub fn forget(&mut self) {
        self.points_drawn = None;
        self.network_drawn_at = None;
    }

    /// Takes the worker's newest picture of the second setup.
    pub fn take_picture(&mut self, rgba: Vec<u8>) {
        self.picture = Some(rgba);
    }

    /// Draws the second setup's output and points. Only what changed
    /// is drawn: the picture when a new one came, the points when the setup changed, the
    /// small network at most ten times a second.
    pub fn draw(&mut self, t: &Trainer, settings: &Settings, playing: bool) {
        let size = picture_size(super::dom::window_width(), settings.projector, true);
        if let (Some(rgba), Some(c)) = (self.picture.as_ref(), canvas_by_id(ids::COMPARE_HEATMAP)) {
            if rgba.len() == GRID * GRID * 4 {
                canvas::put_rgba(&c, rgba, GRID as u32, GRID as u32);
            }
            self.picture = None;
        }
        let first = t.split.train.first().map_or(0, |p| p.x.to_bits() as u64 ^ (p.y.to_bits() as u64) << 1);
        let points_key = (t.split.train.len(), first, size.to_bits());
        if self.points_drawn != Some(points_key) {
            if let Some(c) = canvas_by_id(ids::COMPARE_POINTS) {
                self.points_drawn = Some(points_key);
                let ctx = canvas::hidpi(&c, size, size);
                let classes = t.config.data.classes.max(2);
                let radius = 2.4 * (size / HEATMAP).sqrt();
                canvas::draw_points(&ctx, &t.split.train, size, (-6.0, 6.0), classes, false, radius);
            }
        }
        if !playing || self.network_drawn_at.is_none_or(|at| now() - at >= NETWORK_EVERY_MS) {
            if let Some(c) = canvas_by_id(ids::COMPARE_NETWORK) {
                self.network_drawn_at = Some(now());
                draw_small_network(&c, &t.network, size, COMPARE_NETWORK_HEIGHT);
            }
        }
    }
}

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
    let at = |column: LayerNo, j: usize| {
        let column = column.number();
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
                let ((x0, y0), (x1, y1)) = (at(LayerNo::of(l).below(), i), at(LayerNo::of(l), j));
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
        let column = LayerNo::new(column);
        let layer = column.index().map(|l| &net.layers[l]);
        for j in 0..n {
            let (x, y) = at(column, j);
            let bias = layer.and_then(|l| l.biases.get(j * l.activation.pieces()).copied());
            ctx.set_fill_style_str(bias.map_or("#e8eaeb", colour));
            ctx.set_stroke_style_str("#555");
            ctx.set_line_width(1.0);
            ctx.begin_path();
            let _ = ctx.arc(x, y, radius, 0.0, std::f64::consts::TAU);
            ctx.fill();
            ctx.stroke();
        }
    }
}
