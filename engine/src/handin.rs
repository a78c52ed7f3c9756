//! A student's hand-in: a short text code (`NRN1.` and base64url) that holds the setup as a
//! link, the trained weights and the result the student's page measured, so that a teacher's
//! board can check the result by computing it again from the weights, on the exercise's own
//! test data, with nothing sent anywhere.
//!
//! The code's bytes: the name (a length byte, UTF-8), the link (two length bytes, UTF-8), the
//! epoch (u64), the claimed test loss and accuracy (f64; NaN for none), the weights (a u16
//! count, f32 each: every layer's weights then biases, input side first) and an FNV-1a sum of
//! all that (u32), all little-endian. A changed character almost surely breaks the sum; a
//! changed weight or claim with a mended sum no longer agrees with what the board computes.
//!
//! What a code proves: its weights give the test loss and accuracy it claims on the setup it
//! names (the board computes them again). What it only declares: the epoch (the sum can be
//! mended by anyone who reads this), so a board shows it as declared, never meets a limit or
//! ranks by it, and refuses a value no run can reach.

use crate::config::Config;
use crate::fingerprint::fnv1a_32 as fnv;
use crate::trainer::Trainer;
use crate::Real;
use base64::Engine as _;

/// What every code starts with (its version is the digit).
pub const PREFIX: &str = "NRN1.";
/// The longest code, in characters.
pub const MAX_CODE_CHARS: usize = 2000;
/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 40;
/// The most epochs a code may declare: at the engine's fastest (a few thousand epochs a
/// second) more would take weeks of one page training. A code declaring more is refused.
pub const MAX_DECLARED_EPOCHS: u64 = 1_000_000_000;
/// The most weights and biases a code can hold (what fits in [`MAX_CODE_CHARS`] with a short
/// link and name).
pub const MAX_WEIGHTS: usize = 320;

/// A hand-in as the student's page writes it and the board reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct HandIn {
    /// The student's name, as typed.
    pub name: String,
    /// The setup, as a link's hash (the short one).
    pub link: String,
    /// Epochs the run had trained.
    pub epoch: u64,
    /// The test loss the student's page showed.
    pub test_loss: f64,
    /// The test accuracy (0 to 1) it showed; none for a regression.
    pub accuracy: Option<f64>,
    /// Every weight and bias: per layer, its weights then its biases, input side first.
    pub weights: Vec<Real>,
}

/// Why a text is not a hand-in code, or one cannot be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeError {
    /// It does not start with [`PREFIX`].
    NotACode,
    /// Its characters are not base64url, or its sum does not match (a character changed, or
    /// the code was cut short).
    Damaged,
    /// Longer than [`MAX_CODE_CHARS`] (this many characters).
    TooLong(usize),
    /// More weights than a code holds (this many).
    TooManyWeights(usize),
    /// Its sum holds but a value cannot be (an epoch over [`MAX_DECLARED_EPOCHS`], a loss
    /// below 0 or not a number, an accuracy outside 0 to 100%, a weight not a number): a
    /// code made by hand.
    Impossible,
}

/// A weight as a code holds it (the engine's numbers may be f64).
#[allow(clippy::unnecessary_cast)]
fn single(v: Real) -> f32 {
    v as f32
}

/// A weight as a code held it, in the engine's numbers.
#[allow(clippy::unnecessary_cast)]
fn real(v: f32) -> Real {
    v as Real
}

