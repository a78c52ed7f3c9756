//! The readouts beside the pictures, each a component that reads the run at every frame stamp
//! and is rendered by Yew: what the big picture shows, what is going wrong, the perceptron's
//! mistakes, the timeline of earlier epochs and the frame loop's own figures.

use super::ctx::*;
use super::panel::{use_frame, LiveHandle};
use crate::engine::diagnose::Trouble;
use crate::engine::EpochReport;

/// The live side and the page's language: all a readout needs.
#[derive(Properties, PartialEq)]
pub(super) struct ReadoutProps {
    pub live: LiveHandle,
    pub lang: Lang,
}

/// Which picture the big heatmap shows, in words.
fn focus_words(focus: Focus, lang: Lang) -> String {
    let shown = match focus {
        Focus::Output => Text::TheOutput.get(lang).to_string(),
        Focus::Feature(f) => f.label().to_string(),
        Focus::Neuron(l, j) => format!("{} {}, {} {}", Text::HiddenLayerWord.get(lang), LayerNo::of(l), Text::Neuron.get(lang), j + 1),
    };
    format!("{} {shown}", Text::OutputAt.get(lang))
}

/// What the big heatmap shows.
#[function_component(HeatmapLabel)]
pub(super) fn heatmap_label(p: &ReadoutProps) -> Html {
    use_frame(&p.live);
    let focus = p.live.0.borrow().focus();
    html! { <div id={ids::HEATMAP_LABEL} class="heatmap-label" aria-live="polite">{ focus_words(focus, p.lang) }</div> }
}

/// The hint about what is going wrong: its kind (for `data-kind`) and its words.
fn hint_words(trouble: Option<Trouble>, lang: Lang) -> (&'static str, String) {
    match trouble {
        None => ("", String::new()),
        Some(Trouble::Exploding(l)) => ("exploding", Text::HintExploding.get(lang).replace("{layer}", &LayerNo::of(l).to_string())),
        Some(Trouble::DeadLayer(l)) => ("dead", Text::HintDeadLayer.get(lang).replace("{layer}", &LayerNo::of(l).to_string())),
        Some(Trouble::Stalled) => ("stalled", Text::HintStalled.get(lang).to_string()),
        Some(Trouble::Stuck) => ("stuck", Text::HintStuck.get(lang).to_string()),
    }
}

/// What is going wrong with the run, if anything, beside the losses.
#[function_component(TrainingHint)]
pub(super) fn training_hint(p: &ReadoutProps) -> Html {
    use_frame(&p.live);
    let (kind, text) = hint_words(p.live.0.borrow().trouble(), p.lang);
    html! { <p id={ids::TRAINING_HINT} class="training-hint" role="status" data-kind={kind} hidden={kind.is_empty()}>{ text }</p> }
}

/// The perceptron's mistakes on the training points, counted with the weights as they are
/// (so a weight typed by hand shows at once), and whether it converged.
#[function_component(PerceptronMistakes)]
pub(super) fn perceptron_mistakes(p: &ReadoutProps) -> Html {
    use_frame(&p.live);
    let live = p.live.0.borrow();
    let Some(t) = live.trainer().filter(|t| t.config.is_perceptron()) else {
        return html! { <b id={ids::PERCEPTRON}>{ "–" }</b> };
    };
    let fresh = EpochReport::default();
    let report = t.last.as_ref().unwrap_or(&fresh);
    let mistakes = report.train.accuracy.map_or(0, |a| ((1.0 - a) * report.train.count as f64).round() as usize);
    let verdict = if mistakes == 0 { Text::Converged } else { Text::NotConverged };
    html! { <b id={ids::PERCEPTRON} data-mistakes={mistakes.to_string()}>{ format!("{mistakes} ({})", verdict.get(p.lang)) }</b> }
}

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub(super) struct TimelineProps {
    pub live: LiveHandle,
    pub lang: Lang,
    /// Called with the epoch the range is dragged to.
    pub onscrub: Callback<u64>,
}

/// The run's earlier epochs: a range from 0 to the newest, at the one shown, and what it
/// shows in words.
#[function_component(Timeline)]
pub(super) fn timeline(p: &TimelineProps) -> Html {
    use_frame(&p.live);
    let live = p.live.0.borrow();
    let newest = live.newest_epoch();
    let viewed = live.viewed_epoch();
    let shown = viewed.unwrap_or(newest);
    let text = match viewed {
        Some(e) => Text::TimelineBack.get(p.lang).replace("{epoch}", &e.to_string()).replace("{newest}", &newest.to_string()),
        None => Text::TimelineNow.get(p.lang).replace("{kept}", &live.timeline_kept().to_string()),
    };
    let oninput = p.onscrub.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value().parse::<u64>().unwrap_or(0));
    html! {
        <div class="timeline">
            <input type="range" id={ids::TIMELINE} min="0" max={newest.to_string()} value={shown.to_string()} step="1"
                aria-label={Text::Timeline.get(p.lang)} aria-valuetext={format!("{shown} / {newest}")} {oninput} />
            <p id={ids::TIMELINE_LABEL} class="timeline-label" aria-live="off">{ text }</p>
        </div>
    }
}

/// The frame loop's own figures while training (`showPerformance`): as text, and as
/// `data-*` attributes for scripts.
#[function_component(PerfReadout)]
pub(super) fn perf_readout(p: &ReadoutProps) -> Html {
    use_frame(&p.live);
    let Some(f) = p.live.0.borrow().perf_figures() else {
        return html! { <div id={ids::PERF} class="perf" aria-live="off"></div> };
    };
    let lang = p.lang;
    let text = format!(
        "{:.0} {} · {:.0} fps · {} {:.2} {} · {} {:.2} {} ({} {:.2} + {} {:.2})",
        f.epochs_per_second,
        Text::EpochsPerSecond.get(lang),
        f.frames_per_second,
        Text::TrainingTime.get(lang),
        f.train_ms,
        Text::MsPerFrame.get(lang),
        Text::PageTime.get(lang),
        f.page_ms,
        Text::MsPerFrame.get(lang),
        Text::GridTime.get(lang),
        f.grid_ms,
        Text::DrawingTime.get(lang),
        f.draw_ms,
    );
    let n = |v: f64| format!("{v:.3}");
    html! {
        <div id={ids::PERF} class="perf" aria-live="off" data-epochs-per-second={n(f.epochs_per_second)} data-frames-per-second={n(f.frames_per_second)}
            data-train-ms={n(f.train_ms)} data-grid-ms={n(f.grid_ms)} data-draw-ms={n(f.draw_ms)} data-page-ms={n(f.page_ms)}>{ text }</div>
    }
}
