//! A sweep (`#sweep-button` opens `#sweep`): one setting of the current setup tried at 2 to
//! 16 values, each a whole run in the worker from the same data and initial weights, with a
//! progress bar and a cancel; the final losses plotted against the value and listed
//! (`#sweep-results`, its `data-values`: `[{"value": v, "train": l, "test": l}, ...]`), saved
//! as CSV, and a row's value opens that setup.
//!
//! The panel is written as markup (its form only when the setting changes, so that typed
//! values stay) and listens once for its clicks and changes: the page's wasm stays within
//! its budget.

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

/// Text made safe to write into markup.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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

/// The form: the setting, its layer, the range, the count and the epochs.
fn form(knob: Knob, hidden: usize, lang: Lang) -> String {
    let t = |text: Text| esc(text.get(lang));
    let limit = knob.limit();
    let (from, to) = default_range(knob);
    let step = if knob.whole() { "1" } else { "any" };
    let field = |id: &str, label: Text, value: f64, min: f64, max: f64, step: &str| {
        format!(
            r#"<label class="field"><span>{}</span><input id="{id}" type="number" value="{value}" min="{min}" max="{max}" step="{step}"></label>"#,
            t(label)
        )
    };
    let options: String = Knob::ALL
        .iter()
        .map(|&o| {
            let selected = if o.key() == knob.key() { " selected" } else { "" };
            let disabled = if o == Knob::Neurons(0) && hidden == 0 { " disabled" } else { "" };
            format!(r#"<option value="{}"{selected}{disabled}>{}</option>"#, o.key(), t(knob_text(o)))
        })
        .collect();
    let layer =
        if matches!(knob, Knob::Neurons(_)) && hidden > 0 { field("sweep-layer", Text::SweepLayer, 1.0, 1.0, hidden as f64, "1") } else { String::new() };
    let range = Text::SweepRange.get(lang).replace("{min}", &limit.min.to_string()).replace("{max}", &limit.max.to_string());
    format!(
        r#"<div class="inspector-head"><h3>{title}</h3><button id="sweep-close" class="round small" aria-label="{close}" title="{close}">×</button></div><p class="text">{explain}</p><div class="sweep-form"><label class="field"><span>{setting}</span><select id="sweep-knob">{options}</select></label>{layer}{from}{to}{count}{epochs}</div><p class="explain">{range}</p>"#,
        title = t(Text::SweepTitle),
        close = t(Text::Close),
        explain = t(Text::SweepExplain),
        setting = t(Text::SweepSetting),
        from = field("sweep-from", Text::SweepFrom, from, limit.min, limit.max, step),
        to = field("sweep-to", Text::SweepTo, to, limit.min, limit.max, step),
        count = field("sweep-count", Text::SweepCount, 8.0, 2.0, 16.0, "1"),
        epochs = field("sweep-epochs", Text::SweepEpochs, 500.0, 1.0, crate::engine::sweep::MAX_EPOCHS as f64, "1"),
        range = esc(&range),
    )
}

/// Run or cancel, and the message (written anew only when they change, so that a button
/// stays under the pointer while the sweep goes on).
fn controls(shown: &Shown, problem: Option<&str>, lang: Lang) -> String {
    let t = |text: Text| esc(text.get(lang));
    let running = shown.as_ref().is_some_and(|(_, st)| st.error.is_none() && st.progress.0 < st.progress.1);
    let mut out = if running {
        format!(r#"<button id="sweep-cancel" class="tool">{}</button>"#, t(Text::Cancel))
    } else {
        format!(r#"<button id="sweep-run" class="tool">{}</button>"#, t(Text::SweepRun))
    };
    let refusal = shown.as_ref().and_then(|(_, st)| st.error).map(|e| match e {
        SweepRefusal::NoRun => Text::SweepNoRun.get(lang).to_string(),
        SweepRefusal::NotASetup(v) => Text::SweepNotASetup.get(lang).replace("{value}", &v.to_string()),
    });
    if let Some(m) = problem.map(String::from).or(refusal) {
        out += &format!(r#"<p id="sweep-message" class="explain" role="alert">{}</p>"#, esc(&m));
    }
    out
}

/// The progress and the outcomes so far.
fn status(shown: &Shown, lang: Lang) -> String {
    let t = |text: Text| esc(text.get(lang));
    let Some((knob, st)) = shown.as_ref().filter(|(_, st)| st.error.is_none()) else { return String::new() };
    let rows: String = st
        .outcomes
        .iter()
        .map(|o| {
            format!(
                r#"<tr><td><button class="link" data-value="{v}">{v}</button></td><td>{}</td><td>{}</td></tr>"#,
                loss(Some(o.train), lang),
                loss(o.test, lang),
                v = o.value
            )
        })
        .collect();
    format!(
        r#"<progress id="sweep-progress" max="{}" value="{}" aria-label="{run}"></progress><div id="sweep-results" data-values="{data}"><canvas id="sweep-canvas" role="img" aria-label="{chart}" style="width:{w}px;height:{h}px"></canvas><p class="chart-legend"><span class="item"><span class="line train"></span>{legend_train}</span><span class="item"><span class="line test"></span>{legend_test}</span></p><table class="sweep-table"><thead><tr><th>{name}</th><th>{train}</th><th>{test}</th></tr></thead><tbody>{rows}</tbody></table><p class="explain">{open}</p><button id="sweep-csv" class="tool">{csv}</button></div>"#,
        st.progress.1,
        st.progress.0,
        run = t(Text::SweepRun),
        data = esc(&values_json(&st.outcomes)),
        chart = t(Text::SweepChart),
        w = crate::render::sweep::WIDTH,
        h = crate::render::sweep::HEIGHT,
        legend_train = t(Text::LegendTraining),
        legend_test = t(Text::LegendTest),
        name = t(knob_text(*knob)),
        train = t(Text::TrainingLoss),
        test = t(Text::TestLoss),
        open = t(Text::SweepOpen),
        csv = t(Text::ExportCsv),
    )
}

/// Starts a sweep from the form's values, or says what is wrong with them.
fn start(ctx: &Ctx, knob: Knob, shown: &UseStateHandle<Shown>, problem: &UseStateHandle<Option<String>>) {
    let settings = ctx.settings();
    let number = |id: &str| field_value(id).trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let knob = match knob {
        Knob::Neurons(_) => Knob::Neurons(number("sweep-layer").map_or(0, |l| (l as usize).saturating_sub(1))),
        k => k,
    };
    let (Some(from), Some(to), Some(count), Some(epochs)) = (number("sweep-from"), number("sweep-to"), number("sweep-count"), number("sweep-epochs")) else {
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
    let onclick = {
        let (ctx, open, knob, shown, problem) = (p.ctx.clone(), open.clone(), knob.clone(), shown.clone(), problem.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("button").ok().flatten()) else {
                return;
            };
            let stop = || ctx.run.send(Command::Cancel(door::Service::Sweep));
            match button.id().as_str() {
                "sweep-button" | "sweep-close" => {
                    stop();
                    open.set(!*open);
                }
                "sweep-run" => start(&ctx, *knob, &shown, &problem),
                "sweep-cancel" => {
                    stop();
                    shown.set(None);
                }
                "sweep-csv" => {
                    if let Some((k, st)) = shown.as_ref() {
                        download("neurona-sweep.csv", "text/csv", &csv(*k, &st.outcomes));
                    }
                }
                _ => {
                    // A row's value opens that setup.
                    let (Some((k, st)), Some(value)) = (shown.as_ref(), button.get_attribute("data-value").and_then(|v| v.parse::<f64>().ok())) else { return };
                    // The worker checked every value against the setup.
                    if let Some(config) = k.set(&ctx.settings.config, value) {
                        // From the sweep's draw of initial weights: training it gives the
                        // sweep's figures.
                        ctx.run.send(Command::StartNextAtRound(st.round));
                        ctx.dispatch.emit(Action::Load(Box::new(Settings { config, ..(*ctx.settings).clone() })));
                    }
                }
            }
        })
    };
    let onchange = {
        let knob = knob.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).filter(|s| s.id() == "sweep-knob") else { return };
            if let Some(k) = Knob::of_key(&select.value(), 0) {
                knob.set(k);
            }
        })
    };
    let button = format!(r#"<button id="sweep-button" class="tool" aria-pressed="{}">{}</button>"#, *open, esc(Text::SweepButton.get(lang)));
    html! {
        <div class="sweep-tool" {onclick} {onchange}>
            { Html::from_html_unchecked(button.into()) }
            if *open {
                <section id="sweep" class="landscape sweep" aria-label={Text::SweepTitle.get(lang)}>
                    { Html::from_html_unchecked(form(*knob, s.config.network.hidden.len(), lang).into()) }
                    <div>{ Html::from_html_unchecked(controls(&shown, problem.as_deref(), lang).into()) }</div>
                    <div>{ Html::from_html_unchecked(status(&shown, lang).into()) }</div>
                </section>
            }
        </div>
    }
}
