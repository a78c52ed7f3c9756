//! A sweep (`#sweep-button` opens `#sweep`): one setting of the current setup tried at 2 to
//! 16 values, each a whole run in the worker from the same data and initial weights, with a
//! progress bar and a cancel; the final losses plotted against the value and listed
//! (`#sweep-results`, its `data-values`: `[{"value": v, "train": l, "test": l}, ...]`), saved
//! as CSV, and a row's value opens that setup. Its form keeps what is typed in a draft of its
//! own, started anew from the setting's defaults when the setting changes.

use super::ctx::*;
use super::files::download;
use crate::app::json;
use crate::engine::sweep::{Knob, Outcome, COUNT};
use door::{SweepRefusal, SweepState};

/// Properties of [`SweepTool`].
#[derive(Properties, PartialEq)]
pub(super) struct SweepProps {
    pub ctx: Ctx,
}

/// A sweep asked for: its setting, and where it stands.
type Shown = Option<(Knob, SweepState)>;

/// The knob's name in the page's language.
fn knob_text(knob: Knob) -> Text {
    match knob {
        Knob::LearningRate => Text::LearningRate,
        Knob::Neurons(_) => Text::SweepNeurons,
        Knob::PercentTrain => Text::RatioTrain,
        Knob::Noise => Text::Noise,
        Knob::RegularizationRate => Text::RegularizationRate,
        Knob::BatchSize => Text::BatchSize,
    }
}

/// The range a sweep of `knob` starts with.
fn default_range(knob: Knob) -> (f64, f64) {
    match knob {
        Knob::LearningRate => (0.001, 1.0),
        Knob::RegularizationRate => (0.0001, 0.1),
        Knob::BatchSize => (1.0, 30.0),
        _ => (knob.limit().min, knob.limit().max),
    }
}

/// The outcomes as `data-values` writes them.
fn values_json(outcomes: &[Outcome]) -> String {
    json::list(
        outcomes
            .iter()
            .map(|o| json::object(&[("value", json::number(o.value)), ("train", json::number(o.train)), ("test", o.test.map_or("null".into(), json::number))])),
    )
}

/// The outcomes as CSV, with the setting's link key as the first column's name.
fn csv(knob: Knob, outcomes: &[Outcome]) -> String {
    let number = |v: Option<f64>| v.filter(|v| v.is_finite()).map_or(String::new(), |v| v.to_string());
    let rows = outcomes.iter().map(|o| format!("{},{},{},{}\n", o.value, number(Some(o.train)), number(o.test), o.epochs));
    format!("{},train_loss,test_loss,epochs\n{}", knob.key(), rows.collect::<String>())
}

/// A loss as the table shows it.
fn loss(v: Option<f64>, lang: Lang) -> String {
    match v {
        Some(v) if v.is_finite() => format!("{v:.3}"),
        Some(_) => Text::SweepDiverged.get(lang).into(),
        None => "–".into(),
    }
}

/// The form's fields as typed: the layer (for a layer's neurons), the range, the count and
/// the epochs.
#[derive(Clone, PartialEq)]
struct Draft {
    layer: String,
    from: String,
    to: String,
    count: String,
    epochs: String,
}

impl Draft {
    /// The fields a sweep of `knob` starts with.
    fn of(knob: Knob) -> Draft {
        let (from, to) = default_range(knob);
        Draft { layer: "1".into(), from: from.to_string(), to: to.to_string(), count: "8".into(), epochs: "500".into() }
    }
}

/// The form: the setting, its layer, the range, the count and the epochs.
fn form(knob: Knob, hidden: usize, lang: Lang, draft: &UseStateHandle<Draft>, choose: Callback<Event>) -> Html {
    let limit = knob.limit();
    let edit = |set: fn(&mut Draft, String)| draft_edit(draft, set);
    let range = NumberSpec { min: Some(limit.min), max: Some(limit.max), whole: knob.whole() };
    let range_text = Text::SweepRange.get(lang).replace("{min}", &limit.min.to_string()).replace("{max}", &limit.max.to_string());
    html! {
        <>
            <div class="sweep-form">
                <label class="field"><span>{ Text::SweepSetting.get(lang) }</span>
                    <select id="sweep-knob" onchange={choose}>
                        { for Knob::ALL.iter().map(|&o| html! {
                            <option value={o.key()} selected={o.key() == knob.key()} disabled={o == Knob::Neurons(0) && hidden == 0}>{ knob_text(o).get(lang) }</option>
                        }) }
                    </select>
                </label>
                if matches!(knob, Knob::Neurons(_)) && hidden > 0 {
                    { number_field("sweep-layer", Text::SweepLayer.get(lang), NumberSpec { min: Some(1.0), max: Some(hidden as f64), whole: true }, &draft.layer, edit(|d, v| d.layer = v)) }
                }
                { number_field("sweep-from", Text::SweepFrom.get(lang), range, &draft.from, edit(|d, v| d.from = v)) }
                { number_field("sweep-to", Text::SweepTo.get(lang), range, &draft.to, edit(|d, v| d.to = v)) }
                { number_field("sweep-count", Text::SweepCount.get(lang), NumberSpec { min: Some(COUNT.0 as f64), max: Some(COUNT.1 as f64), whole: true }, &draft.count, edit(|d, v| d.count = v)) }
                { number_field("sweep-epochs", Text::SweepEpochs.get(lang), NumberSpec { min: Some(1.0), max: Some(crate::engine::sweep::MAX_EPOCHS as f64), whole: true }, &draft.epochs, edit(|d, v| d.epochs = v)) }
            </div>
            <p class="explain">{ range_text }</p>
        </>
    }
}

