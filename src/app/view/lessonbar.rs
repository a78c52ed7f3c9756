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
        Lesson::ExerciseXor => Text::ShortExerciseXor,
        Lesson::ExerciseAndByHand => Text::ShortExerciseAnd,
        Lesson::ExerciseLearningRate => Text::ShortExerciseRate,
    }
}

pub(super) fn lesson_bar(ctx: &Ctx, chosen: Option<Lesson>) -> Html {
    let s = ctx.settings();
    let explanations = {
        let dispatch = ctx.dispatch.clone();
        let hidden = s.hide_text;
        Callback::from(move |_: Event| dispatch.emit(Action::View(View::HideText(!hidden))))
    };
    html! {
        <>
        <nav id="lesson-bar" class="lesson-bar" aria-label={ctx.t(Text::Lessons)}>
            <span class="bar-title">{ ctx.t(Text::Lessons) }</span>
            <ol>
                { for Lesson::ALL.iter().enumerate().map(|(i, &l)| html! {
                    <li>
                        <button id={format!("lesson-{}", i + 1)} data-lesson={format!("{l:?}")}
                            class={classes!("lesson-button", (chosen == Some(l)).then_some("selected"))}
                            aria-pressed={(chosen == Some(l)).to_string()} title={lesson_text(l).0.get(s.lang)}
                            onclick={ctx.send(Action::LoadLesson(l))}>
                            <span class="number">{ if l.is_exercise() { "✎".to_string() } else { (i + 1).to_string() } }</span>{ ctx.t(short_title(l)) }
                        </button>
                    </li>
                }) }
                <li class="explanations-item">
                    <label class="inline explanations" title={ctx.t(Text::ExplanationsHint)}>
                        <input type="checkbox" id="toggle-explanations" checked={!s.hide_text} onchange={explanations} />
                        <span>{ ctx.t(Text::Explanations) }</span>
                    </label>
                </li>
            </ol>
        </nav>
        if let Some(l) = chosen {
            <section id="lesson-banner" class="lesson-banner" aria-label={lesson_text(l).0.get(s.lang)}>
                <p><strong>{ lesson_text(l).0.get(s.lang) }{ ". " }</strong><span id="lesson-banner-caption">{ lesson_text(l).1.get(s.lang) }</span></p>
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
