//! The neuron inspector's numbers, kept current by the frame loop (one neuron's sum at one
//! point), and a point of the plane in words.

use super::dom::{element, set_text};
use super::ids;
use crate::engine::{Activation, Real, Trainer};
use crate::i18n::{Lang, Text};
use crate::render::canvas::{self, canvas_by_id};
use crate::settings::Settings;

/// The point whose arithmetic the neuron inspector shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InspectPoint {
    /// A training point, by its place in the training set.
    Training(usize),
    /// A point of the plane (under the pointer on the output).
    At(Real, Real),
}

/// What the math views last drew.
#[derive(Default)]
pub struct MathViews {
    /// The inspector's plot: its activation and z (to the plot's resolution).
    last_plot: Option<(Activation, i64)>,
}

impl MathViews {
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
}

/// A number as the lesson writes it in a product: three decimals, negatives in brackets.
fn signed(v: Real) -> String {
    if v < 0.0 {
        format!("(−{:.3})", -v)
    } else {
        format!("{v:.3}")
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