/// Whether a sweep is under way.
fn running(shown: &Shown) -> bool {
    shown.as_ref().is_some_and(|(_, st)| st.error.is_none() && st.progress.0 < st.progress.1)
}

/// What is wrong, if anything: the form's values, or the worker's refusal.
fn message(shown: &Shown, problem: Option<&str>, lang: Lang) -> Html {
    let refusal = shown.as_ref().and_then(|(_, st)| st.error).map(|e| match e {
        SweepRefusal::NoRun => Text::SweepNoRun.get(lang).to_string(),
        SweepRefusal::NotASetup(v) => Text::SweepNotASetup.get(lang).replace("{value}", &v.to_string()),
    });
    match problem.map(String::from).or(refusal) {
        Some(m) => html! { <p id="sweep-message" class="explain" role="alert">{ m }</p> },
        None => html! {},
    }
}

/// The progress and the outcomes so far; a row's value opens that setup.
fn status(shown: &Shown, lang: Lang, open_value: impl Fn(f64) -> Callback<MouseEvent>, save: Callback<MouseEvent>) -> Html {
    let t = |text: Text| text.get(lang);
    let Some((knob, st)) = shown.as_ref().filter(|(_, st)| st.error.is_none()) else { return html! {} };
    let style = format!("width:{}px;height:{}px", crate::render::sweep::WIDTH, crate::render::sweep::HEIGHT);
    html! {
        <>
            <progress id="sweep-progress" max={st.progress.1.to_string()} value={st.progress.0.to_string()} aria-label={t(Text::SweepRun)}></progress>
            <div id="sweep-results" data-values={values_json(&st.outcomes)}>
                <canvas id="sweep-canvas" role="img" aria-label={t(Text::SweepChart)} {style}></canvas>
                <p class="chart-legend">
                    <span class="item"><span class="line train"></span>{ t(Text::LegendTraining) }</span>
                    <span class="item"><span class="line test"></span>{ t(Text::LegendTest) }</span>
                </p>
                <table class="sweep-table">
                    <thead><tr><th>{ t(knob_text(*knob)) }</th><th>{ t(Text::TrainingLoss) }</th><th>{ t(Text::TestLoss) }</th></tr></thead>
                    <tbody>
                        { for st.outcomes.iter().map(|o| html! {
                            <tr>
                                <td><button class="link" data-value={o.value.to_string()} onclick={open_value(o.value)}>{ o.value }</button></td>
                                <td>{ loss(Some(o.train), lang) }</td>
                                <td>{ loss(o.test, lang) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <p class="explain">{ t(Text::SweepOpen) }</p>
                <button id="sweep-csv" class="tool" onclick={save}>{ t(Text::ExportCsv) }</button>
            </div>
        </>
    }
}

/// Starts a sweep from the form's values, or says what is wrong with them.
fn start(ctx: &Ctx, knob: Knob, draft: &Draft, shown: &UseStateHandle<Shown>, problem: &UseStateHandle<Option<String>>) {
    let settings = ctx.settings();
    let number = |text: &str| text.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let knob = match knob {
        Knob::Neurons(_) => Knob::Neurons(number(&draft.layer).map_or(0, |l| (l as usize).saturating_sub(1))),
        k => k,
    };
    let (Some(from), Some(to), Some(count), Some(epochs)) = (number(&draft.from), number(&draft.to), number(&draft.count), number(&draft.epochs)) else {
        problem.set(Some(Text::SweepBadNumber.get(settings.lang).into()));
        return;
    };
    // The worker spaces the values and checks each against the setup.
    let count = (count.round() as usize).clamp(COUNT.0, COUNT.1);
    let epochs = (epochs.round() as u64).clamp(1, crate::engine::sweep::MAX_EPOCHS);
    problem.set(None);
    shown.set(None);
    let heard = {
        let shown = shown.clone();
        Callback::from(move |st: SweepState| shown.set(Some((knob, st))))
    };
    ctx.run.send(Command::ask(door::Ask::Sweep(Box::new(door::SweepAsk { knob, range: (from, to, count), epochs })), heard));
}

/// The button, and the panel while it is open (its own state: the chosen setting, the sweep
/// under way and its outcomes).
#[function_component(SweepTool)]
pub(super) fn sweep_tool(p: &SweepProps) -> Html {
    let s = p.ctx.settings();
    let lang = s.lang;
    let open = use_state(|| false);
    let knob = use_state(|| Knob::LearningRate);
    let shown = use_state(|| None::<(Knob, SweepState)>);
    let problem = use_state(|| None::<String>);
    {
        let shown = shown.clone();
        use_effect(move || {
            if let (Some(c), Some((k, st))) = (canvas_by_id("sweep-canvas"), shown.as_ref()) {
                crate::render::sweep::draw_sweep(&c, &st.outcomes, &st.values, k.logarithmic());
            }
            || ()
        });
    }
    // The results are brought into view when they are all in (they arrive below the form).
    {
        let done = shown.as_ref().is_some_and(|(_, st)| st.progress.0 >= st.progress.1);
        use_effect_with(done, |&done| {
            if done {
                bring_into_view("sweep-results");
            }
            || ()
        });
    }
    let draft = use_state(|| Draft::of(Knob::LearningRate));
    let ctx = &p.ctx;
    let stop = {
        let ctx = ctx.clone();
        move || ctx.run.send(Command::Cancel(door::Service::Sweep))
    };
    let toggle = {
        let (open, stop) = (open.clone(), stop.clone());
        Callback::from(move |_: MouseEvent| {
            stop();
            open.set(!*open);
        })
    };
    let run = {
        let (ctx, knob, draft, shown, problem) = (ctx.clone(), knob.clone(), draft.clone(), shown.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| start(&ctx, *knob, &draft, &shown, &problem))
    };
    let cancel = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            stop();
            shown.set(None);
        })
    };
    let save = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some((k, st)) = shown.as_ref() {
                download("neurona-sweep.csv", "text/csv", &csv(*k, &st.outcomes));
            }
        })
    };
    let open_value = |value: f64| {
        let (ctx, shown) = (ctx.clone(), shown.clone());
        Callback::from(move |_: MouseEvent| {
            let Some((k, st)) = shown.as_ref() else { return };
            // The worker checked every value against the setup.
            if let Some(config) = k.set(&ctx.settings.config, value) {
                // From the sweep's draw of initial weights: training it gives the sweep's
                // figures.
                ctx.run.send(Command::StartNextAtRound(st.round));
                ctx.dispatch.emit(Action::Load(Box::new(Settings { config, ..(*ctx.settings).clone() })));
            }
        })
    };
    let choose = {
        let (knob, draft) = (knob.clone(), draft.clone());
        Callback::from(move |e: Event| {
            if let Some(k) = Knob::of_key(&select_value(&e), 0) {
                knob.set(k);
                draft.set(Draft::of(k));
            }
        })
    };
    html! {
        <div class="sweep-tool">
            <button id="sweep-button" class="tool" aria-pressed={open.to_string()} onclick={toggle.clone()}>{ Text::SweepButton.get(lang) }</button>
            if *open {
                <section id="sweep" class="landscape sweep" aria-label={Text::SweepTitle.get(lang)}>
                    <div class="inspector-head">
                        <h3>{ Text::SweepTitle.get(lang) }</h3>
                        <button id="sweep-close" class="round small" aria-label={Text::Close.get(lang)} title={Text::Close.get(lang)} onclick={toggle}>{ "×" }</button>
                    </div>
                    <p class="text">{ Text::SweepExplain.get(lang) }</p>
                    { form(*knob, s.config.network.hidden.len(), lang, &draft, choose) }
                    <div>
                        if running(&shown) {
                            <button id="sweep-cancel" class="tool" onclick={cancel}>{ Text::Cancel.get(lang) }</button>
                        } else {
                            <button id="sweep-run" class="tool" onclick={run}>{ Text::SweepRun.get(lang) }</button>
                        }
                        { message(&shown, problem.as_deref(), lang) }
                    </div>
                    <div>{ status(&shown, lang, open_value, save) }</div>
                </section>
            }
        </div>
    }
}
