//! The teacher's board (`board=true`): hand-in codes pasted as they arrive (`#board-input`),
//! each result computed again by the worker from the code's weights on the exercise's own
//! test data, ranked in `#board-table`; codes that cannot be read get a line each in
//! `#board-errors`. The codes stay in this browser until cleared; nothing is sent anywhere.

use super::ctx::*;
use super::files::download;
use super::link_io::storage;
use crate::app::board::{asks, csv, read, result_text, rows, BadCode, Row, RowProblem};
use crate::engine::handin::CodeError;

/// The most codes a board keeps (a large class, each student handing in a few times).
pub(super) const MAX_CODES: usize = 200;
/// The longest text read at once from the box, in characters (ten thousand codes with their
/// chat lines); a longer paste is cut there, and the board says so.
const MAX_PASTE_CHARS: usize = 4_000_000;
/// The most codes that cannot be read listed one a line; the rest are counted.
const MAX_LISTED_ERRORS: usize = 20;

/// Where this browser keeps the board's codes, one a line.
const CODES_KEY: &str = "neurona-board";

fn stored_codes() -> Vec<String> {
    let text = storage().and_then(|s| s.get_item(CODES_KEY).ok().flatten()).unwrap_or_default();
    text.lines().filter(|l| !l.is_empty()).take(MAX_CODES).map(String::from).collect()
}

/// Keeps the codes in this browser; whether it could (no storage, or storage full: not).
fn store_codes(codes: &[String]) -> bool {
    let Some(s) = storage() else { return false };
    if codes.is_empty() {
        s.remove_item(CODES_KEY).is_ok()
    } else {
        s.set_item(CODES_KEY, &codes.join("\n")).is_ok()
    }
}

/// A row's problem in words.
fn problem_text(p: RowProblem) -> TeacherText {
    match p {
        RowProblem::ClaimDiffers => TeacherText::BoardClaimDiffers,
        RowProblem::AnotherExercise => TeacherText::BoardAnotherExercise,
        RowProblem::SetupMended => TeacherText::BoardSetupMended,
        RowProblem::WeightsDoNotFit => TeacherText::BoardWeightsDoNotFit,
        RowProblem::NoTestData => TeacherText::BoardNoTestData,
        RowProblem::OverLimit => TeacherText::BoardOverLimit,
        RowProblem::OtherYardstick => TeacherText::BoardOtherYardstick,
    }
}

/// A code that cannot be read, in words.
fn bad_text(b: &BadCode, lang: Lang) -> String {
    let why = match b.error {
        CodeError::NotACode => TeacherText::BoardNotACode.get(lang).to_string(),
        CodeError::Damaged => TeacherText::BoardDamaged.get(lang).to_string(),
        CodeError::TooLong(n) => {
            TeacherText::BoardTooLong.get(lang).replace("{n}", &n.to_string()).replace("{max}", &crate::engine::handin::MAX_CODE_CHARS.to_string())
        }
        CodeError::TooManyWeights(n) => {
            Text::HandInTooManyWeights.get(lang).replace("{n}", &n.to_string()).replace("{max}", &crate::engine::handin::MAX_WEIGHTS.to_string())
        }
        CodeError::Impossible => TeacherText::BoardImpossible.get(lang).to_string(),
    };
    // Whom to ask: the name the code starts with, else what came before it in the paste.
    let who = match (&b.name, &b.context) {
        (Some(name), Some(context)) => format!("{name} · «{context}» ({})", b.excerpt),
        (Some(name), None) => format!("{name} ({})", b.excerpt),
        (None, Some(context)) => format!("«{context}» ({})", b.excerpt),
        (None, None) => b.excerpt.clone(),
    };
    format!("{who}: {why}")
}

/// What the board shows of its codes.
#[derive(Clone, Default, PartialEq)]
struct Checked {
    rows: Vec<Row>,
    ms: f64,
    done: bool,
}

/// Properties of [`ClassBoard`].
#[derive(Properties, PartialEq)]
pub(super) struct BoardProps {
    pub ctx: Ctx,
}

