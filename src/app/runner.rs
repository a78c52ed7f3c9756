//! The live side of the page: owns the trainer outside Yew state, runs the
//! requestAnimationFrame loop while playing, and draws every view after each step.

use super::i18n::{Lang, Text};
use super::layout::{layout, Layout};
use super::state::{Action, Notice, Settings, Speed};
use crate::engine::{Activation, Feature, Grid, Real, TrainError, Trainer};
use crate::render::canvas::{self, canvas_by_id};
use crate::render::colour::{fill_classes, Palette};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Cells per side of the output heatmap.
pub const GRID: usize = 100;
/// Cells per side of a neuron thumbnail (block averages of the grid).
pub const THUMB: usize = 20;
/// Widest the network diagram gets, in CSS pixels.
pub const NETWORK_WIDTH: f64 = 520.0;

/// The diagram's width for this window: narrower on a phone so it fits the screen.
pub fn network_width() -> f64 {
    let window = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1280.0);
    (window - 110.0).clamp(220.0, NETWORK_WIDTH)
}
/// Side of the big heatmap in CSS pixels.
pub const HEATMAP: f64 = 300.0;
/// Training time per frame at the fastest speed, in milliseconds.
const MAX_SPEED_BUDGET_MS: f64 = 11.0;
/// Training time per frame never exceeds this, whatever the speed.
const FRAME_CAP_MS: f64 = 40.0;

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

/// Running averages for the performance readout.
#[derive(Default)]
struct Perf {
    window_start: f64,
    frames: u32,
    epochs: u64,
    train_ms: f64,
    grid_ms: f64,
    draw_ms: f64,
}

/// The trainer and everything drawn from it.
pub struct Runner {
    /// The live trainer, when the configuration is valid (and there is data to train on).
    pub trainer: Option<Trainer>,
    settings: Settings,
    generation: Option<u64>,
    grid: Grid,
    palette: Palette,
    rgba: Vec<u8>,
    thumb: Vec<u8>,
    /// What the big heatmap shows.
    pub focus: Focus,
    /// A link drawn thicker (hovered): layer, neuron, input.
    pub highlight: Option<(usize, usize, usize)>,
    /// The network diagram's geometry.
    pub layout: Layout,
    dash: f64,
    playing: bool,
    /// Actions for the Yew state, sent once the runner is no longer borrowed.
    pub outbox: Vec<Action>,
    frame: Option<Closure<dyn FnMut(f64)>>,
    perf: Perf,
    stop_epoch: Option<u64>,
    /// How many times the same setup was reset: each reset draws new initial weights.
    round: u64,
    /// Trained weights to put in place of the fresh ones at the next rebuild (an opened model).
    pub pending_network: Option<crate::engine::network::Network>,
}

impl Runner {
    /// A runner with nothing to train yet.
    pub fn new() -> Runner {
        let settings = Settings::new(Lang::En);
        Runner {
            layout: layout(&settings.config, NETWORK_WIDTH),
            trainer: None,
            settings,
            generation: None,
            grid: Grid::new(GRID, -6.0, 6.0),
            palette: Palette::new(),
            rgba: vec![0; GRID * GRID * 4],
            thumb: vec![0; THUMB * THUMB * 4],
            focus: Focus::Output,
            highlight: None,
            dash: 0.0,
            playing: false,
            outbox: Vec::new(),
            frame: None,
            perf: Perf::default(),
            stop_epoch: None,
            round: 0,
            pending_network: None,
        }
    }

