//! The point the neuron inspector looks at, and a point of the plane in words (in the data's
//! own units where it has them).

use crate::engine::Real;
use crate::i18n::{Lang, Text};

/// The point whose arithmetic the neuron inspector shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum InspectPoint {
    /// A training point, by its place in the training set.
    Training(usize),
    /// A point of the plane (under the pointer on the output).
    At(Real, Real),
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
    let names = match config.data.dataset {
        crate::engine::Dataset::PassFail => Some((Text::HoursOfStudy, Text::PreviousGrade)),
        crate::engine::Dataset::Satellite => Some((Text::RedBand, Text::NirBand)),
        _ => None,
    };
    if let Some((x, y)) = names {
        axes.x.name = x.get(lang).into();
        axes.y.name = y.get(lang).into();
    }
    axes
}