/// Whether a character turns the direction of the text around it (the embeddings,
/// overrides, isolates and marks of Unicode's bidirectional algorithm): a name keeps none, so
/// that it shows as typed and cannot turn a board's row around.
fn turns_direction(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The name as a code keeps it: no control characters and no direction marks, at most
/// [`MAX_NAME_CHARS`], trimmed.
pub fn clean_name(name: &str) -> String {
    name.chars().filter(|c| !c.is_control() && !turns_direction(*c)).take(MAX_NAME_CHARS).collect::<String>().trim().to_string()
}

impl HandIn {
    /// The code, or why it cannot be one.
    pub fn encode(&self) -> Result<String, CodeError> {
        if self.weights.len() > MAX_WEIGHTS {
            return Err(CodeError::TooManyWeights(self.weights.len()));
        }
        let name = clean_name(&self.name);
        let mut out = Vec::with_capacity(64 + self.link.len() + 4 * self.weights.len());
        out.push(name.len() as u8);
        out.extend_from_slice(name.as_bytes());
        let link = self.link.as_bytes();
        out.extend_from_slice(&(link.len().min(u16::MAX as usize) as u16).to_le_bytes());
        out.extend_from_slice(&link[..link.len().min(u16::MAX as usize)]);
        out.extend_from_slice(&self.epoch.to_le_bytes());
        out.extend_from_slice(&self.test_loss.to_le_bytes());
        out.extend_from_slice(&self.accuracy.unwrap_or(f64::NAN).to_le_bytes());
        out.extend_from_slice(&(self.weights.len() as u16).to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&single(*w).to_le_bytes());
        }
        out.extend_from_slice(&fnv(&out).to_le_bytes());
        let code = format!("{PREFIX}{}", base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&out));
        if code.len() > MAX_CODE_CHARS {
            return Err(CodeError::TooLong(code.len()));
        }
        Ok(code)
    }

    /// Reads a code (surrounding spaces aside).
    pub fn decode(code: &str) -> Result<HandIn, CodeError> {
        let code = code.trim();
        let body = code.strip_prefix(PREFIX).ok_or(CodeError::NotACode)?;
        if code.len() > MAX_CODE_CHARS {
            return Err(CodeError::TooLong(code.len()));
        }
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeError::Damaged)?;
        let (data, sum) = bytes.split_at_checked(bytes.len().checked_sub(4).ok_or(CodeError::Damaged)?).ok_or(CodeError::Damaged)?;
        if fnv(data).to_le_bytes() != sum {
            return Err(CodeError::Damaged);
        }
        let mut r = Reader(data);
        let name_len = r.take(1)?[0] as usize;
        let name = String::from_utf8(r.take(name_len)?.to_vec()).map_err(|_| CodeError::Damaged)?;
        let link_len = u16::from_le_bytes(r.array()?) as usize;
        let link = String::from_utf8(r.take(link_len)?.to_vec()).map_err(|_| CodeError::Damaged)?;
        let epoch = u64::from_le_bytes(r.array()?);
        let test_loss = f64::from_le_bytes(r.array()?);
        let accuracy = Some(f64::from_le_bytes(r.array()?)).filter(|a| !a.is_nan());
        let count = u16::from_le_bytes(r.array()?) as usize;
        let weights = (0..count).map(|_| r.array().map(|b| real(f32::from_le_bytes(b)))).collect::<Result<Vec<_>, _>>()?;
        if !r.0.is_empty() {
            return Err(CodeError::Damaged);
        }
        let possible = epoch <= MAX_DECLARED_EPOCHS
            && test_loss.is_finite()
            && test_loss >= 0.0
            && accuracy.is_none_or(|a| (0.0..=1.0).contains(&a))
            && weights.iter().all(|w| w.is_finite());
        if !possible {
            return Err(CodeError::Impossible);
        }
        Ok(HandIn { name: clean_name(&name), link, epoch, test_loss, accuracy, weights })
    }
}

/// The student's name at the start of a code that cannot be read whole (changed or cut short
/// after the name), when it can still be read: the name comes first in every code.
pub fn readable_name(code: &str) -> Option<String> {
    let body = code.trim().strip_prefix(PREFIX)?;
    // The longest whole group of base64 characters that decodes.
    let usable = body.len() - body.len() % 4;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&body[..usable]).ok()?;
    let len = *bytes.first()? as usize;
    let name = std::str::from_utf8(bytes.get(1..1 + len)?).ok()?;
    let name = clean_name(name);
    (!name.trim().is_empty()).then_some(name)
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], CodeError> {
        let (head, rest) = self.0.split_at_checked(n).ok_or(CodeError::Damaged)?;
        self.0 = rest;
        Ok(head)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], CodeError> {
        Ok(self.take(N)?.try_into().expect("N bytes"))
    }
}

