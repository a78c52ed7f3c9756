//! exp, ln, sin and cos that give the same bits on every platform: the standard library
//! calls the platform's maths library natively and another one in wasm, and their last bits
//! differ; `libm` is one pure-Rust implementation everywhere. +, -, *, / and sqrt are exact
//! everywhere (IEEE 754).

/// e^x.
pub fn exp(x: f64) -> f64 {
    libm::exp(x)
}

/// ln x.
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// ln(1 + x), accurate for small x.
pub fn ln_1p(x: f64) -> f64 {
    libm::log1p(x)
}

/// sin x.
pub fn sin(x: f64) -> f64 {
    libm::sin(x)
}

/// cos x.
pub fn cos(x: f64) -> f64 {
    libm::cos(x)
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
