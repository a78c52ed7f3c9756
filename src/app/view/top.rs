//! The header, the notices and the top bar of controls.

use super::choice::{choice, edit_with};
use super::ctx::*;
use super::figures::live_figure_of;
use crate::render::figures::{Figure, Set};

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub(super) struct HeaderProps {
    pub ctx: Ctx,
}

/// The header: the name, and the page's tools. On a phone the tools used less (performance,
/// copy link, make an exercise, projector) sit behind "⋯", so that none is cut at the edge.
#[function_component(Header)]
pub(super) fn header(p: &HeaderProps) -> Html {
    let ctx = &p.ctx;
    let more = use_state(|| false);
    let s = ctx.settings();
    let other = if s.lang == Lang::Es { Lang::En } else { Lang::Es };
    let copy = {
        let dispatch = ctx.dispatch.clone();
        Callback::from(move |_| {
            let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) else { return };
            // Said only once the browser has put it there: it may refuse (no permission,
            // no secure context).
            let dispatch = dispatch.clone();
            copy_text(&href, Callback::from(move |ok| dispatch.emit(Action::Notes(Notes::Show(if ok { Notice::LinkCopied } else { Notice::LinkNotCopied })))));
        })
    };
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "Neurona" }</h1>
                <p class="tagline text">{ ctx.t(Text::Tagline) }</p>
            </div>
            <div class={classes!("header-tools", more.then_some("open"))}>
                <label class="inline">
                    <span class="speed-label">{ ctx.t(Text::Speed) }</span>
                    { choice("speed".into(), ctx.t(Text::Speed), "", &Speed::ALL, s.speed, s.lang, ctx.dispatch.reform(|v| Action::View(View::Speed(v)))) }
                </label>
                <label class="inline extra">
                    <input type="checkbox" id="show-performance" checked={s.show_performance}
                        onchange={ctx.send::<Event>(Action::View(View::TogglePerformance))} />
                    <span>{ ctx.t(Text::Performance) }</span>
                </label>
                <button id="copy-link" class="tool extra" onclick={copy}>{ ctx.t(Text::CopyLink) }</button>
                <button id="make-exercise" class="tool extra" onclick={ctx.send(Action::Panel(Panel::Builder(true)))}>{ ctx.t(Text::MakeExercise) }</button>
                <button id="projector-toggle" class="tool extra" aria-pressed={s.projector.to_string()}
                    title={ctx.t(Text::ProjectorHint)} onclick={ctx.send(Action::View(View::Projector(!s.projector)))}>{ ctx.t(Text::Projector) }</button>
                <button id="help-button" class="tool round" aria-label={ctx.t(Text::ShowShortcuts)} title={ctx.t(Text::ShowShortcuts)}
                    onclick={ctx.send(Action::Panel(Panel::Help(true)))}>{ "?" }</button>
                <button id="lang-toggle" class="tool" lang={other.code()}
                    title={ctx.t(Text::Language)} onclick={ctx.send(Action::View(View::Lang(other)))}>
                    { if other == Lang::Es { "Español" } else { "English" } }
                </button>
                <button id="more-tools" class="tool round more-toggle" aria-expanded={more.to_string()}
                    aria-label={ctx.t(Text::MoreTools)} title={ctx.t(Text::MoreTools)}
                    onclick={let more = more.clone(); move |_| more.set(!*more)}>{ "⋯" }</button>
            </div>
        </header>
    }
}

/// A repaired value in the page's language: the engine names a long list of points by its
/// size ("250 points", "10000 points, evenly spread"), in no language of its own.
fn repair_words(value: &str, lang: Lang) -> String {
    let (count, evenly) = match value.strip_suffix(" points, evenly spread") {
        Some(n) => (n, true),
        None => (value.strip_suffix(" points").unwrap_or(""), false),
    };
    match count.parse::<usize>() {
        Ok(n) if evenly => format!("{}, {}", points_words(n, lang), Text::PointsEvenly.get(lang)),
        Ok(n) => points_words(n, lang),
        Err(_) => value.to_string(),
    }
}

