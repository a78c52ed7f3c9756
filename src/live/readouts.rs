//! What the frame loop writes beside the pictures: the perceptron's mistakes, a threshold
//! unit's fields, and the hint about what is going wrong.

use super::dom::{element, set_text};
use super::ids;
use crate::engine::diagnose::Trouble;
use crate::engine::{EpochReport, Trainer};
use crate::i18n::{Lang, Text};
use wasm_bindgen::JsCast;

/// Shows (or hides) the hint about what is going wrong, with its kind in `data-kind`.
pub fn write_trouble(trouble: Option<Trouble>, lang: Lang) {
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

/// The perceptron's mistakes and a threshold unit's fields (the figures beside the picture
/// are components that read the run themselves).
pub fn write_readouts(trainer: Option<&Trainer>, lang: Lang) {
    let Some(t) = trainer else { return };
    if t.config.is_perceptron() {
        let fresh = EpochReport::default();
        let report = t.last.as_ref().unwrap_or(&fresh);
        // Counted with the weights as they are now, so a weight typed by hand shows at once.
        let mistakes = report.train.accuracy.map_or(0, |a| ((1.0 - a) * report.train.count as f64).round() as usize);
        let verdict = if mistakes == 0 { Text::Converged } else { Text::NotConverged };
        set_text(ids::PERCEPTRON, &format!("{mistakes} ({})", verdict.get(lang)));
        if let Some(el) = element(ids::PERCEPTRON) {
            let _ = el.set_attribute("data-mistakes", &mistakes.to_string());
        }
        write_threshold_fields(t);
    }
}
