//! The readouts beside the pictures, each a component that reads the run at every frame stamp
//! and is rendered by Yew: what the big picture shows, what is going wrong and the frame
//! loop's own figures.

use super::ctx::*;
use super::panel::use_frame;
use crate::engine::diagnose::Trouble;

/// The live side and the page's language: all a readout needs.
#[derive(Properties, PartialEq)]
pub(super) struct ReadoutProps {
    pub run: RunDoor,
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
    use_frame(&p.run);
    let focus = p.run.read(|r| r.page.focus);
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
    use_frame(&p.run);
    let (kind, text) = hint_words(p.run.read(|r| r.trouble()), p.lang);
    html! { <p id={ids::TRAINING_HINT} class="training-hint" role="status" data-kind={kind} hidden={kind.is_empty()}>{ text }</p> }
}

/// The frame loop's own figures while training (`showPerformance`): as text, and as
/// `data-*` attributes for scripts.
#[function_component(PerfReadout)]
pub(super) fn perf_readout(p: &ReadoutProps) -> Html {
    use_frame(&p.run);
    let Some(f) = p.run.read(|r| r.page.perf) else {
        return html! { <div id={ids::PERF} class="perf" aria-live="off"></div> };
    };
    let lang = p.lang;
    let text = format!(
        "{:.0} {} · {:.0} fps · {} {:.2} {} · {} {:.2} {}",
        f.epochs_per_second,
        Text::EpochsPerSecond.get(lang),
        f.frames_per_second,
        Text::TrainingTime.get(lang),
        f.train_ms,
        Text::MsPerFrame.get(lang),
        Text::PageTime.get(lang),
        f.page_ms,
        Text::MsPerFrame.get(lang),
    );
    let n = |v: f64| format!("{v:.3}");
    html! {
        <div id={ids::PERF} class="perf" aria-live="off" data-epochs-per-second={n(f.epochs_per_second)} data-frames-per-second={n(f.frames_per_second)}
            data-train-ms={n(f.train_ms)} data-page-ms={n(f.page_ms)}>{ text }</div>
    }
}
