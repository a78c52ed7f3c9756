//! A feature the user types: a formula of X₁ and X₂ (`x1*x1 + x2*x2`, `sin(x1) * x2`,
//! `abs(x1 - x2)`), read by `fasteval` (no JavaScript, no eval) and kept as a short program
//! of the operations below, which every part of the engine runs with the same bits.
//!
//! Reading the text needs the parser; running the program does not, so the page can
//! evaluate a formula the worker read for it.

mod read;

use serde::{Deserialize, Serialize};

/// Most characters a formula may have.
pub const MAX_LENGTH: usize = 80;
/// Most operations in its program.
const MAX_OPS: usize = 64;
/// Deepest the program's stack may grow.
const STACK: usize = 16;
/// Largest value it may take on the plane (its picture and the network's inputs stay
/// readable).
pub const MAX_VALUE: f64 = 1e6;
/// The range the feature's values are brought within on the plane, X₁'s and X₂'s own: a
/// formula that goes further is divided down (`x1*x1 + x2*x2` by 12), so that its inputs do
/// not saturate the first layer and it learns from any initial weights.
pub const RANGE: f64 = 6.0;

/// One operation of a formula's program, on a stack of numbers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Op {
    /// Push X₁.
    X1,
    /// Push X₂.
    X2,
    /// Push a number.
    Const(f64),
    /// -a.
    Neg,
    /// 1 / a.
    Inv,
    /// a + b.
    Add,
    /// a · b.
    Mul,
    /// a ^ b.
    Pow,
    /// |a|.
    Abs,
    /// The sign of a: -1, 0 or 1.
    Sign,
    /// The largest whole number not above a.
    Floor,
    /// The smallest whole number not below a.
    Ceil,
    /// sin a.
    Sin,
    /// cos a.
    Cos,
    /// tan a.
    Tan,
    /// tanh a.
    Tanh,
    /// e^a.
    Exp,
    /// ln a.
    Ln,
    /// √a.
    Sqrt,
    /// The smaller of a and b.
    Min,
    /// The larger of a and b.
    Max,
}

impl Op {
    /// Numbers it takes from the stack.
    fn takes(self) -> usize {
        match self {
            Op::X1 | Op::X2 | Op::Const(_) => 0,
            Op::Add | Op::Mul | Op::Pow | Op::Min | Op::Max => 2,
            _ => 1,
        }
    }
}

/// Why a typed formula cannot be a feature.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum FormulaError {
    /// Nothing was typed.
    Empty,
    /// Longer than [`MAX_LENGTH`] characters (its length).
    TooLong(usize),
    /// Not a formula: the part that could not be read.
    Syntax(String),
    /// A name that is neither X₁, X₂ nor a function offered.
    Unknown(String),
    /// An operation not offered (comparisons, logic, %).
    NotOffered(String),
    /// More operations or nesting than a feature may have.
    TooBig,
    /// A number that is not one anywhere (`1/0`, `2^1024`, `1e400`: infinite or undefined
    /// whatever x1 and x2 are).
    NotANumber,
    /// Not a number, or beyond [`MAX_VALUE`], at this point of the plane.
    Undefined(f64, f64),
}

/// A formula: its text as typed and its program.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Parts")]
pub struct Formula {
    text: String,
    program: Vec<Op>,
    /// What the program's value is divided by (1, or more when it goes beyond [`RANGE`]).
    divisor: f64,
}

/// A formula as stored, checked before it is used.
#[derive(Deserialize)]
struct Parts {
    text: String,
    /// Empty in a file written by hand: read again from the text (see [`Formula::read_again`]).
    #[serde(default)]
    program: Vec<Op>,
    #[serde(default = "one")]
    divisor: f64,
}

fn one() -> f64 {
    1.0
}

impl TryFrom<Parts> for Formula {
    type Error = String;

    fn try_from(p: Parts) -> Result<Formula, String> {
        if p.text.chars().count() > MAX_LENGTH || !(p.program.is_empty() || runs(&p.program)) || !(1.0..=MAX_VALUE).contains(&p.divisor) {
            return Err("formula: not a program of a formula".into());
        }
        Ok(Formula { text: p.text, program: p.program, divisor: p.divisor })
    }
}

/// Whether a program leaves exactly one number, never takes from an empty stack, and stays
/// within the limits.
fn runs(program: &[Op]) -> bool {
    let mut depth = 0usize;
    for op in program {
        if op.takes() > depth || matches!(op, Op::Const(c) if !c.is_finite()) {
            return false;
        }
        depth = depth - op.takes() + 1;
        if depth > STACK {
            return false;
        }
    }
    depth == 1 && program.len() <= MAX_OPS
}