/// The board.
#[function_component(ClassBoard)]
pub(super) fn class_board(p: &BoardProps) -> Html {
    let ctx = &p.ctx;
    let lang = ctx.settings().lang;
    let codes = use_state(stored_codes);
    let bad = use_state(Vec::<BadCode>::new);
    // Codes left out, over the board's limit.
    let over = use_state(|| 0usize);
    let checked = use_state(Checked::default);
    // Whether this browser could not keep the codes: said at once, they go with a reload.
    let unkept = use_state(|| false);
    // Another tab of the board kept codes: this one shows them too.
    {
        let codes = codes.clone();
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a window");
            let listener = gloo_events::EventListener::new(&window, "storage", move |e| {
                let key = js_sys::Reflect::get(e, &"key".into()).ok().and_then(|k| k.as_string());
                if key.as_deref() == Some(CODES_KEY) {
                    codes.set(stored_codes());
                }
            });
            move || drop(listener)
        });
    }
    // Every code kept is read and computed again whenever the list changes.
    {
        let (checked, run, settings, unkept) = (checked.clone(), ctx.run.clone(), ctx.settings.clone(), unkept.clone());
        use_effect_with((*codes).clone(), move |codes| {
            let kept = store_codes(codes);
            if kept == *unkept {
                unkept.set(!kept);
            }
            let (pending, _) = read(&codes.join("\n"), &settings);
            let ask = asks(&pending);
            checked.set(Checked::default());
            let heard = Callback::from(move |(results, ms): (Vec<door::Checked>, f64)| {
                checked.set(Checked { rows: rows(&pending, &results), ms, done: true });
            });
            run.send(Command::ask(door::Ask::Check(ask), heard));
            || ()
        });
    }
    // Whether the last paste was longer than the board reads at once.
    let cut = use_state(|| false);
    // What is pasted in the field, not added yet.
    let pasted = use_state(String::new);
    let add = {
        let (codes, bad, over, settings, cut, pasted) = (codes.clone(), bad.clone(), over.clone(), ctx.settings.clone(), cut.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| {
            let whole = (*pasted).clone();
            let text: String = whole.chars().take(MAX_PASTE_CHARS).collect();
            cut.set(text.len() < whole.len());
            let (pending, mut wrong) = read(&text, &settings);
            if pending.is_empty() && wrong.is_empty() {
                wrong.push(BadCode { excerpt: text.trim().chars().take(18).collect(), name: None, context: None, error: CodeError::NotACode });
            }
            // The codes another tab of this board kept since, then this tab's, then the new
            // ones: no tab's codes overwrite another's, and every code over the limit counts.
            let mut all = stored_codes();
            let mut left_out = 0;
            for code in codes.iter().cloned().chain(pending.into_iter().map(|p| p.code)) {
                if all.contains(&code) {
                    continue;
                }
                if all.len() < MAX_CODES {
                    all.push(code);
                } else {
                    left_out += 1;
                }
            }
            over.set(left_out);
            bad.set(wrong);
            codes.set(all);
            pasted.set(String::new());
        })
    };
    let clear = {
        let (codes, bad, over) = (codes.clone(), bad.clone(), over.clone());
        Callback::from(move |_: MouseEvent| {
            over.set(0);
            bad.set(Vec::new());
            codes.set(Vec::new());
        })
    };
    let export = {
        let checked = checked.clone();
        Callback::from(move |_: MouseEvent| download("neurona-board.csv", "text/csv", &csv(&checked.rows, lang, |p| problem_text(p).get(lang).to_string())))
    };
    let s = ctx.settings();
    let exercise_line = match (s.exercise.goal, s.exercise.is_set()) {
        (Some(goal), _) => super::exercise::goal_words(goal, lang),
        (None, true) => TeacherText::BoardOwnExercise.get(lang).to_string(),
        (None, false) => TeacherText::BoardNoExercise.get(lang).to_string(),
    };
    let exercise_link = super::exercise::page_link(s, false, false);
    html! {
        <main id="class-board" class="class-board">
            <h1>{ ctx.t(TeacherText::BoardTitle) }</h1>
            <p class="text">{ ctx.t(TeacherText::BoardExplain) }</p>
            <p id="board-exercise" class="board-exercise">{ exercise_line }{ " · " }<a href={exercise_link}>{ ctx.t(TeacherText::BoardOpenExercise) }</a></p>
            <label class="field board-input-field"><span>{ TeacherText::BoardPaste.get(lang).replace("{max}", &MAX_CODES.to_string()) }</span>
                <textarea id="board-input" rows="4" placeholder="NRN1.…" value={(*pasted).clone()} oninput={typed_into(&pasted)} />
            </label>
            <div class="board-buttons">
                <button id="board-add" class="tool primary" onclick={add}>{ ctx.t(TeacherText::BoardAdd) }</button>
                <button id="board-csv" class="tool" onclick={export} disabled={checked.rows.is_empty()}>{ ctx.t(TeacherText::BoardCsv) }</button>
                <button id="board-clear" class="tool" onclick={clear} disabled={codes.is_empty()}>{ ctx.t(TeacherText::BoardClear) }</button>
            </div>
            { board_alerts(ctx, *unkept, *cut, *over, &bad) }
            <p id="board-status" role="status" class="text">{
                if !checked.done && !codes.is_empty() { ctx.t(TeacherText::BoardChecking).to_string() }
                else { TeacherText::BoardCount.get(lang).replace("{rows}", &checked.rows.len().to_string()).replace("{codes}", &codes.len().to_string()) }
            }</p>
            { board_table(ctx, &checked) }
        </main>
    }
}

