//! The teacher's board: hand-in codes pasted as they arrive, read, computed again in the
//! worker, and ranked. Reading and ranking are plain Rust (tested natively); the page keeps
//! the codes in this browser and sends nothing anywhere.

use crate::engine::handin::{find_codes, CodeError, HandIn};
use crate::engine::{Config, Real};
use crate::exercise::Goal;
use crate::i18n::{Lang, TeacherText};
use crate::live::classroom::{CheckProblem, Checked};
use crate::settings::Settings;

/// Why a row's result is not trusted, or why its goal is not met though its result holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowProblem {
    /// The result the code claims is not what its weights give: weights or claim changed.
    ClaimDiffers,
    /// The code is for another exercise (other data or another goal than the board's).
    AnotherExercise,
    /// The setup in the code had to be mended to be read.
    SetupMended,
    /// The code's weights are not as many as its network has.
    WeightsDoNotFit,
    /// The setup has no test data to compute on.
    NoTestData,
    /// The network or the epochs go beyond the exercise's limits (the result holds).
    OverLimit,
    /// The code measures its result another way than the exercise (its problem, classes,
    /// output or loss differ): not this exercise's result.
    OtherYardstick,
}

impl RowProblem {
    /// Whether the row's result is still trusted (only a limit was passed).
    pub fn trusted(self) -> bool {
        self == RowProblem::OverLimit
    }
}

/// A text that is not a code that can be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct BadCode {
    /// The code's first characters, to find it in the chat.
    pub excerpt: String,
    /// Whose it is, by the name it starts with, when that can still be read.
    pub name: Option<String>,
    /// The text before it on its line in the paste (a chat's name and time), when there is
    /// some: who sent it.
    pub context: Option<String>,
    /// What is wrong.
    pub error: CodeError,
}

/// A code read, waiting for its result to be computed again.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    /// The code as pasted.
    pub code: String,
    /// What it holds.
    pub handin: HandIn,
    /// The setup its result is computed on: its network, and the board's exercise's data when
    /// the board has one.
    pub config: Config,
    /// Hidden neurons in all.
    pub neurons: usize,
    /// The goal its result is held to.
    pub goal: Option<Goal>,
    /// The exercise's limit on epochs, which a code can only declare it kept.
    pub epoch_limit: Option<u64>,
    /// What is already known to be wrong.
    pub problem: Option<RowProblem>,
}

/// One row of the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The student's name.
    pub name: String,
    /// The code (the best one, when a name handed in several).
    pub code: String,
    /// Test loss and accuracy as the student's page measured them.
    pub claimed: (f64, Option<f64>),
    /// As computed again, when it could be.
    pub recomputed: Option<(f64, Option<f64>)>,
    /// On the satellite data, the share of the scene's pixels its map classes right, as
    /// computed again.
    pub map: Option<f64>,
    /// Hidden neurons in all.
    pub neurons: usize,
    /// Epochs trained, as the code declares them (no board can check them: shown as
    /// declared, never ranked by; over an exercise's limit, the student's own word says so).
    pub epoch: u64,
    /// The goal held to, if any.
    pub goal: Option<Goal>,
    /// Whether the goal is met, by the result computed again (never by the claim).
    pub met: bool,
    /// Whether the result is trusted: computed again and equal to the claim, for this exercise.
    pub valid: bool,
    /// What is wrong, if anything.
    pub problem: Option<RowProblem>,
    /// Whether the exercise limits the epochs: the code's epoch is within it only by its own
    /// word (the goal met is computed; the limit is declared).
    pub epoch_limit_declared: bool,
    /// How many codes the name handed in (merged into this row).
    pub codes: usize,
}

/// The setup as a hand-in code holds it: the network and data, the exercise's goal and
/// limits (not its question), and nothing of the view.
pub fn handed_in(s: &Settings) -> Settings {
    let mut out = Settings::new(s.lang);
    out.config = s.config.clone();
    out.exercise = crate::exercise::Exercise { text: String::new(), ..s.exercise.clone() };
    out
}

