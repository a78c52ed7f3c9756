//! The timeline: the run's earlier epochs on a range, the one shown in words; dragged, training
//! pauses and the network is shown as it was.

use super::ctx::*;
use super::panel::use_frame;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub(super) struct TimelineProps {
    pub run: RunDoor,
    pub lang: Lang,
    /// Called with the epoch the range is dragged to.
    pub onscrub: Callback<u64>,
}

/// The run's earlier epochs: a range from 0 to the newest, at the one shown, and what it
/// shows in words.
#[function_component(Timeline)]
pub(super) fn timeline(p: &TimelineProps) -> Html {
    use_frame(&p.run);
    let (newest, viewed, kept) = p.run.read(|r| (r.newest_epoch(), r.viewed_epoch(), r.timeline().len()));
    let shown = viewed.unwrap_or(newest);
    let text = match viewed {
        Some(e) => Text::TimelineBack.get(p.lang).replace("{epoch}", &e.to_string()).replace("{newest}", &newest.to_string()),
        None => Text::TimelineNow.get(p.lang).replace("{kept}", &kept.to_string()),
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

/// The timeline dragged to an epoch: training pauses and the network is shown as it was.
pub(super) fn scrub(ctx: &Ctx, playing: bool) -> Callback<u64> {
    let ctx = ctx.clone();
    Callback::from(move |epoch: u64| {
        if playing {
            ctx.dispatch.emit(Action::Run(Run::Pause));
        }
        ctx.run.send(Command::ViewEpoch(epoch));
    })
}
