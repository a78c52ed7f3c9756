//! The one seeded random source behind data, shuffles, initial weights and dropout masks.
//!
//! rand's ChaCha12 generator, seeded through `SeedableRng::seed_from_u64`, gives the same stream
//! on every platform and in every version for a given seed, so a seed in a link reproduces a
//! run natively and in the browser alike (named explicitly because `StdRng` is documented as
//! not portable). TensorFlow Playground's stream, seedrandom's ARC4, is a rand generator too
//! (it implements rand's `TryRng`, so `Rng`/`RngCore`), and `Rng` itself is one: whatever
//! needs rand's traits can draw from either.

use core::convert::Infallible;
use rand::rngs::ChaCha12Rng;
use rand::{Rng as _, RngExt as _, SeedableRng, TryRng};

/// A seeded random number generator with the few draws the engine needs.
pub struct Rng {
    inner: Source,
}

/// Where the numbers come from.
enum Source {
    /// Neurona's own stream.
    ChaCha(Box<ChaCha12Rng>),
    /// TensorFlow Playground's: `Math.random` after `Math.seedrandom(seed)`.
    Playground(Box<Arc4>),
}

impl Rng {
    /// A generator whose whole stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { inner: Source::ChaCha(Box::new(ChaCha12Rng::seed_from_u64(seed))) }
    }

    /// TensorFlow Playground's stream for the seed its link writes (`0.66230`): the numbers
    /// `Math.random` gives after `Math.seedrandom(seed)` (seedrandom 2.4's ARC4), and its
    /// normal draws and shuffle, so that its data and initial weights come out the same.
    pub fn playground(seed: &str) -> Self {
        Rng { inner: Source::Playground(Box::new(Arc4::seeded(seed))) }
    }

    /// Uniform in [0, 1): rand's standard float draw (53 random bits), or for TensorFlow
    /// Playground's stream the double seedrandom builds from its bytes (which can hold more
    /// than 53 bits below one half, so it is not cut to rand's 53).
    pub fn unit(&mut self) -> f64 {
        match &mut self.inner {
            Source::ChaCha(c) => c.random::<f64>(),
            Source::Playground(a) => a.unit(),
        }
    }

    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Standard normal N(0, 1) by the Box-Muller transform (TensorFlow Playground's stream:
    /// by its polar method, as its `normalRandom` draws).
    pub fn normal(&mut self) -> f64 {
        if matches!(self.inner, Source::Playground(_)) {
            loop {
                let v1 = 2.0 * self.unit() - 1.0;
                let v2 = 2.0 * self.unit() - 1.0;
                let s = v1 * v1 + v2 * v2;
                if s <= 1.0 {
                    return (-2.0 * super::math::ln(s) / s).sqrt() * v1;
                }
            }
        }
        let u1 = 1.0 - self.unit(); // in (0, 1]: ln is finite
        let u2 = self.unit();
        (-2.0 * super::math::ln(u1)).sqrt() * super::math::cos(std::f64::consts::TAU * u2)
    }

    /// Uniform integer in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Fisher-Yates shuffle in place (TensorFlow Playground's stream: as its `shuffle`, which
    /// draws once more, for the first item).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        if matches!(self.inner, Source::Playground(_)) {
            for counter in (1..=items.len()).rev() {
                let index = ((self.unit() * counter as f64) as usize).min(counter - 1);
                items.swap(counter - 1, index);
            }
            return;
        }
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// The engine's generator is one of rand's: its raw words come from whichever stream it holds.
impl TryRng for Rng {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(match &mut self.inner {
            Source::ChaCha(c) => c.next_u32(),
            Source::Playground(a) => a.next_word(4) as u32,
        })
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(match &mut self.inner {
            Source::ChaCha(c) => c.next_u64(),
            Source::Playground(a) => a.next_word(8),
        })
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        match &mut self.inner {
            Source::ChaCha(c) => c.fill_bytes(dst),
            Source::Playground(a) => a.try_fill_bytes(dst)?,
        }
        Ok(())
    }
}

/// seedrandom's ARC4 as a rand generator: its words are its bytes in order, first byte highest
/// (as seedrandom's own `int32` reads four of them).
impl TryRng for Arc4 {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        Ok(self.next_word(4) as u32)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.next_word(8))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        dst.iter_mut().for_each(|b| *b = self.next_word(1) as u8);
        Ok(())
    }
}

/// seedrandom's ARC4 (RC4, the first 256 bytes dropped), keyed by the seed's text as
/// seedrandom mixes it.
struct Arc4 {
    s: [u8; 256],
    i: u8,
    j: u8,
}

