//! The worker's part of the class loop: QR codes (for worksheets and hand-ins), hand-in codes
//! checked by computing their results again, and a run's animation made frame by frame from
//! the timeline's weights as the page asks (so that training and a cancel are answered
//! between slices, and the page shows how far it is).

use crate::engine::{Config, Real, Trainer};
use crate::render::frames;
use serde::{Deserialize, Serialize};

/// A QR code's modules: `size` x `size`, row by row, 1 for dark.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Qr {
    /// Modules on a side.
    pub size: u32,
    /// Row by row, 1 for a dark module.
    #[serde(with = "serde_bytes")]
    pub modules: Vec<u8>,
}

/// The largest QR version a link is put in: 117 modules a side, still read by a phone from
/// the back of a room off a projector or from a printed page.
pub const LINK_QR_VERSION: u8 = 25;
/// The largest for a hand-in code, read off a phone held to another.
pub const CODE_QR_VERSION: u8 = 40;

/// `text` as a QR code of version `max_version` at most, with the most error correction that
/// fits (medium at least where it can); none when it does not fit.
pub fn qr(text: &str, max_version: u8) -> Option<Qr> {
    use qrcodegen::{QrCode, QrCodeEcc, QrSegment, Version};
    let segments = QrSegment::make_segments(text);
    let code = [QrCodeEcc::Medium, QrCodeEcc::Low]
        .into_iter()
        .find_map(|ecc| QrCode::encode_segments_advanced(&segments, ecc, Version::MIN, Version::new(max_version.clamp(1, 40)), None, true).ok())?;
    let size = code.size();
    let modules = (0..size).flat_map(|y| (0..size).map(move |x| (y, x))).map(|(y, x)| code.get_module(x, y) as u8).collect();
    Some(Qr { size: size as u32, modules })
}

/// What is computed again of one hand-in: its test loss and accuracy (and its scene's map's),
/// or why not.
pub type Checked = Result<Recomputed, CheckProblem>;

pub use crate::engine::handin::{CheckProblem, Recomputed};

/// Each hand-in's result computed again from its weights on its setup's own test data.
pub fn check(asks: &[(Config, Vec<Real>)]) -> Vec<Checked> {
    asks.iter().map(|(config, weights)| crate::engine::handin::recompute(config, weights)).collect()
}

/// The fewest frames an animation has.
pub const MIN_FRAMES: usize = 10;
/// The most frames an animation has (the timeline's snapshots are taken evenly).
pub const MAX_FRAMES: usize = 100;
/// The largest animation, in bytes.
pub const MAX_GIF_BYTES: usize = 5_000_000;
/// Each frame shows for this long (hundredths of a second); the last holds longer.
const DELAY: u16 = 8;
const LAST_DELAY: u16 = 150;

/// An animation the page asks for: the timeline's weights, and how frames are labelled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnimationAsk {
    /// The epochs and their weights, oldest first.
    pub frames: Vec<(u64, super::timeline::Parameters)>,
    /// The word before each frame's epoch ("Epoch", "Época").
    pub word: String,
    /// The output as its sign only (as the page shows it).
    pub discretize: bool,
    /// The test points too.
    pub show_test: bool,
}

impl AnimationAsk {
    /// The animation of `run` as shown: its timeline up to the epoch shown and, at the newest
    /// epoch, the weights of now; only the frames drawn are copied (the timeline may hold
    /// 1,000 snapshots).
    pub fn of<P>(run: &super::run_view::RunView<P>, word: &str, discretize: bool, show_test: bool) -> AnimationAsk {
        let shown = run.viewed_epoch();
        let kept: Vec<_> = run.timeline().snapshots().iter().filter(|(e, _)| shown.is_none_or(|s| *e <= s)).collect();
        let newest = run.trainer().filter(|t| shown.is_none() && kept.last().is_none_or(|(e, _)| *e < t.epoch));
        let mut frames: Vec<_> = spread(&kept, MAX_FRAMES - newest.is_some() as usize).into_iter().cloned().collect();
        frames.extend(newest.map(|t| (t.epoch, t.network.parameters())));
        AnimationAsk { frames, word: word.to_string(), discretize, show_test }
    }
}

/// Where an animation stands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AnimationState {
    /// Frames drawn, and in all.
    pub progress: (usize, usize),
    /// The GIF, once done.
    #[serde(with = "serde_bytes")]
    pub gif: Option<Vec<u8>>,
    /// Why it could not be made.
    pub error: Option<AnimationRefusal>,
}

/// Why an animation could not be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnimationRefusal {
    /// There is no run.
    NoRun,
    /// The timeline holds fewer than [`MIN_FRAMES`] epochs.
    TooFewFrames(usize),
}

/// The frames to draw, evenly over `all` (the first and the last always), at most `most`.
pub fn spread<T: Clone>(all: &[T], most: usize) -> Vec<T> {
    if all.len() <= most {
        return all.to_vec();
    }
    (0..most).map(|i| all[i * (all.len() - 1) / (most - 1)].clone()).collect()
}

/// An animation under way.
pub struct Animation {
    ask: AnimationAsk,
    next: usize,
    /// The file written so far; taken when it is complete.
    encoder: Option<gif::Encoder<Vec<u8>>>,
    painter: super::pictures::Painter,
}