    /// Brings the trainer in line with the settings: a fresh one when `generation` moved,
    /// otherwise only the live settings change. Then redraws everything.
    pub fn sync(&mut self, settings: &Settings, generation: u64) {
        if self.generation != Some(generation) {
            self.generation = Some(generation);
            self.stop_epoch = None;
            let same_setup = self.trainer.is_some() && !super::state::needs_reset(&self.settings.config, &settings.config);
            self.round = if same_setup { self.round + 1 } else { 0 };
            match Trainer::new_round(settings.config.clone(), self.round) {
                Ok(mut t) => {
                    if let Some(net) = self.pending_network.take() {
                        if net.n_inputs == t.network.n_inputs
                            && net.layers.iter().map(|l| l.weights.len()).eq(t.network.layers.iter().map(|l| l.weights.len()))
                        {
                            t.network = net;
                        }
                    }
                    // The epoch-0 figures of the fresh network.
                    t.last = Some(t.evaluate());
                    self.trainer = Some(t);
                }
                // Nothing to train on yet (the user's own data, still empty): a blank picture.
                Err(_) => self.trainer = None,
            }
        } else if let Some(t) = &mut self.trainer {
            t.update_live(&settings.config);
        }
        self.settings = settings.clone();
        self.layout = layout(&settings.config, network_width());
        if let Focus::Neuron(l, j) = self.focus {
            if settings.config.hidden.get(l).is_none_or(|h| j >= h.neurons) {
                self.focus = Focus::Output;
            }
        }
        self.draw_feature_thumbnails();
        self.draw_all();
    }

    /// Trains one epoch (the step button) and redraws.
    pub fn step_once(&mut self) {
        self.train(1, f64::INFINITY);
        self.draw_all();
    }

    /// Trains up to `epochs` epochs within `budget_ms`; returns how many ran.
    fn train(&mut self, epochs: u64, budget_ms: f64) -> u64 {
        let Some(t) = &mut self.trainer else { return 0 };
        if t.stopped.is_some() {
            return 0;
        }
        let start = now();
        let mut done = 0;
        while done < epochs {
            match t.step() {
                Ok(report) => {
                    done += 1;
                    if let Some(stop) = report.early_stop {
                        self.stop_epoch = Some(report.epoch);
                        self.outbox.push(Action::Notify(Notice::EarlyStopped { at: report.epoch, best: stop.best_epoch }));
                        break;
                    }
                }
                Err(TrainError::Diverged { epoch }) => {
                    self.outbox.push(Action::Notify(Notice::Diverged(epoch)));
                    break;
                }
            }
            if now() - start > budget_ms {
                break;
            }
        }
        done
    }

    /// One animation frame while playing: train at the chosen speed, then draw.
    fn on_frame(&mut self) {
        let t0 = now();
        let epochs = match self.settings.speed {
            Speed::Epochs(n) => self.train(n as u64, FRAME_CAP_MS),
            Speed::Max => self.train(u64::MAX, MAX_SPEED_BUDGET_MS),
        };
        let t1 = now();
        self.dash = (self.dash + 0.6) % 70.0;
        let grid_ms = self.draw_all();
        let t2 = now();
        let p = &mut self.perf;
        if p.window_start == 0.0 {
            p.window_start = t0;
        }
        p.frames += 1;
        p.epochs += epochs;
        p.train_ms += t1 - t0;
        p.grid_ms += grid_ms;
        p.draw_ms += t2 - t1 - grid_ms;
        if t2 - p.window_start >= 500.0 {
            self.report_performance(t2);
        }
    }

    fn report_performance(&mut self, t: f64) {
        let p = &mut self.perf;
        let seconds = (t - p.window_start) / 1000.0;
        let frames = p.frames.max(1) as f64;
        let figures = [
            ("epochsPerSecond", p.epochs as f64 / seconds),
            ("framesPerSecond", p.frames as f64 / seconds),
            ("trainMs", p.train_ms / frames),
            ("gridMs", p.grid_ms / frames),
            ("drawMs", p.draw_ms / frames),
        ];
        *p = Perf { window_start: t, ..Perf::default() };
        let Some(el) = element("perf-readout") else { return };
        for (k, v) in figures {
            let _ = el.set_attribute(&format!("data-{}", kebab(k)), &format!("{v:.3}"));
        }
        let lang = self.settings.lang;
        el.set_text_content(Some(&format!(
            "{:.0} {} · {:.0} fps · {:.2} {} ({} {:.2} + {} {:.2} + {} {:.2})",
            figures[0].1,
            Text::EpochsPerSecond.get(lang),
            figures[1].1,
            figures[2].1 + figures[3].1 + figures[4].1,
            Text::MsPerFrame.get(lang),
            Text::TrainingTime.get(lang),
            figures[2].1,
            Text::GridTime.get(lang),
            figures[3].1,
            Text::DrawingTime.get(lang),
            figures[4].1,
        )));
    }

