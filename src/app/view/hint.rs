//! The exercise's hint (`#hint-button`): the first press has the worker try small changes of
//! the student's own setup and names the setting that helps the goal most (`data-knob`), the
//! second says which way (`data-direction`) and what the change gave.

use super::ctx::*;
use crate::app::exercise::Goal;
use crate::engine::hint::{Aim, Direction, Hint};

/// Epochs of each run tried when the exercise sets no limit.
const EPOCHS: u64 = 200;

/// Properties of [`HintTool`].
#[derive(Properties, PartialEq)]
pub(super) struct HintProps {
    pub ctx: Ctx,
}

/// What the hint has found for a setup, and how far it was read.
#[derive(Clone, PartialEq)]
struct Shown {
    /// The setup it was worked out for.
    config: crate::engine::Config,
    /// Presses so far: 1 names the setting, 2 the way too.
    presses: u8,
    /// The worker's answer, once it came.
    found: Option<door::HintFound>,
    /// Runs tried so far, and in all, while it works.
    progress: (usize, usize),
}

/// A goal's measure as the hint says it.
fn measure(v: f64, goal: Goal) -> String {
    match goal {
        Goal::Accuracy(_) | Goal::MapAccuracy(_) => format!("{:.0}%", v * 100.0),
        Goal::TestLoss(_) => format!("{v:.3}"),
    }
}

/// The button and what it has said.
#[function_component(HintTool)]
pub(super) fn hint_tool(p: &HintProps) -> Html {
    let shown = use_state(|| None::<Shown>);
    let s = p.ctx.settings();
    let (lang, e) = (s.lang, &s.exercise);
    let Some(goal) = e.goal else { return html! {} };
    // The runs a hint tries are capped, so that it answers within seconds; the cap is said.
    let points = p.ctx.run.read(|r| r.trainer().map_or(1, |t| t.train_len()));
    let epochs = crate::engine::hint::hint_epochs(e.max_epochs.unwrap_or(EPOCHS), points);
    // Worked out for another setup, it is forgotten.
    let current = shown.as_ref().filter(|h| h.config == s.config);
    let onclick = {
        let (ctx, shown, current) = (p.ctx.clone(), shown.clone(), current.cloned());
        let max_neurons = e.max_neurons;
        Callback::from(move |_: MouseEvent| match current.clone() {
            Some(h) if h.found.is_some() => shown.set(Some(Shown { presses: 2, ..h })),
            Some(_) => {}
            None => {
                let config = ctx.settings.config.clone();
                shown.set(Some(Shown { config: config.clone(), presses: 1, found: None, progress: (0, 0) }));
                let (shown, asked) = (shown.clone(), config.clone());
                let heard = Callback::from(move |state: door::HintState| {
                    shown.set(Some(Shown { config: asked.clone(), presses: 1, found: state.found, progress: state.progress }))
                });
                let aim = match goal {
                    Goal::Accuracy(_) => Aim::Accuracy,
                    Goal::MapAccuracy(_) => Aim::MapAccuracy,
                    Goal::TestLoss(_) => Aim::TestLoss,
                };
                ctx.run.send(Command::Hint(Box::new(HintOrder { config, epochs, aim, max_neurons, then: heard })));
            }
        })
    };
    let found: Option<&Hint> = current.and_then(|h| h.found.as_ref()).and_then(|(f, _)| f.as_ref());
    let presses = current.map_or(0, |h| h.presses);
    let knob_name = |knob: &str| {
        match knob {
            "learningRate" => Text::HintLearningRate,
            "regularizationRate" => Text::HintRegularizationRate,
            _ => Text::HintNetwork,
        }
        .get(lang)
    };
    let way = |d: Direction| match d {
        Direction::Up => Text::HintUp,
        Direction::Down => Text::HintDown,
        Direction::Add => Text::HintAdd,
        Direction::Remove => Text::HintRemove,
    };
    let text = match (current.map(|h| &h.found), found) {
        (None, _) => String::new(),
        (Some(None), _) => Text::HintWorking
            .get(lang)
            .replace("{epochs}", &epochs.to_string())
            .replace("{done}", &current.map_or(0, |h| h.progress.0).to_string())
            .replace("{all}", &current.map_or(0, |h| h.progress.1).to_string()),
        (Some(Some(_)), None) => Text::HintNone.get(lang).into(),
        (Some(Some(_)), Some(h)) if presses < 2 => Text::HintKnob.get(lang).replace("{knob}", knob_name(&h.knob)),
        (Some(Some(_)), Some(h)) => format!(
            "{} {} {}",
            Text::HintKnob.get(lang).replace("{knob}", knob_name(&h.knob)),
            way(h.direction).get(lang),
            Text::HintMeasured
                .get(lang)
                .replace("{epochs}", &epochs.to_string())
                .replace("{with}", &measure(h.measures.0, goal))
                .replace("{without}", &measure(h.measures.1, goal))
        ),
    };
    let label = if found.is_some() && presses == 1 { Text::HintAgain } else { Text::HintButton };
    let working = current.is_some_and(|h| h.found.is_none());
    let cancel = {
        let (run, shown) = (p.ctx.run.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            run.send(Command::Cancel(door::Service::Hint));
            shown.set(None);
        })
    };
    let ctx = &p.ctx;
    html! {
        <div class="hint">
            <button id="hint-button" class="tool" {onclick}
                data-knob={found.map(|h| h.knob.clone())}
                data-direction={found.filter(|_| presses >= 2).map(|h| h.direction.name())}
                data-ms={current.and_then(|h| h.found.as_ref()).map(|(_, ms)| format!("{ms:.0}"))}>{ label.get(lang) }</button>
            // While it works, training goes on and the hint can be stopped.
            if working {
                <button id="hint-cancel" class="tool" onclick={cancel}>{ ctx.t(Text::HintCancel) }</button>
            }
            <p id="hint-text" class="hint-text" role="status">{ text }</p>
        </div>
    }
}