/// Starts an animation of `run`, or says why it cannot be made.
pub fn start_animation(mut ask: AnimationAsk, run: Option<&Trainer>) -> Result<Animation, AnimationState> {
    let refused = |error| AnimationState { error: Some(error), ..AnimationState::default() };
    if run.is_none() {
        return Err(refused(AnimationRefusal::NoRun));
    }
    if ask.frames.len() < MIN_FRAMES {
        return Err(refused(AnimationRefusal::TooFewFrames(ask.frames.len())));
    }
    ask.frames = spread(&ask.frames, MAX_FRAMES);
    // On the satellite data the scene's map forms beside the plane.
    let wide = run.is_some_and(|t| t.config.data.dataset == crate::engine::Dataset::Satellite);
    let (w, h) = (frames::SIDE as u16 * (1 + wide as u16), (frames::SIDE + frames::STRIP) as u16);
    let Ok(mut encoder) = gif::Encoder::new(Vec::new(), w, h, &[]) else { return Err(refused(AnimationRefusal::NoRun)) };
    let _ = encoder.set_repeat(gif::Repeat::Infinite);
    Ok(Animation { ask, next: 0, encoder: Some(encoder), painter: Default::default() })
}

impl Animation {
    /// Draws frames for about `budget_ms` (one at least), on `run`'s data: where it stands,
    /// with the GIF once the last frame is in, and whether done.
    pub fn step(&mut self, budget_ms: f64, run: Option<&mut Trainer>, now: &dyn Fn() -> f64) -> (AnimationState, bool) {
        let refused = || (AnimationState { error: Some(AnimationRefusal::NoRun), ..AnimationState::default() }, true);
        let (a, Some(t)) = (self, run) else { return refused() };
        let Some(encoder) = a.encoder.as_mut() else { return refused() };
        let start = now();
        let (total, first) = (a.ask.frames.len(), a.next);
        while a.next < total && (a.next == first || now() - start < budget_ms) {
            let (epoch, parameters) = &a.ask.frames[a.next];
            let request = super::pictures::Request { discretize: a.ask.discretize, ..Default::default() };
            let Some(pictures) = a.painter.paint_at(t, request, *epoch, parameters, false) else { return refused() };
            let shown_test = if a.ask.show_test { t.split.test.as_slice() } else { &[] };
            let points: Vec<_> = t.split.train.iter().map(|p| (*p, false)).chain(shown_test.iter().map(|p| (*p, true))).collect();
            let label = format!("{} {epoch}", a.ask.word);
            let label = if frames::can_write(&label) { label } else { epoch.to_string() };
            let rgba = frames::frame(&pictures.heatmap, super::pictures::GRID, &points, (-6.0, 6.0), t.config.data.classes, &label);
            // On the satellite data, the scene as the network maps it at this frame.
            let (mut rgba, width) = match super::derived::scene_at(t, Some(parameters)) {
                Some(map) => (frames::beside_map(&rgba, &map.classes, crate::engine::satellite::SIDE, t.config.data.classes), 2 * frames::SIDE),
                None => (rgba, frames::SIDE),
            };
            let mut frame = gif::Frame::from_rgba_speed(width as u16, (frames::SIDE + frames::STRIP) as u16, &mut rgba, 10);
            frame.delay = if a.next + 1 == total { LAST_DELAY } else { DELAY };
            // A frame that would take the file past its limit ends it (the first ten always go in).
            let before = encoder.get_ref().len();
            let _ = encoder.write_frame(&frame);
            a.next += 1;
            let per_frame = encoder.get_ref().len() - before;
            if a.next >= MIN_FRAMES && encoder.get_ref().len() + per_frame * 2 > MAX_GIF_BYTES {
                a.ask.frames.truncate(a.next);
                break;
            }
        }
        let total = a.ask.frames.len();
        if a.next < total {
            return (AnimationState { progress: (a.next, total), ..AnimationState::default() }, false);
        }
        // The file is complete (its end written): it is taken, and the job ends.
        let gif = a.encoder.take().and_then(|e| e.into_inner().ok());
        (AnimationState { progress: (total, total), gif, error: None }, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_fits_one_qr_code_and_a_text_too_long_for_it_does_not() {
        let link = "https://example.org/neurona/#dataset=logic-xor&networkShape=3&goal=accuracy%3A90&maxNeurons=3&lang=es";
        let code = qr(link, LINK_QR_VERSION).expect("a QR code");
        assert_eq!(code.modules.len(), (code.size * code.size) as usize);
        assert!(code.size <= 21 + 4 * 6, "a short link is a small code: {}", code.size);
        // The finder pattern's corner is dark, its ring's inside light.
        assert_eq!((code.modules[0], code.modules[(code.size + 1) as usize]), (1, 0));
        assert!(qr(&"x".repeat(3000), CODE_QR_VERSION).is_none());
        assert!(qr(&"x".repeat(1500), LINK_QR_VERSION).is_none() && qr(&"x".repeat(1500), CODE_QR_VERSION).is_some());
    }

    #[test]
    fn frames_are_spread_evenly_with_the_first_and_last() {
        let all: Vec<u32> = (0..=1000).collect();
        let some = spread(&all, 100);
        assert_eq!((some.len(), some[0], some[99]), (100, 0, 1000));
        assert!(some.windows(2).all(|w| w[1] > w[0]));
        assert_eq!(spread(&all[..7], 100).len(), 7);
    }
}