/// The table of hand-ins: each student's row, what the code claims and what was computed
/// again.
fn board_table(ctx: &Ctx, checked: &Checked) -> Html {
    let lang = ctx.settings().lang;
    let yes_no = |b: bool| if b { Text::Yes } else { Text::No };
    html! {
    // A phone scrolls the table sideways: the keyboard reaches it too.
    <div class="board-table-wrap" tabindex="0" role="region" aria-label={ctx.t(TeacherText::BoardTitle)}>
    <table id="board-table" class="board-table" data-ms={checked.done.then(|| format!("{:.1}", checked.ms))} data-rows={checked.rows.len().to_string()}>
        <thead><tr>
            <th scope="col">{ "#" }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardName) }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardMet) }</th>
            <th scope="col">{ ctx.t(Text::HiddenNeurons) }</th>
            <th scope="col" title={ctx.t(TeacherText::BoardEpochDeclaredHint)}>{ ctx.t(TeacherText::BoardEpochDeclared) }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardClaimed) }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardRecomputed) }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardValid) }</th>
            <th scope="col">{ ctx.t(TeacherText::BoardNote) }</th>
        </tr></thead>
        <tbody>
            { for checked.rows.iter().enumerate().map(|(i, r)| {
                let recomputed = r.recomputed.map(result_text);
                // On the satellite data, the map's accuracy beside the test's.
                let map = r.map.map(|m| TeacherText::BoardMapResult.get(lang).replace("{percent}", &format!("{:.1}%", m * 100.0)));
                html! {
                    <tr data-name={r.name.clone()} data-claimed={result_text(r.claimed)} data-recomputed={recomputed.clone().unwrap_or_default()}
                        data-map={r.map.map(|m| format!("{m:.4}"))}
                        data-met={r.met.to_string()} data-valid={r.valid.to_string()} data-epoch-declared={r.epoch.to_string()} class={classes!(r.met.then_some("met"), (!r.valid).then_some("invalid"))}>
                        <td>{ i + 1 }</td>
                        // Isolated: a name's direction marks cannot turn the rest of the row.
                        <td><bdi>{ r.name.clone() }</bdi>{ (r.codes > 1).then(|| format!(" ({})", TeacherText::BoardCodes.get(lang).replace("{n}", &r.codes.to_string()))) }</td>
                        <td>{ ctx.t(yes_no(r.met)) }</td>
                        <td>{ r.neurons }</td>
                        <td>{ r.epoch }</td>
                        <td>{ result_text(r.claimed) }</td>
                        <td>{ recomputed.unwrap_or_else(|| "—".into()) }{ map.map(|m| format!(" · {m}")) }</td>
                        <td>{ ctx.t(yes_no(r.valid)) }</td>
                        <td>{ r.problem.map(|p| ctx.t(problem_text(p))).or_else(|| r.epoch_limit_declared.then(|| ctx.t(TeacherText::BoardEpochLimitDeclared))).unwrap_or("") }</td>
                    </tr>
                }
            }) }
        </tbody>
    </table>
    </div>
    }
}

/// What the board says went wrong: codes it could not keep, a paste cut, codes over its limit,
/// and the codes it could not read.
fn board_alerts(ctx: &Ctx, unkept: bool, cut: bool, over: usize, bad: &[BadCode]) -> Html {
    let lang = ctx.settings().lang;
    html! { <>
    if unkept {
        <p id="board-not-kept" class="board-errors" role="alert">{ ctx.t(TeacherText::BoardNotKept) }</p>
    }
    if cut {
        <p id="board-cut" class="board-errors" role="alert">{ TeacherText::BoardPasteCut.get(lang).replace("{max}", &MAX_PASTE_CHARS.to_string()) }</p>
    }
    if over > 0 {
        <p id="board-full" class="board-errors" role="alert">{ TeacherText::BoardFull.get(lang).replace("{n}", &over.to_string()).replace("{max}", &MAX_CODES.to_string()) }</p>
    }
    if !bad.is_empty() {
        <div role="alert">
            <ul id="board-errors" class="board-errors" data-count={bad.len().to_string()}>
                { for bad.iter().take(MAX_LISTED_ERRORS).map(|b| html! { <li>{ bad_text(b, lang) }</li> }) }
                if bad.len() > MAX_LISTED_ERRORS {
                    <li id="board-errors-more">{ TeacherText::BoardMoreErrors.get(lang).replace("{n}", &(bad.len() - MAX_LISTED_ERRORS).to_string()) }</li>
                }
            </ul>
        </div>
    }
    </> }
}