impl Arc4 {
    fn seeded(seed: &str) -> Arc4 {
        // seedrandom's mixkey: each UTF-16 unit of the text, smeared into a key of at most
        // 256 bytes.
        let mut key: Vec<u32> = Vec::new();
        let mut smear: u32 = 0;
        for (j, c) in seed.encode_utf16().enumerate() {
            let at = j & 255;
            if at == key.len() {
                key.push(0);
            }
            smear ^= key[at] * 19;
            key[at] = (smear + c as u32) & 255;
        }
        if key.is_empty() {
            key.push(0);
        }
        let mut s = [0u8; 256];
        s.iter_mut().enumerate().for_each(|(i, v)| *v = i as u8);
        let mut j: u8 = 0;
        for i in 0..256 {
            j = j.wrapping_add(key[i % key.len()] as u8).wrapping_add(s[i]);
            s.swap(i, j as usize);
        }
        let mut a = Arc4 { s, i: 0, j: 0 };
        a.bytes(256);
        a
    }

    /// The next `count` bytes as one number, first byte highest.
    fn bytes(&mut self, count: usize) -> f64 {
        let mut r = 0.0;
        for _ in 0..count {
            self.i = self.i.wrapping_add(1);
            let t = self.s[self.i as usize];
            self.j = self.j.wrapping_add(t);
            self.s[self.i as usize] = self.s[self.j as usize];
            self.s[self.j as usize] = t;
            r = r * 256.0 + self.s[self.s[self.i as usize].wrapping_add(t) as usize] as f64;
        }
        r
    }

    /// The next `count` (at most 8) bytes as one integer, first byte highest.
    fn next_word(&mut self, count: usize) -> u64 {
        (0..count).fold(0u64, |w, _| (w << 8) | self.bytes(1) as u64)
    }

    /// seedrandom's double: 52 significant bits from 6 or more bytes, never rounded up.
    fn unit(&mut self) -> f64 {
        let (significance, overflow) = (2f64.powi(52), 2f64.powi(53));
        let (mut n, mut d, mut x) = (self.bytes(6), 2f64.powi(48), 0.0);
        while n < significance {
            n = (n + x) * 256.0;
            d *= 256.0;
            x = self.bytes(1);
        }
        while n >= overflow {
            n /= 2.0;
            d /= 2.0;
            x = ((x as u32) >> 1) as f64;
        }
        (n + x) / d
    }
}

#[cfg(test)]
mod tests {
    use super::Rng;
    use rand::{Rng as _, RngExt as _, SeedableRng};

    #[test]
    fn neuronas_stream_is_the_one_its_links_were_made_with() {
        // Links, hand-in codes and model files were made with ChaCha12 seeded by
        // `seed_from_u64`, each unit draw the top 53 bits of one u64: rand's float draw and
        // raw words must still give exactly those numbers, and the first ones are pinned.
        for seed in [0u64, 1, 42, 0x9e37_79b9_7f4a_7c15] {
            let mut reference = rand::rngs::ChaCha12Rng::seed_from_u64(seed);
            let mut rng = Rng::new(seed);
            for _ in 0..1000 {
                let expected = (reference.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
                assert_eq!(rng.unit(), expected, "seed {seed}");
            }
        }
        let mut rng = Rng::new(1);
        let first: Vec<f64> = (0..3).map(|_| rng.unit()).collect();
        let mut again = Rng::new(1);
        assert_eq!(first, (0..3).map(|_| again.random::<f64>()).collect::<Vec<_>>());
        assert_eq!(format!("{:.12}", first[0]), PINNED_FIRST_DRAW);
    }

    /// The first draw of seed 1.
    const PINNED_FIRST_DRAW: &str = "0.974244737258";

    #[test]
    fn the_playground_stream_is_a_rand_generator() {
        // As a rand generator, seedrandom's ARC4 gives its bytes in order: the first six,
        // first highest, are the integer its first double is built from.
        let mut words = Rng::playground("0.66230");
        let six = words.next_u64() >> 16;
        let mut doubles = Rng::playground("0.66230");
        let first = doubles.unit();
        assert_eq!(first, 0.7187351007166869);
        assert!((six as f64 / 2f64.powi(48) - first).abs() < 1e-12, "{six} vs {first}");
    }

    #[test]
    fn tensorflow_playgrounds_stream_is_seedrandoms() {
        // Math.random() after Math.seedrandom(seed), as node printed them (seedrandom 2.4.3).
        for (seed, expected) in [
            ("0.66230", [0.7187351007166869, 0.30811243354173584, 0.5246804912761421]),
            ("0.81263", [0.9861598257418455, 0.4289848554857057, 0.7952198156031675]),
            ("hello", [0.5463663768140734, 0.4397379377059223, 0.554769432473455]),
        ] {
            let mut rng = Rng::playground(seed);
            let got = [rng.unit(), rng.unit(), rng.unit()];
            assert_eq!(got, expected, "{seed}");
        }
    }
}