    /// Starts or stops the animation loop.
    pub fn set_playing(this: &Rc<RefCell<Runner>>, playing: bool, dispatch: yew::Callback<Action>) {
        let mut me = this.borrow_mut();
        if me.playing == playing {
            return;
        }
        me.playing = playing;
        me.perf = Perf::default();
        if !playing {
            me.draw_all();
            return;
        }
        if me.frame.is_none() {
            let weak = Rc::downgrade(this);
            let closure = Closure::<dyn FnMut(f64)>::new(move |_t: f64| {
                let Some(runner) = weak.upgrade() else { return };
                let actions = {
                    let mut me = runner.borrow_mut();
                    if !me.playing {
                        return;
                    }
                    me.on_frame();
                    me.request_frame();
                    std::mem::take(&mut me.outbox)
                };
                for a in actions {
                    dispatch.emit(a);
                }
            });
            me.frame = Some(closure);
        }
        me.request_frame();
    }

    fn request_frame(&self) {
        if let (Some(w), Some(f)) = (web_sys::window(), &self.frame) {
            let _ = w.request_animation_frame(f.as_ref().unchecked_ref());
        }
    }

    /// Draws every live view; returns the milliseconds spent evaluating the grid.
    pub fn draw_all(&mut self) -> f64 {
        self.write_readouts();
        let Some(t) = &self.trainer else {
            self.draw_empty();
            return 0.0;
        };
        let start = now();
        self.grid.evaluate(&t.network, &t.config.features);
        let grid_ms = now() - start;
        self.draw_heatmap();
        self.draw_neuron_thumbnails();
        self.draw_links();
        self.draw_overlay();
        self.draw_chart();
        grid_ms
    }

    /// With no data to train on (the user has not drawn a point yet), a blank picture.
    fn draw_empty(&mut self) {
        if let Some(c) = canvas_by_id("heatmap-canvas") {
            for px in self.rgba.chunks_exact_mut(4) {
                px.copy_from_slice(&[0xe8, 0xea, 0xeb, 255]);
            }
            canvas::put_rgba(&c, &self.rgba, GRID as u32, GRID as u32);
        }
        for id in ["heatmap-points", "links-canvas"] {
            if let Some(c) = canvas_by_id(id) {
                let (w, h) = (c.width() as f64, c.height() as f64);
                canvas::context(&c).clear_rect(0.0, 0.0, w, h);
            }
        }
        if let Some(c) = canvas_by_id("loss-chart") {
            let _ = crate::render::chart::draw_losses(c, &[], None);
        }
    }

    fn write_readouts(&self) {
        let Some(t) = &self.trainer else {
            set_text("iter-number", "000,000");
            for id in ["loss-train", "loss-val", "loss-test", "accuracy-train", "accuracy-val", "accuracy-test"] {
                set_text(id, "–");
            }
            return;
        };
        set_text("iter-number", &format_epoch(t.epoch));
        let fresh;
        let report = match &t.last {
            Some(r) => r,
            None => {
                fresh = crate::engine::EpochReport::default();
                &fresh
            }
        };
        let fmt = |m: Option<&crate::engine::Metrics>| m.map(|m| format!("{:.3}", m.loss)).unwrap_or_else(|| "–".into());
        let pct = |m: Option<&crate::engine::Metrics>| {
            m.and_then(|m| m.accuracy).map(|a| format!("{:.1}%", a * 100.0)).unwrap_or_else(|| "–".into())
        };
        let (train, val, test) = (Some(&report.train), report.validation.as_ref(), report.test.as_ref());
        if let Some(mistakes) = report.mistakes {
            let lang = self.settings.lang;
            let verdict = if mistakes == 0 { Text::Converged } else { Text::NotConverged };
            set_text("perceptron-status", &format!("{mistakes} ({})", verdict.get(lang)));
        }
        if let Some(table) = element("confusion") {
            let m = report.test.as_ref().unwrap_or(&report.train);
            table.set_inner_html(&confusion_html(&m.confusion));
        }
        if let Some(c) = canvas_by_id("gradient-chart") {
            draw_gradient_chart(&c, &report.gradient_magnitude, Text::OutputShort.get(self.settings.lang));
        }
        set_text("loss-train", &fmt(train));
        set_text("loss-val", &fmt(val));
        set_text("loss-test", &fmt(test));
        set_text("accuracy-train", &pct(train));
        set_text("accuracy-val", &pct(val));
        set_text("accuracy-test", &pct(test));
    }

