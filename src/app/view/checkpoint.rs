//! Predict, run, explain: each lesson of the lecture asks a question before the run
//! (`#checkpoint`, its answers `.checkpoint-choice`); once the student has answered and the
//! lesson's point is on the screen (its epochs trained, or early stopping acted),
//! `#checkpoint-feedback` explains what happened and answers the wrong choice taken, while
//! training goes on (the dropout lesson pauses there for the class to look). The answer is
//! kept in this browser (`data-answered`); hidden with the explanations (`hideText`).

use super::ctx::*;
use super::link_io::storage;
use super::panel::use_frame;
use crate::app::lessons::LessonPoint;

/// A lesson's question: its answers, the right one, what happened, and an answer to each
/// wrong choice.
struct Checkpoint {
    question: Text,
    choices: [Text; 3],
    right: usize,
    why: Text,
    not: [Option<Text>; 3],
}

fn checkpoint(l: Lesson) -> Option<Checkpoint> {
    use Text::*;
    let (question, choices, right, why, not) = match l {
        Lesson::OrOneNeuron => (Cp1Q, [Cp1A, Cp1B, Cp1C], 0, Cp1Why, [None, Some(Cp1NotB), Some(Cp1NotC)]),
        Lesson::AndByHand => (Cp2Q, [Cp2A, Cp2B, Cp2C], 1, Cp2Why, [Some(Cp2NotA), None, Some(Cp2NotC)]),
        Lesson::XorOneNeuron => (Cp3Q, [Cp3A, Cp3B, Cp3C], 2, Cp3Why, [Some(Cp3NotA), Some(Cp3NotB), None]),
        Lesson::XorHiddenLayer => (Cp4Q, [Cp4A, Cp4B, Cp4C], 0, Cp4Why, [None, Some(Cp4NotB), Some(Cp4NotC)]),
        Lesson::CrossEntropy => (Cp5Q, [Cp5A, Cp5B, Cp5C], 2, Cp5Why, [Some(Cp5NotA), Some(Cp5NotB), None]),
        Lesson::EarlyStopping => (Cp6Q, [Cp6A, Cp6B, Cp6C], 0, Cp6Why, [None, Some(Cp6NotB), Some(Cp6NotC)]),
        Lesson::Dropout => (Cp7Q, [Cp7A, Cp7B, Cp7C], 1, Cp7Why, [Some(Cp7NotA), None, Some(Cp7NotC)]),
        Lesson::ThreeClasses => (Cp8Q, [Cp8A, Cp8B, Cp8C], 2, Cp8Why, [Some(Cp8NotA), Some(Cp8NotB), None]),
        Lesson::Infrared => (Cp9Q, [Cp9A, Cp9B, Cp9C], 1, Cp9Why, [Some(Cp9NotA), None, Some(Cp9NotC)]),
        Lesson::FourSurfaces => (Cp10Q, [Cp10A, Cp10B, Cp10C], 2, Cp10Why, [Some(Cp10NotA), Some(Cp10NotB), None]),
        _ => return None,
    };
    Some(Checkpoint { question, choices, right, why, not })
}

/// Where a lesson's answer is kept in this browser.
fn key(l: Lesson) -> String {
    format!("neurona-checkpoint-{l:?}")
}

/// Properties of [`CheckpointPanel`].
#[derive(Properties, PartialEq)]
pub(super) struct CheckpointProps {
    pub ctx: Ctx,
    pub lesson: Lesson,
}

/// Whether the lesson's point is on the screen now.
fn point_shown(lesson: Lesson, run: &RunView) -> bool {
    match lesson.point() {
        Some(LessonPoint::Epochs(n)) => run.newest_epoch() >= n,
        Some(LessonPoint::EarlyStop) => run.early_stop().is_some(),
        Some(LessonPoint::Steps(n)) => run.answers() >= n,
        None => run.newest_epoch() > 0,
    }
}

/// The question, the answers, and after the run the explanation.
#[function_component(CheckpointPanel)]
pub(super) fn checkpoint_panel(p: &CheckpointProps) -> Html {
    let lesson = p.lesson;
    let answered = use_state(move || storage().and_then(|s| s.get_item(&key(lesson)).ok().flatten()).and_then(|v| v.parse::<usize>().ok()));
    // Read at every frame: the explanation comes while training goes on. Once shown it stays
    // (a reset does not take it back).
    let run = p.ctx.run.clone();
    use_frame(&run);
    let shown_now = run.read(|r| point_shown(lesson, r));
    let shown = use_state(|| false);
    if shown_now && !*shown {
        shown.set(true);
    }
    {
        let dispatch = p.ctx.dispatch.clone();
        use_effect_with(shown_now, move |&now| {
            if now && lesson.pauses_at_point() {
                dispatch.emit(Action::Run(Run::Pause));
            }
            || ()
        });
    }
    let Some(cp) = checkpoint(lesson) else { return html! {} };
    let lang = p.ctx.settings.lang;
    let t = |text: Text| text.get(lang);
    let ran = shown_now || *shown;
    let choose = |i: usize| {
        let answered = answered.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(s) = storage() {
                let _ = s.set_item(&key(lesson), &i.to_string());
            }
            answered.set(Some(i));
        })
    };
    let chosen = answered.filter(|&a| a < cp.choices.len());
    html! {
        <section id="checkpoint" class="checkpoint" aria-label={t(Text::CheckpointTitle)} data-answered={chosen.map(|a| a.to_string())}>
            <p class="checkpoint-question"><strong>{ t(Text::CheckpointTitle) }{ ": " }</strong>{ t(cp.question) }</p>
            <div class="checkpoint-choices" role="group" aria-label={t(cp.question)}>
                { for cp.choices.iter().enumerate().map(|(i, &c)| html! {
                    <button class="checkpoint-choice" aria-pressed={(chosen == Some(i)).to_string()} onclick={choose(i)}>{ t(c) }</button>
                }) }
            </div>
            if let Some(a) = chosen {
                if ran {
                    <p id="checkpoint-feedback" class={classes!("checkpoint-feedback", (a == cp.right).then_some("right"))} data-right={(a == cp.right).to_string()} role="status">
                        <strong>{ t(if a == cp.right { Text::CheckpointRight } else { Text::CheckpointWrong }) }</strong>{ " " }
                        if let Some(not) = cp.not[a] {
                            { t(not) }{ " " }
                        }
                        { t(cp.why) }
                    </p>
                } else {
                    <p class="checkpoint-wait" role="status">{ t(Text::CheckpointRun) }</p>
                }
            }
        </section>
    }
}
