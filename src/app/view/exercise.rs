//! The exercise a link sets: the teacher's question, the goal and limits, and whether this
//! run has met the goal; and the dialog in which a teacher makes one from the current setup.

use super::ctx::*;
use crate::app::exercise::{Exercise, Goal};

pub(super) fn goal_words(goal: Goal, lang: Lang) -> String {
    match goal {
        Goal::TestLoss(v) => Text::GoalTestLoss.get(lang).replace("{value}", &v.to_string()),
        Goal::Accuracy(v) => Text::GoalAccuracy.get(lang).replace("{value}", &v.to_string()),
        Goal::MapAccuracy(v) => Text::GoalMapAccuracy.get(lang).replace("{value}", &v.to_string()),
    }
}

/// The exercise's limits in words.
pub(super) fn limit_words(e: &Exercise, lang: Lang) -> Vec<String> {
    let mut limits = Vec::new();
    if let Some(n) = e.max_neurons {
        limits.push(Text::LimitNeurons.get(lang).replace("{n}", &n.to_string()));
    }
    if let Some(n) = e.max_epochs {
        // No epochs at all means the weights are set by hand.
        limits.push(if n == 0 { Text::LimitNoEpochs.get(lang).to_string() } else { Text::LimitEpochs.get(lang).replace("{n}", &n.to_string()) });
    }
    limits
}

/// The exercise panel, above the playground, when the link sets one.
pub(super) fn exercise_panel(ctx: &Ctx, met: Option<u64>) -> Html {
    let s = ctx.settings();
    let e = &s.exercise;
    if !e.is_set() {
        return html! {};
    }
    let lang = s.lang;
    let limits = limit_words(e, lang);
    html! {
        <section id="exercise" class="exercise" aria-label={ctx.t(Text::Exercise)}>
            <p class="exercise-title"><strong>{ ctx.t(Text::Exercise) }</strong></p>
            if let Some(goal) = e.goal {
                <p id="goal-status" class={classes!("goal-status", met.is_some().then_some("met"))}
                    data-met={met.is_some().to_string()} data-epoch={met.map(|m| m.to_string())}>
                    { goal_words(goal, lang) }{ " — " }
                    { match met {
                        Some(epoch) => Text::GoalMetAt.get(lang).replace("{epoch}", &epoch.to_string()),
                        None => Text::GoalNotYet.get(lang).to_string(),
                    } }
                </p>
            }
            if !limits.is_empty() {
                <p id="exercise-limits" class="limits">{ limits.join(" · ") }</p>
            }
            if !e.text.is_empty() {
                <p id="goal-text" class="goal-text">{ e.text.clone() }</p>
            }
            if e.goal.is_some() && e.max_epochs != Some(0) {
                <super::hint::HintTool ctx={ctx.clone()} />
            }
            if e.goal.is_some() {
                <super::handin::HandInTool ctx={ctx.clone()} />
            }
        </section>
    }
}

/// The controls a teacher may hide, with their names.
fn hideable_controls() -> Vec<(&'static str, Text)> {
    vec![
        ("playButton", Text::Play),
        ("stepButton", Text::Step),
        ("resetButton", Text::Reset),
        ("learningRate", Text::LearningRate),
        ("activation", Text::Activation),
        ("regularization", Text::Regularization),
        ("regularizationRate", Text::RegularizationRate),
        ("problem", Text::ProblemType),
        ("dataset", Text::Data),
        ("noise", Text::Noise),
        ("percTrainData", Text::RatioTrain),
        ("batchSize", Text::BatchSize),
        ("numHiddenLayers", Text::HiddenLayers),
        ("showTestData", Text::ShowTestData),
        ("discretize", Text::Discretize),
    ]
}

/// The exercise's shortest link (`#` and its hash), as the playground, its worksheet or its
/// class board.
pub(super) fn page_link(s: &Settings, worksheet: bool, board: bool) -> String {
    let mut e = s.clone();
    (e.worksheet, e.board) = (worksheet, board);
    format!("#{}", link::to_short_hash(&e))
}

/// What the builder's fields hold while the teacher edits them.
#[derive(Clone, PartialEq)]
struct Draft {
    /// The goal's kind: "", "test-loss", "accuracy" or "map-accuracy".
    kind: String,
    /// The goal's value as typed.
    value: String,
    /// The neuron and epoch limits as typed.
    neurons: String,
    epochs: String,
    /// The question.
    text: String,
    /// The controls students will not see.
    hidden: std::collections::BTreeSet<String>,
}

impl Draft {
    /// The fields as the exercise the link sets fills them.
    fn of(s: &Settings) -> Draft {
        let e = &s.exercise;
        let (kind, value) = match e.goal {
            Some(Goal::TestLoss(v)) => ("test-loss", v.to_string()),
            Some(Goal::Accuracy(v)) => ("accuracy", v.to_string()),
            Some(Goal::MapAccuracy(v)) => ("map-accuracy", v.to_string()),
            None => ("", String::new()),
        };
        Draft {
            kind: kind.into(),
            value,
            neurons: e.max_neurons.map(|n| n.to_string()).unwrap_or_default(),
            epochs: e.max_epochs.map(|n| n.to_string()).unwrap_or_default(),
            text: e.text.clone(),
            hidden: hideable_controls().into_iter().map(|(k, _)| k).filter(|k| !s.shows(k)).map(String::from).collect(),
        }
    }

