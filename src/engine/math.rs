//! exp, ln, sin and cos in plain arithmetic, so that every platform computes the same bits:
//! the standard library calls the platform's maths library natively and a different one in
//! wasm, and their last bits differ. +, -, *, / and sqrt are exact everywhere (IEEE 754).

use std::f64::consts::{FRAC_PI_2, LN_2};

// ln 2 and pi/2 split in two so that k * HI is exact for the reductions' k (written with
// every digit on purpose).
#[allow(clippy::excessive_precision)]
const LN2_HI: f64 = 6.931_471_803_691_238_2e-1;
#[allow(clippy::excessive_precision)]
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
#[allow(clippy::excessive_precision)]
const PIO2_HI: f64 = 1.570_796_326_734_125_6;
#[allow(clippy::excessive_precision)]
const PIO2_LO: f64 = 6.077_100_506_506_192_2e-11;

/// 2^n for an integer n in the normal range, built from its bits.
fn pow2(n: i64) -> f64 {
    f64::from_bits(((n + 1023) as u64) << 52)
}

/// e^x: x = k ln 2 + r with |r| <= ln 2 / 2, e^r by its Taylor series, times 2^k.
pub fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.78 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let k = (x / LN_2).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    // Horner form of sum r^n / n! up to n = 13 (|r| < 0.35: the rest is below 1e-17).
    let mut p = 1.0 / 6_227_020_800.0;
    for n in (1..=12).rev() {
        p = p * r + 1.0 / factorial(n);
    }
    let er = p * r + 1.0;
    let k = k as i64;
    // Split the scaling so that subnormal and near-overflow results stay right.
    if k > 1000 {
        er * pow2(k - 1000) * pow2(1000)
    } else if k < -1000 {
        er * pow2(k + 1000) * pow2(-1000)
    } else {
        er * pow2(k)
    }
}

fn factorial(n: u32) -> f64 {
    (1..=n).fold(1.0, |acc, i| acc * i as f64)
}

/// ln x: x = m 2^e with m in [sqrt(1/2), sqrt 2), ln m = 2 atanh(s), s = (m - 1) / (m + 1).
pub fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let (mut x, mut e) = (x, 0i64);
    if x < f64::MIN_POSITIVE {
        x *= pow2(54);
        e -= 54;
    }
    let bits = x.to_bits();
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    // 2 (s + s^3/3 + s^5/5 + ...), |s| <= 0.1716: 12 terms reach 1e-19.
    let mut sum = 0.0;
    for n in (0..12).rev() {
        sum = sum * s2 + 1.0 / (2 * n + 1) as f64;
    }
    let e = e as f64;
    (e * LN2_HI + 2.0 * s * sum) + e * LN2_LO
}

/// ln(1 + x), accurate for small x too.
pub fn ln_1p(x: f64) -> f64 {
    let u = 1.0 + x;
    if u == 1.0 {
        x
    } else {
        // Corrects the rounding of 1 + x (Goldberg's trick).
        ln(u) * x / (u - 1.0)
    }
}

/// sin and cos of r with |r| <= pi/4, by their Taylor series.
fn sin_cos_kernel(r: f64) -> (f64, f64) {
    let r2 = r * r;
    let mut s = 0.0;
    let mut c = 0.0;
    for n in (0..11).rev() {
        s = s * r2 + sign(n) / factorial(2 * n + 1);
        c = c * r2 + sign(n) / factorial(2 * n);
    }
    (s * r, c)
}

fn sign(n: u32) -> f64 {
    if n % 2 == 0 {
        1.0
    } else {
        -1.0
    }
}

/// Reduces x by multiples of pi/2: x = k pi/2 + r. Exact enough for |x| below 1e6, which
/// covers every coordinate the playground uses.
fn reduce(x: f64) -> (i64, f64) {
    let k = (x / FRAC_PI_2).round();
    ((k as i64).rem_euclid(4), (x - k * PIO2_HI) - k * PIO2_LO)
}

/// sin x.
pub fn sin(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let (k, r) = reduce(x);
    let (s, c) = sin_cos_kernel(r);
    match k {
        0 => s,
        1 => c,
        2 => -s,
        _ => -c,
    }
}

/// cos x.
pub fn cos(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let (k, r) = reduce(x);
    let (s, c) = sin_cos_kernel(r);
    match k {
        0 => c,
        1 => -s,
        2 => -c,
        _ => s,
    }
}

/// x^n by repeated squaring, in a fixed order.
pub fn powi(x: f64, n: u64) -> f64 {
    let (mut base, mut n, mut acc) = (x, n, 1.0);
    while n > 0 {
        if n & 1 == 1 {
            acc *= base;
        }
        base *= base;
        n >>= 1;
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * b.abs().max(1e-300) || (a - b).abs() < 1e-300
    }

    #[test]
    fn agree_with_the_standard_library() {
        for i in -4000..=4000 {
            let x = i as f64 * 0.0173;
            assert!(close(exp(x / 10.0), (x / 10.0).exp(), 4e-16), "exp {x}");
            assert!((sin(x) - x.sin()).abs() < 4e-16, "sin {x}: {} vs {}", sin(x), x.sin());
            assert!((cos(x) - x.cos()).abs() < 4e-16, "cos {x}");
            let y = (i as f64).abs() * 0.37 + 1e-9;
            assert!(close(ln(y), y.ln(), 4e-16) || (ln(y) - y.ln()).abs() < 1e-16, "ln {y}");
        }
        for x in [1e-300, 1e-10, 0.5, 1.0, 2.0, 1e10, 1e300, 4.9e-324] {
            assert!(close(ln(x), x.ln(), 1e-15), "ln {x}");
        }
        for x in [-700.0, -30.0, 30.0, 700.0, -740.0] {
            assert!(close(exp(x), f64::exp(x), 1e-14), "exp {x}");
        }
        assert_eq!(exp(1000.0), f64::INFINITY);
        assert_eq!(exp(-1000.0), 0.0);
        assert!(close(ln_1p(1e-12), 1e-12f64.ln_1p(), 1e-15), "{} vs {}", ln_1p(1e-12), 1e-12f64.ln_1p());
        assert_eq!(powi(3.0, 5), 243.0);
        assert_eq!(powi(0.9, 0), 1.0);
    }
}
