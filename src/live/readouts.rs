//! The figures written beside the pictures: the epoch counter, losses and accuracies, the
//! perceptron's mistakes and a threshold unit's fields, and the hint about what is going
//! wrong.

use super::dom::{element, set_text};
use super::ids;
use crate::engine::diagnose::Trouble;
use crate::engine::{EpochReport, Metrics, Trainer};
use crate::i18n::{Lang, Text};
use crate::render::readouts::format_epoch;
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

/// The epoch counter, the losses, accuracies and the perceptron's mistakes.
pub fn write_readouts(trainer: Option<&Trainer>, lang: Lang) {
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
    set_text(ids::LOSS_TRAIN, &loss(train));
    set_text(ids::LOSS_VAL, &loss(val));
    set_text(ids::LOSS_TEST, &loss(test));
    set_text(ids::MOBILE_LOSS, &loss(test.or(train)));
    set_text(ids::ACCURACY_TRAIN, &pct(train));
    set_text(ids::ACCURACY_VAL, &pct(val));
    set_text(ids::ACCURACY_TEST, &pct(test));
    set_text(ids::MOBILE_ACCURACY, &pct(test.or(train)));
}