    /// The exercise the fields make, and the controls hidden (in order, as the settings keep
    /// them).
    fn exercise(&self) -> (Exercise, Vec<String>) {
        let goal = match self.kind.as_str() {
            "test-loss" | "accuracy" | "map-accuracy" => Goal::parse(&format!("{}:{}", self.kind, self.value)),
            _ => None,
        };
        let number = |text: &str, max: u64| text.trim().parse::<u64>().ok().map(|n| n.min(max));
        let exercise = Exercise {
            goal,
            max_neurons: number(&self.neurons, crate::app::exercise::MAX_NEURONS as u64).map(|n| n as usize),
            max_epochs: number(&self.epochs, crate::app::exercise::MAX_EPOCHS),
            text: Exercise::clean_text(&self.text),
        };
        (exercise, self.hidden.iter().cloned().collect())
    }
}

/// The dialog that makes an exercise of the current setup, while it is open.
pub(super) fn exercise_builder(ctx: &Ctx, open: bool) -> Html {
    if open {
        html! { <ExerciseBuilder ctx={ctx.clone()} /> }
    } else {
        html! {}
    }
}

/// Properties of [`ExerciseBuilder`].
#[derive(Properties, PartialEq)]
struct BuilderProps {
    ctx: Ctx,
}

/// The dialog that makes an exercise of the current setup: goal, limits, question, and the
/// controls students will not see; it writes them into the link. Its fields start from the
/// exercise the link sets each time it opens.
#[function_component(ExerciseBuilder)]
fn builder(p: &BuilderProps) -> Html {
    let ctx = &p.ctx;
    let draft = use_state(|| Draft::of(&ctx.settings));
    let s = ctx.settings();
    let apply = {
        let (dispatch, draft) = (ctx.dispatch.clone(), draft.clone());
        Callback::from(move |_: MouseEvent| {
            let (exercise, hidden) = draft.exercise();
            dispatch.emit(Action::SetExercise(Box::new(exercise), hidden));
        })
    };
    // A field's change kept in the draft.
    let edit = |set: fn(&mut Draft, String)| draft_edit(&draft, set);
    let choose_kind = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            d.kind = select_value(&e);
            draft.set(d);
        })
    };
    let hide = |key: &'static str| {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut d = (*draft).clone();
            if e.target_unchecked_into::<HtmlInputElement>().checked() {
                d.hidden.insert(key.to_string());
            } else {
                d.hidden.remove(key);
            }
            draft.set(d);
        })
    };
    let close = ctx.send(Action::Panel(Panel::Builder(false)));
    let kind = draft.kind.as_str();
    html! {
        <div class="overlay" onclick={close.clone()}>
            <div id="exercise-builder" class="dialog" role="dialog" aria-modal="true" aria-labelledby="exercise-builder-title"
                onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2 id="exercise-builder-title">{ ctx.t(Text::MakeExercise) }</h2>
                <p class="text">{ ctx.t(Text::MakeExerciseHint) }</p>
                <label class="field"><span>{ ctx.t(Text::GoalKind) }</span>
                    <select id="exercise-goal-kind" onchange={choose_kind}>
                        <option value="" selected={kind.is_empty()}>{ ctx.t(Text::GoalNone) }</option>
                        <option value="test-loss" selected={kind == "test-loss"}>{ ctx.t(Text::TestLoss) }{ " ≤" }</option>
                        <option value="accuracy" selected={kind == "accuracy"}>{ ctx.t(Text::Accuracy) }{ " (%) ≥" }</option>
                        // The scene's map is on the satellite data only.
                        if s.config.data.dataset == Dataset::Satellite {
                            <option value="map-accuracy" selected={kind == "map-accuracy"}>{ ctx.t(Text::MapAccuracy) }{ " (%) ≥" }</option>
                        }
                    </select>
                </label>
                { number_field("exercise-goal-value", ctx.t(Text::GoalValue), NumberSpec { min: Some(0.0), max: None, whole: false }, &draft.value, edit(|d, v| d.value = v)) }
                { number_field("exercise-max-neurons", ctx.t(Text::MaxNeurons), NumberSpec { min: Some(0.0), max: Some(crate::app::exercise::MAX_NEURONS as f64), whole: true }, &draft.neurons, edit(|d, v| d.neurons = v)) }
                { number_field("exercise-max-epochs", ctx.t(Text::MaxEpochs), NumberSpec { min: Some(0.0), max: Some(crate::app::exercise::MAX_EPOCHS as f64), whole: true }, &draft.epochs, edit(|d, v| d.epochs = v)) }
                <label class="field"><span>{ ctx.t(Text::GoalQuestion) }</span>
                    <textarea id="exercise-text" rows="3" maxlength={crate::app::exercise::MAX_TEXT_CHARS.to_string()} value={draft.text.clone()} oninput={edit(|d, v| d.text = v)} />
                </label>
                <fieldset class="hide-controls"><legend>{ ctx.t(Text::HideFromStudents) }</legend>
                    { for hideable_controls().into_iter().map(|(key, name)| html! {
                        <label class="inline"><input type="checkbox" id={format!("exercise-hide-{key}")} checked={draft.hidden.contains(key)} onchange={hide(key)} />{ ctx.t(name) }</label>
                    }) }
                </fieldset>
                if s.exercise.is_set() {
                    <p class="text">{ ctx.t(Text::ExerciseShareHint) }</p>
                    <p class="builder-links">
                        <a id="exercise-worksheet" class="tool" target="_blank" rel="noopener" href={page_link(s, true, false)}>{ ctx.t(Text::ExerciseWorksheet) }</a>
                        <a id="exercise-board" class="tool" target="_blank" rel="noopener" href={page_link(s, false, true)}>{ ctx.t(Text::ExerciseBoard) }</a>
                    </p>
                }
                <div class="dialog-buttons">
                    <button id="exercise-apply" class="tool primary" onclick={apply}>{ ctx.t(Text::ExerciseApply) }</button>
                    <button id="exercise-cancel" class="tool" onclick={close}>{ ctx.t(Text::Cancel) }</button>
                </div>
            </div>
        </div>
    }
}
