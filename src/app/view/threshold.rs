//! A threshold unit by hand: its weights and bias typed in, the perceptron rule stepped one
//! point at a time with what it did in words, and its mistakes on the training points.

use super::controls::NumberField;
use super::ctx::*;
use super::panel::use_frame;
use super::readouts::ReadoutProps;
use crate::engine::limits::THRESHOLD_WEIGHT;
use crate::engine::EpochReport;

/// Properties of [`ThresholdUnit`].
#[derive(Properties, PartialEq)]
pub(super) struct ThresholdProps {
    pub run: RunDoor,
    pub lang: Lang,
    /// The data set is XOR, which no threshold unit can separate: said under the fields.
    pub xor: bool,
}

/// A threshold unit by hand (one step unit on X1 and X2): its weights and bias typed in,
/// the decision line and the mistakes following at once; the perceptron rule stepped one
/// point at a time, saying which point moved the weights and how. The fields follow the
/// run (the one being typed into keeps what is typed).
#[function_component(ThresholdUnit)]
pub(super) fn threshold_unit(p: &ThresholdProps) -> Html {
    use_frame(&p.run);
    let lang = p.lang;
    // What the last step did, and how many steps the worker has answered (`data-steps`).
    let log = use_state(|| (String::new(), 0u32));
    let run = p.run.clone();
    // Shown to three decimals.
    let r = |v: Real| (v * 1000.0).round() / 1000.0;
    let values = run
        .read(|run| run.trainer().and_then(|t| crate::app::backprop_steps::threshold_weights(t, &t.config)))
        .map(|(a, b, c)| [r(a), r(b), r(c)])
        .unwrap_or_default();
    let ids = ["tlu-w1", "tlu-w2", "tlu-b"];
    let set = |input: Option<usize>| {
        let run = run.clone();
        Callback::from(move |v: Real| run.send(Command::SetParameter { layer: 0, neuron: 0, input, value: v }))
    };
    let step = {
        let run = run.clone();
        let log = log.clone();
        Callback::from(move |_: MouseEvent| {
            let log = log.clone();
            run.send(Command::PerceptronStep(Callback::from(move |s| log.set((describe_step(&s, lang), log.1 + 1)))));
        })
    };
    html! {
        <div class="threshold-unit" role="group" aria-label={Text::ByHand.get(lang)}>
            <p class="label">{ Text::ByHand.get(lang) }</p>
            <div class="params">
                <NumberField id={ids[0]} label="w₁" limit={THRESHOLD_WEIGHT} value={values[0]} onchange={set(Some(0))} />
                <NumberField id={ids[1]} label="w₂" limit={THRESHOLD_WEIGHT} value={values[1]} onchange={set(Some(1))} />
                <NumberField id={ids[2]} label="b" limit={THRESHOLD_WEIGHT} value={values[2]} onchange={set(None)} />
            </div>
            if p.xor {
                <p class="explain">{ Text::XorByHand.get(lang) }</p>
            }
            <button id="perceptron-step" class="tool" onclick={step}>{ Text::PerceptronStep.get(lang) }</button>
            <p id={ids::PERCEPTRON_LOG} class="explain" aria-live="polite" data-steps={log.1.to_string()}>{ log.0.clone() }</p>
        </div>
    }
}

/// What one step of the perceptron rule did, in words.
fn describe_step(s: &crate::engine::perceptron::PerceptronStep, lang: Lang) -> String {
    let n = |v: Real| format!("{v:.2}");
    let mut text = format!(
        "{} {} (x₁ = {}, x₂ = {}), {} {}: {} {}",
        Text::Point.get(lang),
        s.point + 1,
        n(s.inputs[0]),
        n(s.inputs[1]),
        Text::Label.get(lang),
        s.target,
        Text::UnitSaid.get(lang),
        s.predicted
    );
    if s.changed {
        let names = ["w₁", "w₂", "b"];
        let moves: Vec<String> = names.iter().zip(s.before.iter().zip(&s.after)).map(|(name, (a, b))| format!("{name} {} → {}", n(*a), n(*b))).collect();
        text += &format!(" — {}: {}", Text::RuleMoved.get(lang), moves.join(", "));
    } else {
        text += &format!(" — {}", Text::RuleRight.get(lang));
    }
    text
}

/// The perceptron's mistakes on the training points, counted with the weights as they are
/// (so a weight typed by hand shows at once), and whether it converged.
#[function_component(PerceptronMistakes)]
pub(super) fn perceptron_mistakes(p: &ReadoutProps) -> Html {
    use_frame(&p.run);
    p.run.read(|run| {
        let Some(t) = run.trainer().filter(|t| t.config.is_perceptron()) else {
            return html! { <b id={ids::PERCEPTRON}>{ "–" }</b> };
        };
        let fresh = EpochReport::default();
        let report = t.last.as_ref().unwrap_or(&fresh);
        let mistakes = report.train.accuracy.map_or(0, |a| ((1.0 - a) * report.train.count as f64).round() as usize);
        let verdict = if mistakes == 0 { Text::Converged } else { Text::NotConverged };
        html! { <b id={ids::PERCEPTRON} data-mistakes={mistakes.to_string()}>{ format!("{mistakes} ({})", verdict.get(p.lang)) }</b> }
    })
}
