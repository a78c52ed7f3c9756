//! A figure beside the picture (the epoch, a loss, an accuracy) of the run or of the compared
//! setup's, read at each frame stamp and rendered by Yew.

use super::ctx::*;
use super::panel::use_frame;
use crate::render::figures::{figure, map_figure, Figure};

#[derive(Properties, PartialEq)]
pub(super) struct FigureProps {
    pub run: RunDoor,
    pub id: &'static str,
    pub figure: Figure,
    #[prop_or_default]
    pub class: Classes,
    /// A figure of the compared setup's run.
    #[prop_or_default]
    pub second: bool,
}

#[function_component(LiveFigure)]
pub(super) fn live_figure(p: &FigureProps) -> Html {
    use_frame(&p.run);
    let text = p.run.read(|r| match p.figure {
        Figure::MapAccuracy => map_figure(r.derived().scene().map(|m| m.accuracy)),
        which => figure(if p.second { r.compare_trainer() } else { r.trainer() }, which),
    });
    html! { <span id={p.id} class={p.class.clone()}>{ text }</span> }
}

/// The figure `which` with element id `id`.
pub(super) fn live_figure_of(ctx: &Ctx, id: &'static str, which: Figure, class: &'static str) -> Html {
    html! { <LiveFigure run={ctx.run.clone()} {id} figure={which} class={classes!((!class.is_empty()).then_some(class))} /> }
}