impl Formula {
    /// A formula known by its text only, not read yet (from a link, on the page, which
    /// carries no parser): its value is 0 until the worker reads it. `None` for a text
    /// longer than [`MAX_LENGTH`].
    pub fn unread(text: &str) -> Option<Formula> {
        let text = text.trim();
        (text.chars().count() <= MAX_LENGTH && !text.is_empty()).then(|| Formula { text: text.to_string(), program: Vec::new(), divisor: 1.0 })
    }

    /// Whether it was read (its program is there).
    pub fn is_read(&self) -> bool {
        !self.program.is_empty()
    }

    /// The same formula read again from its text (a file's program is not trusted to be
    /// its text's).
    pub fn read_again(&self) -> Result<Formula, FormulaError> {
        Formula::parse(&self.text)
    }

    /// The text as it was typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The program.
    pub fn program(&self) -> &[Op] {
        &self.program
    }

    /// What the formula's value is divided by to stay within ±[`RANGE`] on the plane (1
    /// when it does already).
    pub fn divisor(&self) -> f64 {
        self.divisor
    }

    /// The feature's value at (x1, x2): the formula's, divided by [`Formula::divisor`]; 0
    /// where it is not a number (a point that falls on a pole), so that training goes on.
    pub fn value(&self, x1: f64, x2: f64) -> f64 {
        let v = self.run(x1, x2) / self.divisor;
        if v.is_finite() {
            v
        } else {
            0.0
        }
    }

    fn run(&self, x1: f64, x2: f64) -> f64 {
        let mut stack = [0.0f64; STACK];
        let mut top = 0;
        for &op in &self.program {
            let b = if top > 0 { stack[top - 1] } else { 0.0 };
            let a = if top > 1 { stack[top - 2] } else { 0.0 };
            let v = match op {
                Op::X1 => x1,
                Op::X2 => x2,
                Op::Const(c) => c,
                Op::Neg => -b,
                Op::Inv => 1.0 / b,
                Op::Add => a + b,
                Op::Mul => a * b,
                Op::Pow => libm::pow(a, b),
                Op::Abs => b.abs(),
                Op::Sign => {
                    if b > 0.0 {
                        1.0
                    } else if b < 0.0 {
                        -1.0
                    } else {
                        b
                    }
                }
                Op::Floor => libm::floor(b),
                Op::Ceil => libm::ceil(b),
                Op::Sin => libm::sin(b),
                Op::Cos => libm::cos(b),
                Op::Tan => libm::tan(b),
                Op::Tanh => libm::tanh(b),
                Op::Exp => libm::exp(b),
                Op::Ln => libm::log(b),
                Op::Sqrt => libm::sqrt(b),
                Op::Min => {
                    if a.is_nan() || b.is_nan() {
                        f64::NAN
                    } else {
                        a.min(b)
                    }
                }
                Op::Max => {
                    if a.is_nan() || b.is_nan() {
                        f64::NAN
                    } else {
                        a.max(b)
                    }
                }
            };
            // Checked when the formula was made: never more taken than there is.
            top = top.saturating_sub(op.takes());
            if top < STACK {
                stack[top] = v;
                top += 1;
            }
        }
        if top == 1 {
            stack[0]
        } else {
            f64::NAN
        }
    }