/// A size in bytes as megabytes with one decimal.
fn megabytes(bytes: f64) -> String {
    format!("{:.1} MB", bytes / (1024.0 * 1024.0))
}

/// A notice lists at most this many repaired values, then how many more.
const MAX_LISTED: usize = 10;

/// The most characters of a link's key or value a notice writes.
const MAX_SHOWN_CHARS: usize = 40;

/// A key or value as a notice writes it: whole when short, else its start and its size
/// ("landscape=1-0-0,1-0-0,… (98 KB)"), so that a notice stays a line.
fn shortened(text: &str) -> String {
    if text.chars().count() <= MAX_SHOWN_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(MAX_SHOWN_CHARS - 8).collect();
    let bytes = text.len();
    let size = if bytes >= 1024 { format!("{} KB", bytes / 1024) } else { format!("{bytes} B") };
    format!("{head}… ({size})")
}

pub(super) fn notices(ctx: &Ctx, shown: &[Notice]) -> Html {
    let lang = ctx.settings().lang;
    html! {
        <div class="notices" role="status" aria-live="polite">
            { for shown.iter().enumerate().map(|(i, n)| {
                let (class, body) = match n {
                    Notice::Repaired(repairs) | Notice::FileRepaired(repairs) => ("notice warn", html! {
                        <>
                            <span>{ if matches!(n, Notice::FileRepaired(_)) { Text::FileRepaired.get(lang) } else { Text::LinkRepaired.get(lang) } }</span>
                            <ul>
                                { for repairs.iter().take(MAX_LISTED).map(|r| html! {
                                    <li><code>{ format!("{}={}", shortened(&r.key), shortened(&repair_words(&r.given, lang))) }</code>{ " → " }
                                        { match &r.used {
                                            Some(v) => html!{ <code>{ shortened(&repair_words(v, lang)) }</code> },
                                            None => html!{ <em>{ Text::Ignored.get(lang) }</em> },
                                        } }
                                    </li>
                                }) }
                                if repairs.len() > MAX_LISTED {
                                    <li>{ Text::AndMore.get(lang).replace("{n}", &(repairs.len() - MAX_LISTED).to_string()) }</li>
                                }
                            </ul>
                        </>
                    }),
                    Notice::Diverged(epoch) => ("notice error", html! {
                        <span>{ format!("{} {epoch}: {}", Text::Epoch.get(lang), Text::Diverged.get(lang)) }</span>
                    }),
                    Notice::EarlyStopped { at, best } => ("notice info", html! {
                        <span id="early-stop" data-best-epoch={best.to_string()} data-stopped-epoch={at.to_string()}>
                            { Text::EarlyStopped.get(lang).replace("{best}", &best.to_string()).replace("{stopped}", &at.to_string()) }
                        </span>
                    }),
                    Notice::CsvSkipped(lines) => ("notice warn", html! {
                        <span>{ format!("{}: {}{}", Text::CsvIgnored.get(lang), lines.iter().take(20).map(|(l, why)| {
                            let why = match why {
                                crate::engine::csv::CsvProblem::NotThreeNumbers => Text::CsvNotThreeNumbers,
                                crate::engine::csv::CsvProblem::NotFinite => Text::CsvNotFinite,
                                crate::engine::csv::CsvProblem::NoSuchClass => Text::CsvNoSuchClass,
                                crate::engine::csv::CsvProblem::TooLarge => Text::CsvTooLarge,
                            };
                            format!("{} {l} ({})", Text::Line.get(lang), why.get(lang))
                        }).collect::<Vec<_>>().join("; "), if lines.len() > 20 { format!("; … ({})", lines.len()) } else { String::new() }) }</span>
                    }),
                    Notice::CsvEmpty => ("notice error", html! { <span>{ Text::CsvEmpty.get(lang) }</span> }),
                    Notice::TableRefused(why) => ("notice error", html! { <span>{ super::table::problem_words(why, 0, lang) }</span> }),
                    Notice::PictureRefused(name) => ("notice error", html! { <span id="picture-refused">{ Text::PictureRefused.get(lang).replace("{name}", name) }</span> }),
                    Notice::TableSkipped(lines) => ("notice warn", html! { <span>{ super::table::skipped_words(lines, lang) }</span> }),
                    Notice::WorkerStopped => ("notice error", html! { <span id="worker-stopped">{ Text::WorkerStopped.get(lang) }</span> }),
                    Notice::WorkerRestarted => ("notice warn", html! { <span id="worker-restarted">{ Text::WorkerRestarted.get(lang) }</span> }),
                    Notice::FileTooLarge(name, bytes) => ("notice error", html! {
                        <span>{ Text::FileTooLarge.get(lang).replace("{name}", name).replace("{size}", &megabytes(*bytes))
                            .replace("{max}", &megabytes(crate::engine::limits::MAX_FILE_BYTES)) }</span>
                    }),
                    Notice::ReadingFile(name, percent) => ("notice info", html! {
                        <span id="file-progress" data-percent={percent.to_string()}>
                            { Text::ReadingFile.get(lang).replace("{name}", name).replace("{percent}", &percent.to_string()) }{ " " }
                            <progress max="100" value={percent.to_string()} aria-label={Text::ReadingFile.get(lang).replace("{name}", name).replace("{percent}", &percent.to_string())}></progress>{ " " }
                            <button id="file-cancel" class="tool" onclick={ctx.dispatch.reform(|_: MouseEvent| { super::files::cancel_file_read(); Action::Notes(Notes::DismissReading) })}>{ Text::Cancel.get(lang) }</button>
                        </span>
                    }),
                    Notice::PointsThinned(total) => ("notice warn", html! {
                        <span>{ Text::PointsThinned.get(lang).replace("{total}", &total.to_string()).replace("{max}", &crate::engine::limits::MAX_POINTS.to_string()) }</span>
                    }),
                    Notice::PointsFull => ("notice warn", html! {
                        <span>{ Text::PointsFull.get(lang).replace("{max}", &crate::engine::limits::MAX_POINTS.to_string()) }</span>
                    }),
                    Notice::PointsNotHere => ("notice error", html! { <span>{ Text::PointsNotHere.get(lang) }</span> }),
                    Notice::PointsNotKept => ("notice warn", html! { <span id="points-not-kept">{ Text::PointsNotKept.get(lang) }</span> }),
                    Notice::GoalMet(epoch) => ("notice success", html! {
                        <span id="goal-done">{ Text::GoalDone.get(lang).replace("{epoch}", &epoch.to_string()) }</span>
                    }),
                    Notice::LinkCopied => ("notice info", html! { <span>{ Text::LinkCopied.get(lang) }</span> }),
                    Notice::YardstickHeld => ("notice info", html! { <span id="yardstick-held">{ Text::YardstickHeld.get(lang) }</span> }),
                    Notice::LinkNotCopied => ("notice error", html! { <span>{ Text::LinkNotCopied.get(lang) }</span> }),
                    Notice::ModelLoaded => ("notice info", html! { <span>{ Text::ModelLoaded.get(lang) }</span> }),
                    Notice::FormulaRejected(text, why) => ("notice error", html! {
                        <span>{ format!("{}: {}", Text::FormulaRejected.get(lang).replace("{formula}", &format!("“{text}”")), super::formula::problem(why, lang)) }</span>
                    }),
                    Notice::ModelRejected(why) => ("notice error", html! {
                        <span>{ format!("{}: {}", Text::ModelRejected.get(lang), model_error(why, lang)) }</span>
                    }),
                };
                html! {
                    <div class={class}>
                        { body }
                        <button class="dismiss" aria-label={Text::Dismiss.get(lang)} title={Text::Dismiss.get(lang)}
                            onclick={ctx.send(Action::Notes(Notes::Dismiss(i)))}>{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}

/// Inline icons: no font or file to fetch, and the same look everywhere.
pub(super) fn icon(name: &str) -> Html {
    let path = match name {
        "play" => "M8 5v14l11-7z",
        "pause" => "M6 5h4v14H6zm8 0h4v14h-4z",
        "step" => "M6 5v14l9-7zm10 0h2v14h-2z",
        "reset-same" => "M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7zm-1 5h2v6h-2z",
        _ => "M12 5V1L7 6l5 5V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z",
    };
    html! {
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
            <path d={path} fill="currentColor" />
        </svg>
    }
}

/// A select that sends an action when changed: a top-bar control, hidden when a link hides
/// `control`; `id` is the element id TensorFlow Playground's page uses for it.
/// A control of the top bar with its label, unless a teacher hid it.
fn control(ctx: &Ctx, control: &'static str, label: Text, select: Html) -> Html {
    if !ctx.shows(control) {
        return html! {};
    }
    html! { <label class="control"><span class="label">{ ctx.t(label) }</span>{ select }</label> }
}

pub(super) fn control_select(
    ctx: &Ctx,
    (control, id): (&'static str, &'static str),
    label: Text,
    options: Vec<(String, String, bool)>,
    action: fn(&str) -> Option<Action>,
) -> Html {
    if !ctx.shows(control) {
        return html! {};
    }
    html! {
        <label class="control">
            <span class="label">{ ctx.t(label) }</span>
            <select id={id} onchange={on_select(&ctx.dispatch, action)}>
                { for options.into_iter().map(|(value, text, selected)| html! {
                    <option value={value} selected={selected}>{ text }</option>
                }) }
            </select>
        </label>
    }
}

pub(super) fn top_bar(ctx: &Ctx, playing: bool) -> Html {
    let s = ctx.settings();
    let c = &s.config;
    let lang = s.lang;
    let step = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.run.send(Command::StepOnce))
    };
    let current_act = c.network.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh);
    let rate_label = |v: Real| format!("{v}");
    html! {
        <section class="top-bar" aria-label={ctx.t(Text::TrainingControls)}>
            <div class="buttons">
                if ctx.shows("resetButton") {
                    <button id="reset-button" class="round" aria-label={ctx.t(Text::Reset)} title={ctx.t(Text::Reset)}
                        onclick={ctx.send(Action::Run(Run::Reset))}>{ icon("reset") }</button>
                }
                if ctx.shows("resetButton") {
                    <button id="reset-same-button" class="round" aria-label={ctx.t(Text::ResetSame)} title={ctx.t(Text::ResetSame)}
                        onclick={reset_same(ctx)}>{ icon("reset-same") }</button>
                }
                if ctx.shows("playButton") {
                    <button id="play-pause-button" class={classes!("round", "play", playing.then_some("playing"))}
                        aria-label={if playing { ctx.t(Text::Pause) } else { ctx.t(Text::Play) }}
                        title={if playing { ctx.t(Text::Pause) } else { ctx.t(Text::Play) }}
                        aria-pressed={playing.to_string()}
                        onclick={ctx.send(Action::Run(Run::Toggle))}>{ icon(if playing { "pause" } else { "play" }) }</button>
                }
                if ctx.shows("stepButton") {
                    <button id="next-step-button" class="round" aria-label={ctx.t(Text::Step)} title={ctx.t(Text::Step)}
                        onclick={step}>{ icon("step") }</button>
                }
                <button id="backprop-button" class={classes!("tool", ctx.settings().backprop.then_some("selected"))}
                    aria-pressed={ctx.settings().backprop.to_string()} title={ctx.t(Text::BackpropButton)}
                    onclick={ctx.send(Action::Panel(Panel::Backprop(!ctx.settings().backprop)))}>{ "∂L/∂w" }</button>
            </div>
            <div class="control epoch">
                <span class="label">{ ctx.t(Text::Epoch) }</span>
                { live_figure_of(ctx, ids::EPOCH, Figure::Epoch, "value") }
            </div>
            { control_select(ctx, ("learningRate", "learningRate"), Text::LearningRate,
                LEARNING_RATES.iter().map(|&v| (v.to_string(), rate_label(v), v == c.training.learning_rate)).collect(),
                |v| v.parse::<Real>().ok().map(|v| Action::Edit(Edit::LearningRate(v)))) }
            // With no hidden layer there is no hidden activation to choose: the output's is
            // under the picture.
            { control(ctx, "activation", Text::Activation, if c.network.hidden.is_empty() {
                html! { <select id="activations" disabled=true aria-label={ctx.t(Text::Activation)}><option>{ ctx.t(Text::NoHiddenLayer) }</option></select> }
            } else {
                choice("activations".into(), ctx.t(Text::Activation), "", &Activation::HIDDEN, current_act, lang, edit_with(&ctx.dispatch, Edit::Activation))
            }) }
            { control(ctx, "regularization", Text::Regularization,
                choice("regularizations".into(), ctx.t(Text::Regularization), "", &Regularization::ALL, c.training.regularization, lang,
                    edit_with(&ctx.dispatch, Edit::Regularization))) }
            { control_select(ctx, ("regularizationRate", "regularRate"), Text::RegularizationRate,
                REGULARIZATION_RATES.iter().map(|&v| (v.to_string(), rate_label(v), v == c.training.regularization_rate)).collect(),
                |v| v.parse::<Real>().ok().map(|v| Action::Edit(Edit::RegularizationRate(v)))) }
            // An exercise's goal holds the problem type (what it measures).
            <fieldset class="bare" disabled={s.exercise.goal.is_some()} title={s.exercise.goal.map(|_| ctx.t(Text::YardstickHeld))}>
            { control_select(ctx, ("problem", "problem"), Text::ProblemType, vec![
                    ("classification".into(), ctx.t(Text::Classification).into(), c.data.problem == Problem::Classification),
                    ("regression".into(), ctx.t(Text::Regression).into(), c.data.problem == Problem::Regression),
                ],
                |v| Some(Action::Edit(Edit::Problem(if v == "regression" { Problem::Regression } else { Problem::Classification })))) }
            </fieldset>
        </section>
    }
}

/// Why a model file was refused, in the user's language.
fn model_error(e: &crate::engine::model::ModelError, lang: Lang) -> String {
    use crate::engine::model::ModelProblem as P;
    let field = e.field.as_str();
    let (text, found, expected) = match &e.problem {
        P::NotJson { line, column } => {
            return Text::ModelNotJson.get(lang).replace("{line}", &line.to_string()).replace("{column}", &column.to_string());
        }
        P::Version(v) => {
            let max = crate::engine::config::FORMAT_VERSION.to_string();
            return Text::ModelVersion.get(lang).replace("{version}", &v.to_string()).replace("{max}", &max);
        }
        P::UnknownName(name) => return Text::ModelUnknownName.get(lang).replace("{field}", field).replace("{name}", name),
        P::Missing => (Text::ModelMissing, String::new(), String::new()),
        P::WrongKind => (Text::ModelWrongKind, String::new(), String::new()),
        P::Inconsistent(_) => (Text::ModelInconsistent, String::new(), String::new()),
        P::NotFinite => (Text::ModelNotFinite, String::new(), String::new()),
        P::Layers { found, expected } => (Text::ModelLayers, found.to_string(), expected.to_string()),
        P::Inputs { found, expected } => (Text::ModelInputs, found.to_string(), expected.to_string()),
        P::LayerShape { found, expected } => {
            (Text::ModelLayerShape, format!("{}, {}, {}", found.0, found.1, found.2), format!("{}, {}, {}", expected.0, expected.1, expected.2))
        }
        P::Lengths { found, expected } => (Text::ModelLengths, format!("{} + {}", found.0, found.1), format!("{} + {}", expected.0, expected.1)),
    };
    text.get(lang).replace("{field}", field).replace("{found}", &found).replace("{expected}", &expected)
}

/// On a phone, a transport bar kept at the bottom of the screen: play or pause, step, reset,
/// the epoch and the test loss, so that training can be started and watched with the
/// output picture in view. Hidden on wider screens, where the top bar does this.
pub(super) fn mobile_transport(ctx: &Ctx, playing: bool, met: bool) -> Html {
    let goal = ctx.settings().exercise.goal;
    let step = {
        let ctx = ctx.clone();
        Callback::from(move |_| ctx.run.send(Command::StepOnce))
    };
    html! {
        <section id="mobile-transport" class="mobile-transport" aria-label={ctx.t(Text::QuickControls)}>
            <button id="mobile-reset" class="round" aria-label={ctx.t(Text::Reset)} onclick={ctx.send(Action::Run(Run::Reset))}>{ icon("reset") }</button>
            <button id="mobile-play" class={classes!("round", "play", playing.then_some("playing"))}
                aria-label={if playing { ctx.t(Text::Pause) } else { ctx.t(Text::Play) }} aria-pressed={playing.to_string()}
                onclick={play_in_view(ctx, playing)}>{ icon(if playing { "pause" } else { "play" }) }</button>
            <button id="mobile-step" class="round" aria-label={ctx.t(Text::Step)} onclick={step}>{ icon("step") }</button>
            <span class="mobile-figure"><span class="label">{ ctx.t(Text::Epoch) }</span>{ live_figure_of(ctx, ids::MOBILE_EPOCH, Figure::Epoch, "value") }</span>
            // What the exercise's goal asks for, with whether it is met.
            if matches!(goal, Some(crate::app::exercise::Goal::MapAccuracy(_))) {
                <span class="mobile-figure"><span class="label">{ ctx.t(Text::MapAccuracy) }</span>{ live_figure_of(ctx, ids::MOBILE_MAP_ACCURACY, Figure::MapAccuracy, "value") }</span>
            } else if matches!(goal, Some(crate::app::exercise::Goal::Accuracy(_))) {
                <span class="mobile-figure"><span class="label">{ ctx.t(Text::Accuracy) }</span>{ live_figure_of(ctx, ids::MOBILE_ACCURACY, Figure::Accuracy(Set::Shown), "value") }</span>
            } else if goal.is_none() && ctx.settings().config.data.percent_val > 0 {
                // The loss the overfitting lessons speak of.
                <span class="mobile-figure"><span class="label">{ ctx.t(Text::ValidationLoss) }</span>{ live_figure_of(ctx, ids::MOBILE_VAL_LOSS, Figure::Loss(Set::Validation), "value") }</span>
            } else {
                <span class="mobile-figure"><span class="label">{ ctx.t(Text::TestLoss) }</span>{ live_figure_of(ctx, ids::MOBILE_LOSS, Figure::Loss(Set::Shown), "value") }</span>
            }
            if goal.is_some() {
                <span id="mobile-goal" class={classes!("mobile-goal", met.then_some("met"))} data-met={met.to_string()}>
                    { if met { ctx.t(Text::GoalMetShort) } else { ctx.t(Text::GoalShort) } }
                </span>
            }
        </section>
    }
}

/// Play on the phone: training starts with the picture, the losses and the chart in view
/// (the lesson's words, read first, sit below them).
fn play_in_view(ctx: &Ctx, playing: bool) -> Callback<MouseEvent> {
    let dispatch = ctx.dispatch.clone();
    Callback::from(move |_| {
        dispatch.emit(Action::Run(Run::Toggle));
        if !playing {
            bring_into_view("output-head");
        }
    })
}

/// Restarts from this run's initial weights: the same setup then draws the same curve.
fn reset_same(ctx: &Ctx) -> Callback<MouseEvent> {
    let ctx = ctx.clone();
    Callback::from(move |_| {
        ctx.run.send(Command::ResetToSameWeights);
        ctx.dispatch.emit(Action::Run(Run::Reset));
    })
}
