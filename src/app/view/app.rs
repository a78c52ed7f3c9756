//! The playground: the state, the live side, the page's effects (perform.rs), and the page
//! laid out from its parts.

use super::backprop::Step;
use super::ctx::*;
use super::dataset::DataColumn;
use super::exercise::{exercise_builder, exercise_panel};
use super::help::help_overlay;
use super::lesson::lesson_panel;
use super::lessonbar::{lesson_banner, lesson_bar};
use super::network::NetworkColumn;
use super::output::OutputColumn;
use super::pages::{own_page, use_page};
use super::top::{mobile_transport, notices, top_bar, Header};

/// The playground.
#[component]
pub fn App() -> Html {
    // The state, the run, and the page's two effects: the listeners, and the reducer's
    // effects carried out after each render (perform.rs).
    let (state, run, _, ctx) = use_page(true);

    let s = &state.settings;
    // The teacher's board and the worksheet are pages of their own (pages.rs), in a module of
    // their own: a link that turns to one of them is opened again (pages.rs, follow_link).
    if own_page(s) {
        return Html::default();
    }
    html! {
        <div class={classes!("page", s.hide_text.then_some("hide-text"), s.projector.then_some("projector"), s.compare.is_some().then_some("comparing"))}>
            <Header ctx={ctx.clone()} />
            { lesson_bar(&ctx, state.lesson) }
            { top_bar(&ctx, state.playing) }
            <main class="columns">
                // The lesson's words and the notices stand beside the output picture, over the
                // data and the network: they never push the picture, the losses or the chart down.
                <div class="lesson-area">
                    { lesson_banner(&ctx, state.lesson) }
                    { exercise_panel(&ctx, state.goal_met) }
                    // A threshold unit's weights, typed by hand where the lesson's words ask for them.
                    if s.config.is_perceptron() && s.config.network.features[..] == [crate::engine::Feature::X1, crate::engine::Feature::X2] {
                        <super::threshold::ThresholdUnit run={run.clone()} lang={s.lang}
                            xor={s.config.data.dataset == Dataset::LogicXor} />
                    }
                    { notices(&ctx, &state.notices) }
                    // The satellite scene as the network maps it, beside the picture (on a
                    // phone, under the losses: output.rs).
                    if !super::scene::narrow() { { super::scene::scene_view(&ctx) } }
                </div>
                <DataColumn ctx={ctx.clone()} draw_class={state.draw_class} can_undo={state.undo_points.is_some()} table={state.table_offer.clone()} picture={state.picture.clone()} />
                <NetworkColumn ctx={ctx.clone()} step={Step { stage: state.backprop_stage, point: state.backprop_point }} started={state.started} />
                <OutputColumn ctx={ctx.clone()} draw_class={state.draw_class} playing={state.playing} picture={state.picture.clone()} />
            </main>
            { lesson_panel(&ctx) }
            { help_overlay(&ctx, state.help) }
            { exercise_builder(&ctx, state.builder) }
            { mobile_transport(&ctx, state.playing, state.goal_met.is_some()) }
        </div>
    }
}
