//! The data part of an exported Python file for data of vectors: the handwritten digits' grey
//! levels, or a table's chosen columns, in their own units, with the scaling the network sees.

use crate::config::Config;
use crate::data::Split;
use crate::Real;

/// A label as Python reads it (a float).
fn label(v: Real) -> String {
    format!("{:?}", v as f64)
}

/// The data part for `split`'s rows: `TRAIN`, `VALIDATION` and `TEST`, `features` and
/// `targets` (the latter computing `target` over `label`).
pub(crate) fn rows_data_part(config: &Config, split: &Split, target: &str) -> String {
    match config.data.table.as_ref().filter(|_| config.data.dataset == crate::Dataset::Table) {
        Some(table) => table_part(split, table, target),
        None => digits_part(config, split, target),
    }
}

/// Data of vectors (the digits): one row per example, its inputs in their own units (grey
/// levels 0 to 16), then the label; the network sees each grey level over 16.
fn digits_part(config: &Config, split: &Split, target: &str) -> String {
    let dims = split.rows.dims;
    let levels = crate::vectors::DIGIT_LEVELS as Real;
    let array = |name: &str, points: &[crate::Point], rows: &[Real]| {
        let lines: Vec<String> = points
            .iter()
            .zip(rows.chunks_exact(dims))
            .map(|(p, row)| format!("[{}, {}]", row.iter().map(|v| format!("{}", (v * levels).round() as i64)).collect::<Vec<_>>().join(", "), label(p.label)))
            .collect();
        format!("{name} = np.array([\n    {}], dtype=np.float32).reshape(-1, {})\n", lines.join(",\n    "), dims + 1)
    };
    let mut out = String::new();
    out += &format!(
        "# The data as Neurona split it: one row per handwritten digit, its {dims} grey levels (0 to 16, an\n# 8 x 8 image row by row), then its label (digits {:?}).\n",
        config.data.digits
    );
    out += &array("TRAIN", &split.train, &split.rows.train);
    out += &array("VALIDATION", &split.validation, &split.rows.validation);
    out += &array("TEST", &split.test, &split.rows.test);
    out += "\ndef features(points):\n    \"\"\"The inputs: each grey level over 16 (0 to 1).\"\"\"\n";
    out += &format!("    return (points[:, :{dims}] / np.float32(16)).astype(np.float32)\n\n");
    out += &format!("def targets(points):\n    label = points[:, {dims}]\n    return {}\n\n", target);
    out
}

/// A table's chosen columns: one row per example, its inputs in their own units, then the
/// label; the network sees each input scaled from its range in the table to -1 .. 1.
fn table_part(split: &Split, table: &crate::table::TableData, target: &str) -> String {
    let dims = split.rows.dims;
    // The rows as the split has them, back in their own units.
    let own = |k: usize, v: Real| {
        let (lo, hi) = table.ranges[k % dims];
        if hi > lo {
            format!("{}", lo + (v as f64 + 1.0) / 2.0 * (hi - lo))
        } else {
            format!("{lo}")
        }
    };
    let array = |name: &str, points: &[crate::Point], rows: &[Real]| {
        let lines: Vec<String> = points
            .iter()
            .zip(rows.chunks_exact(dims))
            .map(|(p, row)| format!("[{}, {}]", row.iter().enumerate().map(|(k, v)| own(k, *v)).collect::<Vec<_>>().join(", "), label(p.label)))
            .collect();
        format!("{name} = np.array([\n    {}], dtype=np.float64).reshape(-1, {})\n", lines.join(",\n    "), dims + 1)
    };
    let mut out = format!(
        "# The data as Neurona split it: one row per example, its columns {:?} in their own units, then\n# the label ({}).\n",
        table.inputs, table.label
    );
    out += &array("TRAIN", &split.train, &split.rows.train);
    out += &array("VALIDATION", &split.validation, &split.rows.validation);
    out += &array("TEST", &split.test, &split.rows.test);
    let ranges: Vec<String> = table.ranges.iter().map(|(lo, hi)| format!("[{lo}, {hi}]")).collect();
    out += &format!(
        "\n# Each column's range in the table: the network sees it scaled to -1 .. 1.\nRANGES = np.array([{}], dtype=np.float64)\n\n",
        ranges.join(", ")
    );
    out += "def features(points):\n    lo, hi = RANGES[:, 0], RANGES[:, 1]\n    span = np.where(hi > lo, hi - lo, 1.0)\n";
    out += &format!("    x = np.where(hi > lo, 2.0 * (points[:, :{dims}] - lo) / span - 1.0, 0.0)\n    return x.astype(np.float32)\n\n");
    out += &format!("def targets(points):\n    label = points[:, {dims}]\n    return {}\n\n", target);
    out
}
