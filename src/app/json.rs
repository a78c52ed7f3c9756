//! The little JSON the page writes: numbers for `data-*` attributes that scripts and tests
//! read, and the points it keeps in the browser. Written here, so that the page carries no
//! JSON library (files are written and read in the worker).

use crate::engine::Real;

/// A number: as Rust writes it shortest, `null` when not finite (as JSON has no NaN).
pub fn number(v: impl Into<f64> + std::fmt::Display + Copy) -> String {
    if v.into().is_finite() {
        v.to_string()
    } else {
        "null".to_string()
    }
}

/// A list of numbers: `[0.5,-1,2.25]`.
pub fn numbers(values: &[Real]) -> String {
    format!("[{}]", values.iter().map(|&v| number(v)).collect::<Vec<_>>().join(","))
}

/// A list of lists of numbers, one per row.
pub fn rows(rows: &[Vec<Real>]) -> String {
    format!("[{}]", rows.iter().map(|r| numbers(r)).collect::<Vec<_>>().join(","))
}

/// A string, quoted and escaped.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An object of named parts already written as JSON.
pub fn object(parts: &[(&str, String)]) -> String {
    format!("{{{}}}", parts.iter().map(|(k, v)| format!("{}:{v}", string(k))).collect::<Vec<_>>().join(","))
}

/// A list of parts already written as JSON.
pub fn list(parts: impl IntoIterator<Item = String>) -> String {
    format!("[{}]", parts.into_iter().collect::<Vec<_>>().join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_is_json_that_reads_back_as_the_same_values() {
        let values: Vec<Real> = vec![0.5, -1.0, 0.1, 1e-7, 3.4e38, -0.0];
        let back: Vec<Real> = serde_json::from_str(&numbers(&values)).expect("valid JSON");
        assert_eq!(back, values);
        assert_eq!(numbers(&[Real::NAN, Real::INFINITY, 2.0]), "[null,null,2]");
        let table = vec![vec![1.0, 2.0], vec![], vec![-3.5]];
        assert_eq!(serde_json::from_str::<Vec<Vec<Real>>>(&rows(&table)).unwrap(), table);
        let odd = "a \"quoted\" \\ name\nwith a tab\t and ñ, 漢字 and \u{1}";
        assert_eq!(serde_json::from_str::<String>(&string(odd)).unwrap(), odd);
        let o = object(&[("name", string("x₁")), ("min", number(-6.0f32)), ("list", list(["1".to_string(), "[]".to_string()]))]);
        let v: serde_json::Value = serde_json::from_str(&o).expect("valid JSON");
        assert_eq!(v, serde_json::json!({"name": "x₁", "min": -6, "list": [1, []]}));
    }
}