    fn draw_heatmap(&mut self) {
        let Some(t) = &self.trainer else { return };
        let Some(canvas) = canvas_by_id("heatmap-canvas") else { return };
        let discretize = self.settings.discretize;
        let last = t.network.layers.len() - 1;
        let out = t.network.output().activation;
        match self.focus {
            Focus::Output if out == Activation::Softmax => {
                fill_classes(&self.grid.workspace.a[last][..t.config.outputs() * GRID * GRID], t.config.outputs(), discretize, &mut self.rgba)
            }
            Focus::Output => {
                let to_scale = |v| crate::engine::trainer::score(out, v);
                self.palette.fill_mapped(self.grid.neuron(last, 0), to_scale, discretize, &mut self.rgba);
            }
            Focus::Neuron(l, j) if l < last && j < t.network.layers[l].n_out => {
                let values = self.grid.neuron(l, j);
                self.palette.fill(values, discretize, &mut self.rgba);
            }
            Focus::Feature(f) => {
                let values = feature_values(f, &self.grid);
                self.palette.fill(&values, false, &mut self.rgba);
            }
            Focus::Neuron(..) => {
                self.focus = Focus::Output;
                return self.draw_heatmap();
            }
        }
        canvas::put_rgba(&canvas, &self.rgba, GRID as u32, GRID as u32);
        let lang = self.settings.lang;
        let shown = match self.focus {
            Focus::Output => Text::TheOutput.get(lang).to_string(),
            Focus::Feature(f) => f.label().to_string(),
            Focus::Neuron(l, j) => format!(
                "{} {}, {} {}",
                Text::HiddenLayer.get(lang).to_lowercase(),
                l + 1,
                Text::Neuron.get(lang),
                j + 1
            ),
        };
        set_text("heatmap-label", &format!("{} {shown}", Text::OutputAt.get(lang)));
    }

    fn draw_neuron_thumbnails(&mut self) {
        let Some(t) = &self.trainer else { return };
        for (l, layer) in t.network.layers.iter().enumerate().take(t.network.layers.len() - 1) {
            for j in 0..layer.n_out {
                if let Some(c) = canvas_by_id(&format!("node-{}-{}", l + 1, j)) {
                    self.palette.fill_downsampled(self.grid.neuron(l, j), GRID, THUMB, &mut self.thumb);
                    canvas::put_rgba(&c, &self.thumb, THUMB as u32, THUMB as u32);
                }
            }
        }
    }

    /// Input thumbnails depend only on the feature, so they are drawn when the setup changes.
    fn draw_feature_thumbnails(&mut self) {
        let grid = Grid::new(THUMB, -6.0, 6.0);
        for (i, f) in self.layout.inputs.clone().into_iter().enumerate() {
            if let Some(c) = canvas_by_id(&format!("node-0-{i}")) {
                let values = feature_values(f, &grid);
                self.palette.fill(&values, false, &mut self.thumb);
                canvas::put_rgba(&c, &self.thumb, THUMB as u32, THUMB as u32);
            }
        }
    }

    fn draw_links(&self) {
        let Some(t) = &self.trainer else { return };
        let Some(c) = canvas_by_id("links-canvas") else { return };
        let ctx = canvas::hidpi(&c, self.layout.width, self.layout.height);
        let dash = self.playing.then_some(self.dash);
        canvas::draw_links(&ctx, &self.layout, &t.network, dash, self.highlight);
    }

