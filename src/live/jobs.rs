//! The worker's side of the services a view asks for ([`Ask`]): each answered at once, or, for
//! a sliced job (a hint, a sweep, an animation), kept by its id and worked on a slice at a
//! time as the page asks, so that training, pictures and a cancel are answered between slices.

use super::protocol::FromWorker;
use super::service::{Answer, Ask, Export, OpenedModel};
use crate::engine::Trainer;

/// How long a sliced job works at a time, in milliseconds: when it starts, and at each of the
/// page's `Step`s, so that a cancel or a picture waits at most this long.
pub const SLICE_MS: f64 = 40.0;

/// A job done a slice at a time.
pub trait Sliced {
    /// Works for about `budget_ms` (one unit of work at least) on `run`: where it stands, and
    /// whether it is done.
    fn step(&mut self, budget_ms: f64, run: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> (Answer, bool);
}

impl Sliced for super::hinting::HintJob {
    fn step(&mut self, budget_ms: f64, _: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> (Answer, bool) {
        let (state, done) = self.step(budget_ms, now);
        (Answer::Hint(Box::new(state)), done)
    }
}

impl Sliced for super::sweeping::SweepJob {
    fn step(&mut self, budget_ms: f64, _: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> (Answer, bool) {
        let (state, done) = self.step(budget_ms, now);
        (Answer::Sweep(Box::new(state)), done)
    }
}

impl Sliced for super::classroom::Animation {
    fn step(&mut self, budget_ms: f64, run: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> (Answer, bool) {
        let (state, done) = self.step(budget_ms, run, now);
        (Answer::Animation(Box::new(state)), done)
    }
}

/// The sliced jobs under way, by id.
#[derive(Default)]
pub struct Jobs(Vec<(u64, Box<dyn Sliced>)>);

impl Jobs {
    /// Answers ask `id` for the run `run` (of draw `round`): at once, or after the first slice
    /// of the job it starts.
    pub fn serve(&mut self, id: u64, ask: Ask, run: Option<&mut Trainer>, round: u64, now: &dyn Fn() -> f64) -> FromWorker {
        let done = |answer| FromWorker::Answer { id, answer, more: false };
        let mut job: Box<dyn Sliced> = match ask {
            Ask::ReadModel(text) => return done(Answer::Model(Box::new(read_model(&text)))),
            Ask::Export(what, network) => return done(Answer::Text(run.map(|t| export(t, what, *network)))),
            Ask::Benchmark(repeats) => return done(Answer::Figures(crate::bench::to_json(&crate::bench::run(repeats.max(1) as usize, now)))),
            Ask::Thumbnails { seed, noise, classes } => return done(Answer::Thumbnails(super::service::thumbnails(seed, noise, classes))),
            Ask::ReadFormula(text) => return done(Answer::Formula(Box::new(crate::engine::formula::Formula::parse(&text)))),
            Ask::Qr { text, max_version } => return done(Answer::Qr(super::classroom::qr(&text, max_version).map(Box::new))),
            Ask::Check(mut asks) => {
                let start = now();
                // A code's own feature travels as its formula's text: read here, as for a run,
                // before its result is computed again.
                asks.iter_mut().for_each(|(config, _)| read_formula(config));
                let checked = super::classroom::check(&asks);
                return done(Answer::Checked(checked, now() - start));
            }
            Ask::Hint(ask) => match super::hinting::start(*ask) {
                Ok(job) => Box::new(job),
                Err(state) => return done(Answer::Hint(Box::new(state))),
            },
            Ask::Sweep(ask) => match super::sweeping::start(*ask, run.as_deref(), round) {
                Ok(job) => Box::new(job),
                Err(state) => return done(Answer::Sweep(Box::new(state))),
            },
            Ask::Animation(ask) => match super::classroom::start_animation(*ask, run.as_deref()) {
                Ok(job) => Box::new(job),
                Err(state) => return done(Answer::Animation(Box::new(state))),
            },
        };
        let (answer, finished) = job.step(SLICE_MS, run, now);
        if !finished {
            self.0.push((id, job));
        }
        FromWorker::Answer { id, answer, more: !finished }
    }

    /// Works on job `id` for about `budget_ms`: where it stands (`more` while it goes on);
    /// none when no such job is under way (it was dropped or is done).
    pub fn step(&mut self, id: u64, budget_ms: f64, run: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> Option<FromWorker> {
        let at = self.0.iter().position(|(job, _)| *job == id)?;
        let (answer, done) = self.0[at].1.step(budget_ms, run, now);
        if done {
            self.0.remove(at);
        }
        Some(FromWorker::Answer { id, answer, more: !done })
    }

    /// Stops job `id`, if it is under way.
    pub fn drop(&mut self, id: u64) {
        self.0.retain(|(job, _)| *job != id);
    }
}

/// A model file's text read: the model and what was mended, or why it cannot be opened.
pub(super) fn read_model(text: &str) -> super::service::ModelRead {
    crate::engine::Model::from_json(text).map(|(m, repairs)| OpenedModel::of(m, repairs))
}

pub(super) fn export(t: &Trainer, what: Export, network: crate::engine::Network) -> String {
    match what {
        Export::Model => crate::engine::Model { version: crate::engine::config::FORMAT_VERSION, config: t.config.clone(), network }.to_json(),
        Export::Keras => crate::engine::export::keras_code(&t.config, &network, &t.split, 100),
    }
}

/// Reads the typed feature's formula when the setup has only its text; one that cannot be
/// read is taken out, as the page does when it hears why.
pub(super) fn read_formula(config: &mut crate::engine::Config) {
    let n = &mut config.network;
    if let Some(read) = n.formula.as_ref().filter(|f| !f.is_read()).map(|f| f.read_again()) {
        n.formula = read.ok();
        if n.formula.is_none() {
            n.features.retain(|&f| f != crate::engine::Feature::Custom);
            if n.features.is_empty() {
                n.features.push(crate::engine::Feature::X1);
            }
        }
    }
}