/// The first characters of a code, to name it in a message.
/// The text before `code` on its line of `text` (of which it is a part), at most 40
/// characters, when there is some.
fn context(text: &str, code: &str) -> Option<String> {
    let at = (code.as_ptr() as usize).checked_sub(text.as_ptr() as usize).filter(|&at| at <= text.len())?;
    let line = text.get(..at)?.rsplit('\n').next()?.trim();
    let chars: Vec<char> = line.chars().collect();
    let kept: String = chars[chars.len().saturating_sub(40)..].iter().collect();
    let kept = kept.trim();
    (!kept.is_empty()).then(|| if chars.len() > 40 { format!("…{kept}") } else { kept.to_string() })
}

fn excerpt(code: &str) -> String {
    let head: String = code.chars().take(18).collect();
    if code.chars().count() > 18 {
        format!("{head}…")
    } else {
        head
    }
}

/// Reads every code in `text` against the board's own settings: each read code waits to be
/// computed again, each unreadable one is named with what is wrong. Identical codes are read
/// once.
pub fn read(text: &str, board: &Settings) -> (Vec<Pending>, Vec<BadCode>) {
    let mut seen = std::collections::HashSet::new();
    let (mut pending, mut bad) = (Vec::new(), Vec::new());
    for code in find_codes(text) {
        if !seen.insert(code) {
            continue;
        }
        match HandIn::decode(code) {
            Err(error) => bad.push(BadCode { excerpt: excerpt(code), name: crate::engine::handin::readable_name(code), context: context(text, code), error }),
            Ok(handin) => pending.push(pending_of(code, handin, board)),
        }
    }
    (pending, bad)
}

fn pending_of(code: &str, handin: HandIn, board: &Settings) -> Pending {
    let (theirs, repairs) = crate::app::link::parse(&handin.link, board.lang);
    let own_exercise = board.exercise.is_set();
    let mut config = theirs.config.clone();
    let exercise = if own_exercise { &board.exercise } else { &theirs.exercise };
    let mut problem = None;
    if own_exercise {
        if theirs.config.data != board.config.data || theirs.exercise.goal != board.exercise.goal {
            problem = Some(RowProblem::AnotherExercise);
        } else if !crate::app::state::same_yardstick(&theirs.config, &board.config) {
            problem = Some(RowProblem::OtherYardstick);
        }
        config.data = board.config.data.clone();
    }
    if !repairs.is_empty() {
        problem = problem.or(Some(RowProblem::SetupMended));
    }
    let neurons = config.network.hidden.iter().map(|h| h.neurons).sum();
    if problem.is_none() && (exercise.max_neurons.is_some_and(|m| neurons > m) || exercise.max_epochs.is_some_and(|m| handin.epoch > m)) {
        problem = Some(RowProblem::OverLimit);
    }
    Pending { code: code.to_string(), config, neurons, goal: exercise.goal, epoch_limit: exercise.max_epochs, problem, handin }
}

/// What the worker is asked to compute again, in the order of `pending`.
pub fn asks(pending: &[Pending]) -> Vec<(Config, Vec<Real>)> {
    pending.iter().map(|p| (p.config.clone(), p.handin.weights.clone())).collect()
}