    /// The same computation in NumPy, on arrays `x1` and `x2` (for the Keras file): the
    /// same operations in the same order, and 0 where it is not a number.
    pub fn numpy(&self) -> String {
        let mut stack: Vec<String> = Vec::new();
        for &op in &self.program {
            let b = if op.takes() >= 1 { stack.pop().unwrap_or_default() } else { String::new() };
            let a = if op.takes() == 2 { stack.pop().unwrap_or_default() } else { String::new() };
            let f = |name: &str| format!("np.{name}({b})");
            stack.push(match op {
                Op::X1 => "x1.astype(np.float64)".into(),
                Op::X2 => "x2.astype(np.float64)".into(),
                Op::Const(c) => format!("{c:?}"),
                Op::Neg => format!("(-{b})"),
                Op::Inv => format!("(1.0 / {b})"),
                Op::Add => format!("({a} + {b})"),
                Op::Mul => format!("({a} * {b})"),
                Op::Pow => format!("np.power({a}, {b})"),
                Op::Min => format!("np.minimum({a}, {b})"),
                Op::Max => format!("np.maximum({a}, {b})"),
                Op::Abs => f("abs"),
                Op::Sign => f("sign"),
                Op::Floor => f("floor"),
                Op::Ceil => f("ceil"),
                Op::Sin => f("sin"),
                Op::Cos => f("cos"),
                Op::Tan => f("tan"),
                Op::Tanh => f("tanh"),
                Op::Exp => f("exp"),
                Op::Ln => f("log"),
                Op::Sqrt => f("sqrt"),
            });
        }
        format!("np.nan_to_num(({} + 0.0 * x1) / {:?}, nan=0.0, posinf=0.0, neginf=0.0)", stack.pop().unwrap_or_default(), self.divisor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, x1: f64, x2: f64) -> f64 {
        Formula::parse(text).unwrap_or_else(|e| panic!("{text}: {e:?}")).value(x1, x2)
    }

    #[test]
    fn the_lessons_examples_compute_what_they_say() {
        assert_eq!(at("x1*x1 + x2*x2", 1.5, -2.0), (1.5 * 1.5 + 4.0) / 12.0);
        assert_eq!(at("sin(x1) * x2", 0.7, 3.0), libm::sin(0.7) * 3.0);
        assert_eq!(at("abs(x1 - x2)", 1.0, 4.0), 3.0 / 2.0);
        assert_eq!(at("X₁² + X₂²", 2.0, 1.0), 5.0 / 12.0);
        assert_eq!(at("x1", 2.5, 1.0), 2.5, "within ±6 already: not divided");
        assert_eq!(at("X1 · X2", 2.0, -3.0), -6.0 / 6.0);
        assert!((at("x1 / 2 - x2 ^ 3", 3.0, 2.0) - (1.5 - 8.0) / (219.0 / 6.0)).abs() < 1e-12);
        assert_eq!(at("max(x1, x2) + min(x1, x2)", 4.0, -1.0), 3.0 / 2.0);
        assert_eq!(at("(log(100) + ln(e) + sqrt(9) + exp(0)) * x1 / 7", 6.0, 0.0), 6.0);
        assert!((at("cos(pi * x1)", 1.0, 0.0) + 1.0).abs() < 1e-12);
    }

    #[test]
    fn bad_formulas_name_their_problem() {
        assert_eq!(Formula::parse("  "), Err(FormulaError::Empty));
        assert_eq!(Formula::parse(&"x1+".repeat(30)), Err(FormulaError::TooLong(90)));
        assert_eq!(Formula::parse("x3 * x1"), Err(FormulaError::Unknown("x3".into())));
        assert_eq!(Formula::parse("foo(x1)"), Err(FormulaError::Unknown("foo".into())));
        assert!(matches!(Formula::parse("x1 *"), Err(FormulaError::Syntax(_))));
        assert!(matches!(Formula::parse("2 x1"), Err(FormulaError::Syntax(rest)) if rest.contains("x1")));
        assert!(matches!(Formula::parse("x1 > 0"), Err(FormulaError::NotOffered(_))));
        assert_eq!(Formula::parse("1 / x1"), Err(FormulaError::Undefined(0.0, -6.0)));
        assert!(matches!(Formula::parse("exp(x1 * x2)"), Err(FormulaError::Undefined(..))));
        assert!(matches!(Formula::parse("((((((((((((((((((x1))))))))))))))))))"), Err(FormulaError::TooBig)));
        for no_number in ["1/0", "2^1024", "1e400", "x1 + 1e400"] {
            assert_eq!(Formula::parse(no_number), Err(FormulaError::NotANumber), "{no_number}");
        }
    }

    #[test]
    fn a_stored_program_is_checked_before_it_is_run() {
        let good = serde_json::to_string(&Formula::parse("x1 * x2").unwrap()).unwrap();
        assert!(serde_json::from_str::<Formula>(&good).is_ok());
        for bad in [r#"{"text":"x","program":["Add"]}"#, r#"{"text":"x","program":["X1","X2"]}"#, r#"{"text":"x","program":["Const"]}"#] {
            assert!(serde_json::from_str::<Formula>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numpy_writes_the_same_operations() {
        let f = Formula::parse("abs(x1 - x2) / 2").unwrap();
        assert_eq!(
            f.numpy(),
            "np.nan_to_num(((np.abs((x1.astype(np.float64) + (-x2.astype(np.float64)))) * 0.5) + 0.0 * x1) / 1.0, nan=0.0, posinf=0.0, neginf=0.0)"
        );
    }
}
