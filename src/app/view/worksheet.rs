//! The exercise as a printable worksheet (`worksheet=true`): its question, goal and limits,
//! a QR code that opens it (`#worksheet-qr`), the data it starts from, a predict / observe /
//! explain table and, where the exercise sets the weights by hand or has a single neuron,
//! blanks for W and b. Print styles fit A4 and Letter.

use super::ctx::*;
use super::exercise::{goal_words, limit_words};

/// Paper sizes offered, as CSS names them, and their names.
const PAPERS: [(&str, Text); 2] = [("A4", Text::PaperA4), ("letter", Text::PaperLetter)];
/// A link longer than this is printed across the page, not under the QR code.
const LONG_LINK_CHARS: usize = 240;
/// The most neurons given blanks for their weights.
const MOST_BLANKS: usize = 12;

/// The page's address without its hash.
fn page_base() -> String {
    let location = web_sys::window().map(|w| w.location());
    location.map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())).unwrap_or_default()
}

/// Properties of [`Worksheet`].
#[derive(Properties, PartialEq)]
pub(super) struct WorksheetProps {
    pub ctx: Ctx,
    /// Bumped when a run started: its data is drawn then.
    pub started: u64,
}

/// Draws the data the exercise starts from: training points, and test points outlined.
fn draw_data(run: &RunView, classes: usize) {
    let (Some(c), Some(t)) = (canvas_by_id("worksheet-data"), run.trainer()) else { return };
    let size = 240.0;
    let ctx = canvas::hidpi(&c, size, size);
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, size, size);
    ctx.set_stroke_style_str("#ccc");
    ctx.set_line_width(1.0);
    ctx.begin_path();
    ctx.move_to(size / 2.0, 0.0);
    ctx.line_to(size / 2.0, size);
    ctx.move_to(0.0, size / 2.0);
    ctx.line_to(size, size / 2.0);
    ctx.stroke();
    canvas::draw_points(&ctx, &t.split.train, size, (-6.0, 6.0), classes, false, 3.0);
    canvas::draw_points(&ctx, &t.split.test, size, (-6.0, 6.0), classes, true, 3.0);
    ctx.set_stroke_style_str("#555");
    ctx.stroke_rect(0.5, 0.5, size - 1.0, size - 1.0);
}

/// The worksheet.
#[function_component(Worksheet)]
pub(super) fn worksheet(p: &WorksheetProps) -> Html {
    let ctx = &p.ctx;
    let s = ctx.settings();
    let lang = s.lang;
    // Letter (carta) is the paper of Mexico's and the United States' schools; A4 is offered.
    let paper = use_state(|| "letter");
    {
        let (run, classes) = (ctx.run.clone(), s.config.data.classes);
        use_effect_with((p.started, s.config.data.clone()), move |_| {
            run.read(|r| draw_data(r, classes));
            || ()
        });
    }
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let choose_paper = {
        let paper = paper.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            paper.set(if v == "A4" { "A4" } else { "letter" });
        })
    };
    let e = &s.exercise;
    // The link the QR code opens: the exercise, as short as it reads.
    let hash = super::exercise::page_link(s, false, false);
    let url = format!("{}{hash}", page_base());
    let c = &s.config;
    let by_hand = e.max_epochs == Some(0) || c.network.hidden.is_empty();
    let neurons = if by_hand { blank_neurons(c, lang) } else { Vec::new() };
    let question = if e.text.is_empty() { ctx.t(TeacherText::WorksheetDefaultQuestion).to_string() } else { e.text.clone() };
    let network_words = if c.network.hidden.is_empty() {
        ctx.t(TeacherText::WorksheetNoHidden).to_string()
    } else {
        TeacherText::WorksheetHidden.get(lang).replace("{shape}", &c.network.hidden.iter().map(|h| h.neurons.to_string()).collect::<Vec<_>>().join(", "))
    };
    let long_link = url.chars().count() > LONG_LINK_CHARS;
    html! {
        <main id="worksheet" class={classes!("worksheet", format!("paper-{}", *paper), question_length(&question))} data-paper={*paper}>
            <style>{ format!("@page {{ size: {}; margin: 14mm; }}", *paper) }</style>
            <div class="worksheet-tools no-print">
                <label class="inline"><span>{ ctx.t(TeacherText::WorksheetPaper) }</span>
                    <select id="worksheet-paper" onchange={choose_paper}>
                        { for PAPERS.iter().map(|(v, name)| html! { <option value={*v} selected={*paper == *v}>{ ctx.t(*name) }</option> }) }
                    </select>
                </label>
                <button id="worksheet-print" class="tool primary" onclick={print}>{ ctx.t(TeacherText::WorksheetPrint) }</button>
                <a class="tool" href={hash}>{ ctx.t(TeacherText::BoardOpenExercise) }</a>
            </div>
            <header class="worksheet-head">
                <h1>{ ctx.t(TeacherText::WorksheetTitle) }</h1>
                <p class="worksheet-blanks">
                    <span>{ ctx.t(TeacherText::WorksheetName) }{ " " }<span class="blank wide"></span></span>
                    <span>{ ctx.t(TeacherText::WorksheetDate) }{ " " }<span class="blank"></span></span>
                </p>
            </header>
            <section class="worksheet-top">
                <div class="worksheet-task">
                    <h2>{ ctx.t(TeacherText::WorksheetTask) }</h2>
                    <p id="worksheet-question" class="worksheet-question">{ question }</p>
                    if let Some(goal) = e.goal {
                        <p id="worksheet-goal"><strong>{ goal_words(goal, lang) }</strong></p>
                    }
                    { for limit_words(e, lang).into_iter().map(|l| html! { <p class="worksheet-limit">{ l }</p> }) }
                    <p class="worksheet-setup">{ format!("{}: {} · {}", ctx.t(Text::Data), super::dataset::dataset_text(c.data.dataset).get(lang), network_words) }</p>
                </div>
                <figure class="worksheet-qr">
                    <super::qr::QrCanvas ctx={ctx.clone()} id="worksheet-qr" text={url.clone()} max_version={door::LINK_QR_VERSION} label={ctx.t(TeacherText::WorksheetQr)} />
                    <figcaption>{ ctx.t(TeacherText::WorksheetScan) }
                        if !long_link {
                            <br /><span id="worksheet-link" class="worksheet-link" data-chars={url.chars().count().to_string()}>{ url.clone() }</span>
                        }
                    </figcaption>
                </figure>
            </section>
            // A long link (a long question travels in it) runs the page's width, in small type,
            // rather than down the QR code's narrow column.
            if long_link {
                <p id="worksheet-link" class="worksheet-link long-link" data-chars={url.chars().count().to_string()}>{ url.clone() }</p>
            }
            <section class="worksheet-data-row">
                <figure>
                    <canvas id="worksheet-data" role="img" aria-label={ctx.t(TeacherText::WorksheetData)} style="width:240px;height:240px"></canvas>
                    <figcaption>{ ctx.t(TeacherText::WorksheetData) }</figcaption>
                </figure>
                if by_hand {
                    <div id="worksheet-weights" class="worksheet-weights">
                        <h2>{ ctx.t(TeacherText::WorksheetWeights) }</h2>
                        { for neurons.iter().map(|(name, inputs)| html! {
                            <p class="weights-line"><strong>{ name.clone() }{ ": " }</strong>
                                { for inputs.iter().map(|i| html! { <span class="weight-blank">{ format!("w({i}) =") }<span class="blank"></span></span> }) }
                                <span class="weight-blank">{ "b =" }<span class="blank"></span></span>
                            </p>
                        }) }
                    </div>
                }
            </section>
            { poe_table(ctx) }
        </main>
    }
}

