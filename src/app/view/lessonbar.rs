//! The lesson bar under the title: the lecture's lessons one click away, and the chosen
//! lesson's caption and next step kept in view above the playground.

use super::ctx::*;
use super::lesson::lesson_text;

fn short_title(l: Lesson) -> Text {
    match l {
        Lesson::OrOneNeuron => Text::ShortOr,
        Lesson::AndByHand => Text::ShortAndByHand,
        Lesson::XorOneNeuron => Text::ShortXorOne,
        Lesson::XorHiddenLayer => Text::ShortXorHidden,
        Lesson::CrossEntropy => Text::ShortCrossEntropy,
        Lesson::EarlyStopping => Text::ShortEarlyStopping,
        Lesson::Dropout => Text::ShortDropout,
        Lesson::ThreeClasses => Text::ShortThreeClasses,
        Lesson::Infrared => Text::ShortInfrared,
        Lesson::FourSurfaces => Text::ShortFourSurfaces,
        Lesson::ExerciseXor => Text::ShortExerciseXor,
        Lesson::ExerciseAndByHand => Text::ShortExerciseAnd,
        Lesson::ExerciseLearningRate => Text::ShortExerciseRate,
        Lesson::ExerciseVegetationMap => Text::ShortExerciseMap,
    }
}

/// Whether the setup is still the one the lesson opened, in what its caption describes: the
/// data, the network and what it is trained to (the pace, seed and rates may change).
fn still_the_lesson(c: &crate::engine::Config, l: Lesson) -> bool {
    let written = l.config();
    c.data.dataset == written.data.dataset
        && c.data.classes == written.data.classes
        && c.network.hidden == written.network.hidden
        // The infrared lesson asks for the near-infrared band (X₂) beside the red (X₁).
        && (c.network.features == written.network.features || (l == Lesson::Infrared && c.network.features == [crate::engine::Feature::X1, crate::engine::Feature::X2]))
        && c.network.output == written.network.output
        && c.training.loss == written.training.loss
        && c.training.dropout == written.training.dropout
        && c.training.early_stopping.enabled == written.training.early_stopping.enabled
}

pub(super) fn lesson_bar(ctx: &Ctx, chosen: Option<Lesson>) -> Html {
    let s = ctx.settings();
    let explanations = {
        let dispatch = ctx.dispatch.clone();
        let hidden = s.hide_text;
        Callback::from(move |_: Event| dispatch.emit(Action::View(View::HideText(!hidden))))
    };
    html! {
        <nav id="lesson-bar" class="lesson-bar" aria-label={ctx.t(Text::Lessons)}>
            <span class="bar-title">{ ctx.t(Text::Lessons) }</span>
            <ol>
                { for Lesson::ALL.iter().enumerate().map(|(i, &l)| html! {
                    <li>
                        <button id={format!("lesson-{}", l.number())} data-lesson={format!("{l:?}")}
                            class={classes!("lesson-button", (chosen == Some(l)).then_some("selected"))}
                            aria-pressed={(chosen == Some(l)).to_string()} title={lesson_text(l).0.get(s.lang)}
                            onclick={ctx.send(Action::LoadLesson(l))}>
                            <span class="number">{ if l.is_exercise() { "✎".to_string() } else { (i + 1).to_string() } }</span>{ ctx.t(short_title(l)) }
                        </button>
                    </li>
                }) }
            </ol>
            // Outside the list, which scrolls on narrow screens: always in reach.
            <label class="inline explanations" title={ctx.t(Text::ExplanationsHint)}>
                <input type="checkbox" id="toggle-explanations" checked={!s.hide_text} onchange={explanations} />
                <span>{ ctx.t(Text::Explanations) }</span>
            </label>
        </nav>
    }
}

/// The chosen lesson's caption, next step and question, beside the output picture.
pub(super) fn lesson_banner(ctx: &Ctx, chosen: Option<Lesson>) -> Html {
    let s = ctx.settings();
    html! {
        <>
        if let Some(l) = chosen {
            <section id="lesson-banner" class="lesson-banner" aria-label={lesson_text(l).0.get(s.lang)}>
                <p><strong>{ lesson_text(l).0.get(s.lang) }{ ". " }</strong><span id="lesson-banner-caption">{ lesson_text(l).1.get(s.lang) }</span></p>
                if !l.is_exercise() && !still_the_lesson(&s.config, l) {
                    // The caption no longer describes the screen: said, with the way back.
                    <p id="lesson-changed" class="lesson-changed" role="status">{ ctx.t(Text::LessonChanged) }{ " " }
                        <button id="lesson-reopen" class="tool" onclick={ctx.send(Action::LoadLesson(l))}>{ ctx.t(Text::LessonReopen) }</button>
                    </p>
                }
                <p id="lesson-next" class="next">
                    // No instruction the page would then ignore: with no epoch allowed, Play does nothing.
                    { ctx.t(if l.exercise().max_epochs == Some(0) {
                        Text::NextStepByHand
                    } else if l.is_quick() && l.config().is_perceptron() {
                        Text::NextStepSlow
                    } else if l.is_quick() {
                        Text::NextStepSlowPlain
                    } else {
                        Text::NextStepPlay
                    }) }
                    if let Some(next) = l.next() {
                        { " " }
                        <button id="next-lesson" class="tool" onclick={ctx.send(Action::LoadLesson(next))}>
                            { format!("{} {} →", ctx.t(Text::NextLesson), ctx.t(short_title(next))) }
                        </button>
                    }
                </p>
                if !s.hide_text {
                    <super::checkpoint::CheckpointPanel key={format!("{l:?}")} ctx={ctx.clone()} lesson={l} />
                }
            </section>
        }
        </>
    }
}
