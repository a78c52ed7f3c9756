//! The one seeded random source behind data, shuffles, initial weights and dropout masks.
//!
//! ChaCha12, seeded through `SeedableRng::seed_from_u64`, gives the same stream on every
//! platform and in every version for a given seed, so a seed in a link reproduces a run
//! natively and in the browser alike (it is the stream rand's `StdRng` gave so far, named
//! explicitly because `StdRng` is documented as not portable).

use chacha20::ChaCha12Rng;
use rand_core::{Rng as _, SeedableRng};

/// A seeded random number generator with the few draws the engine needs.
pub struct Rng {
    inner: ChaCha12Rng,
}

impl Rng {
    /// A generator whose whole stream is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Rng { inner: ChaCha12Rng::seed_from_u64(seed) }
    }

    /// The next raw 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }

    /// Uniform in [0, 1), with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.inner.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Standard normal N(0, 1) by the Box-Muller transform.
    pub fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.unit(); // in (0, 1]: ln is finite
        let u2 = self.unit();
        (-2.0 * super::math::ln(u1)).sqrt() * super::math::cos(std::f64::consts::TAU * u2)
    }

    /// Uniform integer in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    /// Fisher-Yates shuffle in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}