/// A longer question leaves less room for the answers: the page stays one sheet up to the
/// question's limit (`MAX_TEXT_CHARS`).
fn question_length(question: &str) -> Option<&'static str> {
    match question.chars().count() {
        0..=160 => None,
        161..=340 => Some("long-question"),
        _ => Some("longest-question"),
    }
}

/// Every neuron's incoming weights and bias to fill in by hand, input side first: its name
/// and the names of its inputs (at most `MOST_BLANKS` neurons).
fn blank_neurons(c: &crate::engine::Config, lang: Lang) -> Vec<(String, Vec<String>)> {
    let mut neurons: Vec<(String, Vec<String>)> = Vec::new();
    let mut previous: Vec<String> = c.network.features.iter().map(|f| f.label().to_string()).collect();
    for (l, h) in c.network.hidden.iter().enumerate() {
        for j in 0..h.neurons {
            neurons
                .push((TeacherText::WorksheetNeuron.get(lang).replace("{layer}", &(l + 1).to_string()).replace("{n}", &(j + 1).to_string()), previous.clone()));
        }
        previous = (1..=h.neurons).map(|j| format!("a{}", j)).collect();
    }
    for j in 0..c.outputs() {
        let name =
            if c.outputs() == 1 { TeacherText::WorksheetOutput.get(lang).to_string() } else { format!("{} {}", TeacherText::WorksheetOutput.get(lang), j + 1) };
        neurons.push((name, previous.clone()));
    }
    neurons.truncate(MOST_BLANKS);
    neurons
}

/// Predict, observe, explain: the table the student fills in.
fn poe_table(ctx: &Ctx) -> Html {
    html! {
    <table id="worksheet-poe" class="worksheet-poe">
        <thead><tr>
            <th scope="col">{ ctx.t(TeacherText::WorksheetPredict) }</th>
            <th scope="col">{ ctx.t(TeacherText::WorksheetObserve) }</th>
            <th scope="col">{ ctx.t(TeacherText::WorksheetExplain) }</th>
        </tr></thead>
        <tbody>
            <tr class="prompts">
                <td>{ ctx.t(TeacherText::WorksheetPredictHint) }</td>
                <td>{ ctx.t(TeacherText::WorksheetObserveHint) }</td>
                <td>{ ctx.t(TeacherText::WorksheetExplainHint) }</td>
            </tr>
            <tr class="answers"><td></td><td></td><td></td></tr>
        </tbody>
    </table>
    }
}