/// Every code in a pasted text, in order, whatever separates them (spaces, lines, commas, a
/// chat's names and times): each runs from [`PREFIX`] to the first character that cannot be
/// part of one.
pub fn find_codes(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(PREFIX) {
        let after = &rest[at + PREFIX.len()..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(after.len());
        found.push(&rest[at..at + PREFIX.len() + len]);
        rest = &after[len..];
    }
    found
}

/// Weights and biases, flat as a code holds them, laid out per layer for `config`'s network;
/// none when their number is not the network's.
pub fn layers(config: &Config, weights: &[Real]) -> Option<Vec<(Vec<Real>, Vec<Real>)>> {
    let mut zeros = config.clone();
    zeros.network.init = crate::Init::Zeros;
    let shape = crate::model::network_for(&zeros, &mut crate::rng::Rng::new(0)).parameters();
    if shape.iter().map(|(w, b)| w.len() + b.len()).sum::<usize>() != weights.len() {
        return None;
    }
    let mut rest = weights;
    Some(
        shape
            .iter()
            .map(|(w, b)| {
                let (wl, tail) = rest.split_at(w.len());
                let (bl, tail) = tail.split_at(b.len());
                rest = tail;
                (wl.to_vec(), bl.to_vec())
            })
            .collect(),
    )
}

/// The weights of `parameters`, flat, as a code holds them.
pub fn flat(parameters: &[(Vec<Real>, Vec<Real>)]) -> Vec<Real> {
    parameters.iter().flat_map(|(w, b)| w.iter().chain(b).copied()).collect()
}

/// Why a hand-in's result cannot be computed again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum CheckProblem {
    /// Its weights are not as many as its network has.
    WeightsDoNotFit,
    /// Its setup has no test data (or no data at all).
    NoTestData,
}

/// A hand-in's result, computed again from its weights.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Recomputed {
    /// The test loss.
    pub loss: f64,
    /// The test accuracy (0 to 1); none for a regression.
    pub accuracy: Option<f64>,
    /// On the satellite data, the share of the scene's pixels its map classes right (0 to 1).
    pub map: Option<f64>,
}

/// The test loss and accuracy of these weights on `config`'s own test data, computed anew
/// (the data drawn from the setup's seed, as every run of it draws them), and on the
/// satellite data the accuracy of the scene's map they draw.
pub fn recompute(config: &Config, weights: &[Real]) -> Result<Recomputed, CheckProblem> {
    let parameters = layers(config, weights).ok_or(CheckProblem::WeightsDoNotFit)?;
    let mut trainer = Trainer::new(config.clone()).map_err(|_| CheckProblem::NoTestData)?;
    trainer.network = crate::model::network_with(config, &parameters).ok_or(CheckProblem::WeightsDoNotFit)?;
    crate::model::switches(&mut trainer.network, config);
    let test = trainer.evaluate().test.ok_or(CheckProblem::NoTestData)?;
    let map = crate::satellite::map_scene(&trainer.network, config).map(|m| m.accuracy);
    Ok(Recomputed { loss: test.loss, accuracy: test.accuracy, map })
}

/// Whether a claim agrees with what was computed again: the accuracy exactly (it counts
/// points), the loss to what an f32 keeps.
pub fn claim_holds(claimed: (f64, Option<f64>), computed: (f64, Option<f64>)) -> bool {
    let loss_ok = (claimed.0 - computed.0).abs() <= 1e-6 + 1e-5 * computed.0.abs();
    let accuracy_ok = match (claimed.1, computed.1) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6,
        (None, None) => true,
        _ => false,
    };
    loss_ok && accuracy_ok
}