    fn draw_overlay(&self) {
        let Some(t) = &self.trainer else { return };
        let Some(c) = canvas_by_id("heatmap-points") else { return };
        let ctx = canvas::hidpi(&c, HEATMAP, HEATMAP);
        let range = (self.grid.min, self.grid.max);
        let classes = t.config.classes.max(2);
        canvas::draw_points(&ctx, &t.split.train, HEATMAP, range, classes, false, 3.2);
        // Drawn points are all shown: the user should see every point they placed.
        if self.settings.show_test || t.config.dataset == crate::engine::Dataset::Custom {
            canvas::draw_points(&ctx, &t.split.test, HEATMAP, range, classes, true, 3.2);
        }
        if t.config.hidden.is_empty() && t.config.features.len() == 2 && t.config.features[..] == [Feature::X1, Feature::X2] && t.config.outputs() == 1 {
            // Every single-output unit changes class where z = w1 x1 + w2 x2 + b = 0.
            let out = t.network.output();
            canvas::draw_decision_line(&ctx, (out.weights[0], out.weights[1]), out.biases[0], HEATMAP, range);
        }
    }

    fn draw_chart(&self) {
        let Some(t) = &self.trainer else { return };
        if let Some(c) = canvas_by_id("loss-chart") {
            let _ = crate::render::chart::draw_losses(c, &t.history.points, self.stop_epoch);
        }
    }

    /// The current value of a link's weight.
    pub fn weight(&self, layer: usize, neuron: usize, input: usize) -> Option<Real> {
        let l = self.trainer.as_ref()?.network.layers.get(layer)?;
        l.weights.get(neuron * l.activation.pieces() * l.n_in + input).copied()
    }

    /// The current bias of a neuron (`layer` counts network layers; the output is last).
    pub fn bias(&self, layer: usize, neuron: usize) -> Option<Real> {
        let l = self.trainer.as_ref()?.network.layers.get(layer)?;
        l.biases.get(neuron * l.activation.pieces()).copied()
    }

    /// Sets a weight typed by the user (every piece of a maxout neuron alike) and redraws.
    pub fn set_weight(&mut self, layer: usize, neuron: usize, input: usize, value: Real) {
        self.set_parameter(layer, neuron, Some(input), value);
    }

    /// Sets a bias typed by the user and redraws.
    pub fn set_bias(&mut self, layer: usize, neuron: usize, value: Real) {
        self.set_parameter(layer, neuron, None, value);
    }

    /// Sets the weight from `input` (or, with `None`, the bias) of a neuron, remeasures, redraws.
    fn set_parameter(&mut self, layer: usize, neuron: usize, input: Option<usize>, value: Real) {
        if let Some(t) = &mut self.trainer {
            // The editor may outlive a change of network: check the parameter still exists.
            let Some(l) = t.network.layers.get(layer) else { return };
            if neuron >= l.n_out || input.is_some_and(|i| i >= l.n_in) {
                return;
            }
            let pieces = l.activation.pieces();
            for p in 0..pieces {
                match input {
                    Some(i) => t.set_weight(layer, neuron * pieces + p, i, value),
                    None => t.set_bias(layer, neuron * pieces + p, value),
                }
            }
            t.last = Some(t.evaluate());
        }
        self.draw_all();
    }

    /// What the network says at a point of the plane, as the hover readout shows it.
    pub fn describe_point(&mut self, x: Real, y: Real) -> Option<String> {
        let lang = self.settings.lang;
        let t = self.trainer.as_mut()?;
        let out = t.outputs_at(x, y);
        let activation = t.network.output().activation;
        let value = if out.len() > 1 {
            let k = crate::engine::trainer::predicted_class(activation, &out, 1, 0);
            format!("{} {k}, p = {:.3}", Text::Class.get(lang), out[k])
        } else {
            format!("ŷ = {:.3}", crate::engine::trainer::score(activation, out[0]))
        };
        Some(format!("X₁ = {x:.2}, X₂ = {y:.2} → {value}"))
    }

    /// The trained model (setup and weights) as JSON.
    pub fn model_json(&self) -> Option<String> {
        let t = self.trainer.as_ref()?;
        let model = crate::engine::Model { version: crate::engine::config::FORMAT_VERSION, config: t.config.clone(), network: t.network.clone() };
        Some(model.to_json())
    }

