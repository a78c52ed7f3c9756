//! What the table of link keys is made of: a key, how values are read and written, and the
//! readers and writers the keys share.

use crate::engine::axes::Axis;
use crate::engine::{Activation, Config, Dataset, Feature, Real};
use crate::settings::Settings;
/// Reads a value into the settings; `Err(())` when the text is not a value of the key's kind
/// (the setting then keeps what it had).
pub(super) type Read = fn(&mut Settings, &str) -> Result<(), ()>;
/// Writes a key's value, or `None` where the link leaves it out (it has its default).
pub(super) type Write = fn(&Settings) -> Option<String>;

/// One link key.
pub(super) struct Key {
    /// The key as links spell it.
    pub name: &'static str,
    /// Read after the keys of lower stages (the problem before the data set, the shape
    /// before the activations, the output before the loss).
    pub stage: u8,
    /// Whether `<name>_hide=true` hides its control.
    pub hideable: bool,
    /// Reads a value.
    pub read: Read,
    /// Writes the value.
    pub write: Write,
    /// Sets what a link without this key means, where that depends on other keys.
    pub absent: Option<fn(&mut Settings)>,
}

pub(super) const fn key(name: &'static str, stage: u8, hideable: bool, read: Read, write: Write) -> Key {
    Key { name, stage, hideable, read, write, absent: None }
}

pub(super) fn bool_of(v: &str) -> Result<bool, ()> {
    match v {
        "true" | "1" => Ok(true),
        "false" | "0" => Ok(false),
        _ => Err(()),
    }
}

pub(super) fn number<T: std::str::FromStr>(v: &str) -> Result<T, ()> {
    v.trim().parse::<T>().map_err(|_| ())
}

/// A whole number as links write it; fractions and huge values are taken as the nearest
/// whole number the setting holds (the limits then apply).
pub(super) fn whole(v: &str) -> Result<i64, ()> {
    let x: f64 = number(v)?;
    if x.is_finite() {
        Ok(x.round().clamp(i64::MIN as f64, i64::MAX as f64) as i64)
    } else {
        Err(())
    }
}

pub(super) fn real(v: &str) -> Result<Real, ()> {
    number::<Real>(v).and_then(|x| if x.is_finite() { Ok(x) } else { Err(()) })
}

/// A 64-bit seed from TensorFlow Playground's decimal seed strings (or any text).
pub(super) fn seed_from(text: &str) -> u64 {
    text.parse::<u64>().unwrap_or_else(|_| {
        // FNV-1a: a stable hash, so the same link gives the same data every time.
        crate::engine::fingerprint::fnv1a_64(text.bytes())
    })
}

pub(super) fn first_activation(c: &Config) -> Activation {
    c.network.hidden.first().map(|h| h.activation).unwrap_or(Activation::Tanh)
}

pub(super) fn list<T: ToString>(items: impl Iterator<Item = T>) -> String {
    items.map(|t| t.to_string()).collect::<Vec<_>>().join(",")
}

/// Controls a teacher can hide that have no value of their own in a link.
pub(super) const CONTROLS: [&str; 4] = ["playButton", "stepButton", "resetButton", "numHiddenLayers"];

/// Keys TensorFlow Playground writes that change nothing here.
pub(super) const ACCEPTED_QUIETLY: [&str; 2] = ["collectStats", "tutorial"];

/// Reads an axis's range, `min,max`, in the data's units.
pub(super) fn read_range(axis: &mut Axis, v: &str) -> Result<(), ()> {
    let (lo, hi) = v.split_once(',').ok_or(())?;
    let (min, max) = (real(lo)?, real(hi)?);
    let range = Axis { name: String::new(), min, max };
    if !range.is_valid() {
        return Err(());
    }
    (axis.min, axis.max) = (min, max);
    Ok(())
}

/// An axis's range, where the user's points are shown in their own units.
pub(super) fn write_range(s: &Settings, axis: &Axis) -> Option<String> {
    (s.config.data.dataset == Dataset::Custom && !axis.is_plane()).then(|| format!("{},{}", axis.min, axis.max))
}

/// An axis's name, where the user's points have one.
pub(super) fn write_name(s: &Settings, axis: &Axis) -> Option<String> {
    (s.config.data.dataset == Dataset::Custom && !axis.name.is_empty()).then(|| axis.name.clone())
}

pub(super) fn differs(value: Real, default: Real) -> Option<String> {
    (value != default).then(|| value.to_string())
}

/// The input features' keys (`x`, `y`, `xSquared`...): on or off, hideable, read after the
/// other keys of stage 1 so that turning them all off can be mended.
pub(super) fn feature_keys() -> impl Iterator<Item = Feature> {
    Feature::ALL.into_iter()
}

/// Whether a feature is on when a link does not say.
pub(super) fn feature_on_by_default(f: Feature) -> bool {
    matches!(f, Feature::X1 | Feature::X2)
}

/// Reads a feature's key. Like every key's reader it fails with `()`: the caller names the
/// key and its value in the repair, so the error itself carries nothing.
#[allow(clippy::result_unit_err)]
pub(super) fn read_feature(s: &mut Settings, f: Feature, v: &str) -> Result<(), ()> {
    let on = bool_of(v)?;
    s.config.network.features.retain(|&g| g != f);
    if on {
        s.config.network.features.push(f);
        Feature::in_order(&mut s.config.network.features);
    }
    Ok(())
}