/// The rows, from the codes read and what was computed again: ranked by goal met (trusted
/// rows first), then fewest hidden neurons, then the better result (never by the epochs a
/// code only declares); one row per name (the best of its codes).
pub fn rows(pending: &[Pending], checked: &[Checked]) -> Vec<Row> {
    let mut rows: Vec<Row> = pending
        .iter()
        .zip(checked)
        .map(|(p, c)| {
            let claimed = (p.handin.test_loss, p.handin.accuracy);
            let (recomputed, map, mut problem) = match c {
                Ok(r) => (Some((r.loss, r.accuracy)), r.map, p.problem),
                Err(CheckProblem::WeightsDoNotFit) => (None, None, Some(RowProblem::WeightsDoNotFit)),
                Err(CheckProblem::NoTestData) => (None, None, Some(RowProblem::NoTestData)),
            };
            if let Some(r) = recomputed {
                if !crate::engine::handin::claim_holds(claimed, r) && problem.is_none_or(RowProblem::trusted) {
                    problem = Some(RowProblem::ClaimDiffers);
                }
            }
            let valid = recomputed.is_some() && problem.is_none_or(RowProblem::trusted);
            let met = valid && problem.is_none() && recomputed.zip(p.goal).is_some_and(|((loss, accuracy), goal)| goal.met(loss, accuracy, map));
            Row {
                name: p.handin.name.clone(),
                code: p.code.clone(),
                claimed,
                recomputed,
                map,
                neurons: p.neurons,
                epoch: p.handin.epoch,
                goal: p.goal,
                met,
                valid,
                problem,
                epoch_limit_declared: p.epoch_limit.is_some() && problem.is_none(),
                codes: 1,
            }
        })
        .collect();
    rows.sort_by(rank);
    let mut merged: Vec<Row> = Vec::new();
    for row in rows {
        match merged.iter_mut().find(|m| same_name(&m.name, &row.name)) {
            Some(best) => best.codes += 1,
            None => merged.push(row),
        }
    }
    merged
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The board's order: better first (by the map's accuracy when the goal is the map's).
fn rank(a: &Row, b: &Row) -> std::cmp::Ordering {
    let measure = |r: &Row| match (r.goal, r.map) {
        (Some(Goal::MapAccuracy(_)), Some(map)) => -map,
        _ => r.recomputed.map_or(f64::INFINITY, |(loss, accuracy)| accuracy.map_or(loss, |a| -a)),
    };
    (!a.met, !a.valid, a.neurons)
        .cmp(&(!b.met, !b.valid, b.neurons))
        .then(measure(a).total_cmp(&measure(b)))
        .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
}

/// A result as the board writes it: the accuracy in percent when there is one, else the loss.
pub fn result_text(r: (f64, Option<f64>)) -> String {
    match r.1 {
        Some(a) => format!("{:.1}%", a * 100.0),
        None => format!("{:.4}", r.0),
    }
}

/// The rows as CSV, with a header in the page's language.
pub fn csv(rows: &[Row], lang: Lang, problem_words: impl Fn(RowProblem) -> String) -> String {
    use crate::i18n::Text;
    let declared_words = TeacherText::BoardEpochLimitDeclared.get(lang).to_string();
    // A cell a spreadsheet would run as a formula (=, +, -, @, a tab or a return first) stays
    // text, as in the data's export.
    let quote = |s: &str| {
        let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
        format!("\"{}\"", s.replace('"', "\"\""))
    };
    let head = [
        TeacherText::BoardName.get(lang),
        Text::HiddenNeurons.get(lang),
        TeacherText::BoardEpochDeclared.get(lang),
        TeacherText::BoardClaimedLoss.get(lang),
        TeacherText::BoardClaimedAccuracy.get(lang),
        TeacherText::BoardLoss.get(lang),
        TeacherText::BoardAccuracy.get(lang),
        TeacherText::BoardMapAccuracy.get(lang),
        TeacherText::BoardMet.get(lang),
        TeacherText::BoardValid.get(lang),
        TeacherText::BoardNote.get(lang),
    ];
    let mut out = head.iter().map(|t| quote(t)).collect::<Vec<_>>().join(",");
    out.push('\n');
    let number = |v: Option<f64>| v.map(|v| format!("{v:.6}")).unwrap_or_default();
    for r in rows {
        let cells = [
            quote(&r.name),
            r.neurons.to_string(),
            r.epoch.to_string(),
            number(Some(r.claimed.0)),
            number(r.claimed.1),
            number(r.recomputed.map(|x| x.0)),
            number(r.recomputed.and_then(|x| x.1)),
            number(r.map),
            r.met.to_string(),
            r.valid.to_string(),
            quote(&r.problem.map(&problem_words).or_else(|| r.epoch_limit_declared.then(|| declared_words.clone())).unwrap_or_default()),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