    /// The trained network as Keras code.
    pub fn keras_code(&self) -> Option<String> {
        let t = self.trainer.as_ref()?;
        Some(crate::engine::export::keras_code(&t.config, &t.network))
    }

    /// Shows another picture in the big heatmap.
    pub fn set_focus(&mut self, focus: Focus) {
        if self.focus != focus {
            self.focus = focus;
            self.draw_heatmap();
        }
    }

    /// Highlights a link (or none) and redraws the links.
    pub fn set_highlight(&mut self, h: Option<(usize, usize, usize)>) {
        if self.highlight != h {
            self.highlight = h;
            self.draw_links();
        }
    }
}

impl Default for Runner {
    fn default() -> Self {
        Self::new()
    }
}

/// A feature's values over a grid, scaled into [-1, 1] for display.
fn feature_values(f: Feature, grid: &Grid) -> Vec<Real> {
    let values: Vec<Real> = (0..grid.cells()).map(|i| {
        let (x, y) = grid.point(i);
        f.value(x, y)
    }).collect();
    let top = values.iter().fold(0.0 as Real, |m, v| m.max(v.abs())).max(1e-6);
    values.iter().map(|v| v / top).collect()
}

/// The epoch counter as TensorFlow Playground shows it: 000,000.
pub fn format_epoch(epoch: u64) -> String {
    let digits = format!("{epoch:06}");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn kebab(s: &str) -> String {
    s.chars().flat_map(|c| if c.is_uppercase() { vec!['-', c.to_ascii_lowercase()] } else { vec![c] }).collect()
}

/// Milliseconds from the page's clock.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

fn set_text(id: &str, text: &str) {
    if let Some(el) = element(id) {
        if el.text_content().as_deref() != Some(text) {
            el.set_text_content(Some(text));
        }
    }
}

/// The confusion matrix as table rows (numbers only), first row and column naming classes.
fn confusion_html(counts: &[u32]) -> String {
    let k = (counts.len() as f64).sqrt() as usize;
    if k == 0 {
        return String::new();
    }
    let name = |i: usize| if k == 2 { ["−1", "+1"][i].to_string() } else { i.to_string() };
    let colour = |i: usize| crate::render::colour::hex(crate::render::colour::class_colour(i, k));
    let mut html = String::from("<tr><th></th>");
    for j in 0..k {
        html += &format!("<th style=\"color:{}\">{}</th>", colour(j), name(j));
    }
    html += "</tr>";
    for i in 0..k {
        html += &format!("<tr><th style=\"color:{}\">{}</th>", colour(i), name(i));
        for j in 0..k {
            let class = if i == j { "hit" } else { "miss" };
            html += &format!("<td class=\"{class}\">{}</td>", counts[i * k + j]);
        }
        html += "</tr>";
    }
    html
}

/// Bars of the mean |dL/dW| per layer on a log scale from 1e-6 to 10.
fn draw_gradient_chart(canvas: &web_sys::HtmlCanvasElement, magnitudes: &[f64], output_label: &str) {
    let (w, h) = (260.0, 90.0);
    let ctx = canvas::hidpi(canvas, w, h);
    ctx.set_fill_style_str("#f7f8f9");
    ctx.fill_rect(0.0, 0.0, w, h);
    if magnitudes.is_empty() {
        return;
    }
    let (lo, hi) = (-6.0f64, 1.0f64);
    let slot = w / magnitudes.len() as f64;
    for (i, &m) in magnitudes.iter().enumerate() {
        let level = ((m.max(1e-12).log10() - lo) / (hi - lo)).clamp(0.0, 1.0);
        let bar = level * (h - 16.0);
        ctx.set_fill_style_str("#0877bd");
        ctx.fill_rect(i as f64 * slot + 4.0, h - 14.0 - bar, slot - 8.0, bar);
        ctx.set_fill_style_str("#555");
        ctx.set_font("10px system-ui, sans-serif");
        let label = if i + 1 == magnitudes.len() { output_label.to_string() } else { format!("{}", i + 1) };
        let _ = ctx.fill_text(&label, i as f64 * slot + slot / 2.0 - 6.0, h - 3.0);
    }
}
