//! Tables as CSV files: a header row naming up to [`MAX_INPUTS`] + 1 numeric columns (decimal
//! commas with `;` or tabs, as for points), read into rows of numbers; then the columns
//! chosen as the inputs and the one to predict make data of vectors (see vectors.rs).

use crate::limits::{MAX_INPUTS, MAX_POINTS};

/// The longest line of a table read (65 numbers with their separators fit well within it).
pub const MAX_TABLE_LINE_CHARS: usize = 4_000;

/// Why a table cannot be read, or a line of it is not a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    /// No header row of names first.
    NoHeader,
    /// More columns than inputs and a label can be (this many).
    TooManyColumns(usize),
    /// Two columns of this name.
    SameName(String),
    /// A line of another number of cells than the header's (this many).
    Cells(usize),
    /// A cell that is not a finite number (in this column).
    NotANumber(String),
    /// More rows than a data set holds: the ones past it are left out.
    TooManyRows,
}

/// A table as read: its columns' names, its rows of numbers, and the lines that were not rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The columns' names, as the header gives them.
    pub names: Vec<String>,
    /// The rows, each a number per column.
    pub rows: Vec<Vec<f64>>,
    /// The lines (numbered from 1) that were not rows, with why.
    pub bad: Vec<(usize, TableProblem)>,
}

/// Reads a table: a header of names, then a row of numbers per line (blank lines and `#`
/// comments skipped; `;` or tabs may separate, and then a comma is a decimal comma). An error
/// when there is no header or too many columns; each other problem is named by its line.
pub fn parse_table(text: &str) -> Result<Table, TableProblem> {
    let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
    let (_, header) = lines.next().ok_or(TableProblem::NoHeader)?;
    let decimal_commas = |line: &str| line.contains([';', '\t']);
    let split = |line: &str| -> Vec<String> {
        let separators: &[char] = if decimal_commas(line) { &[';', '\t'] } else { &[','] };
        line.split(separators).map(|c| c.trim().trim_matches('"').chars().filter(|c| !c.is_control()).collect()).collect()
    };
    let names = split(header);
    if names.iter().all(|n| n.parse::<f64>().is_ok() || n.replace(',', ".").parse::<f64>().is_ok()) {
        return Err(TableProblem::NoHeader);
    }
    if names.len() > MAX_INPUTS + 1 {
        return Err(TableProblem::TooManyColumns(names.len()));
    }
    if let Some(twice) = names.iter().enumerate().find(|(i, n)| names[..*i].contains(n)).map(|(_, n)| n.clone()) {
        return Err(TableProblem::SameName(twice));
    }
    let mut table = Table { names, ..Table::default() };
    for (at, line) in lines {
        if table.rows.len() >= MAX_POINTS {
            table.bad.push((at, TableProblem::TooManyRows));
            break;
        }
        if line.len() > MAX_TABLE_LINE_CHARS {
            table.bad.push((at, TableProblem::Cells(0)));
            continue;
        }
        let cells = split(line);
        if cells.len() != table.names.len() {
            table.bad.push((at, TableProblem::Cells(cells.len())));
            continue;
        }
        let comma = decimal_commas(line);
        let row: Result<Vec<f64>, TableProblem> = cells
            .iter()
            .zip(&table.names)
            .map(|(c, name)| {
                let v = if comma { c.replace(',', ".").parse::<f64>() } else { c.parse::<f64>() };
                v.ok().filter(|v| v.is_finite() && v.abs() <= crate::axes::MAX_COORDINATE).ok_or_else(|| TableProblem::NotANumber(name.clone()))
            })
            .collect();
        match row {
            Ok(row) => table.rows.push(row),
            Err(problem) => table.bad.push((at, problem)),
        }
    }
    Ok(table)
}

/// Whether a CSV file's text is a table rather than points: its first line names columns, and
/// other than the three of a point (x1, x2, label).
pub fn is_table(text: &str) -> bool {
    let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')) else { return false };
    let separators: &[char] = if first.contains([';', '\t']) { &[';', '\t'] } else { &[','] };
    let cells: Vec<&str> = first.split(separators).map(|c| c.trim().trim_matches('"')).collect();
    let named = cells.iter().any(|c| c.parse::<f64>().is_err() && c.replace(',', ".").parse::<f64>().is_err());
    named && cells.len() != 3
}

/// What the chosen column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Predict {
    /// Classes: each distinct value a class (2 to 10 of them).
    Class,
    /// A value (regression).
    Value,
}

/// Why columns cannot be chosen so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChoiceProblem {
    /// No input column, or the label among the inputs, or a column the table does not have.
    Columns,
    /// A label column of classes with fewer than 2 or more than 10 distinct values (this many).
    Classes(usize),
    /// No rows.
    Empty,
}

/// A table's columns chosen as the inputs and the one to predict: data of vectors, in the
/// columns' own units (kept in a setup and its files, and shown in them).
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TableData {
    /// The input columns' names.
    pub inputs: Vec<String>,
    /// The predicted column's name.
    pub label: String,
    /// Classes or a value.
    pub predict: Option<Predict>,
    /// Each row's inputs, row by row, in their own units.
    pub rows: Vec<f64>,
    /// Each row's label: for classes the class (−1 and +1 for two, else 0 to K − 1), for a
    /// value the value.
    pub labels: Vec<f64>,
    /// For classes, the value each class stands for, in order.
    pub classes: Vec<f64>,
    /// Each input's range in the table (smallest, largest): the network sees each input
    /// scaled from its range to −1 .. 1, so that no column's units outweigh another's.
    pub ranges: Vec<(f64, f64)>,
    /// The picture whose painted pixels these rows are, when they are (see picture.rs).
    pub picture: Option<Box<crate::picture::Picture>>,
}

impl Table {
    /// The distinct values of column `column`, in increasing order.
    pub fn values(&self, column: usize) -> Vec<f64> {
        let mut values: Vec<f64> = self.rows.iter().filter_map(|r| r.get(column).copied()).collect();
        values.sort_by(f64::total_cmp);
        values.dedup();
        values
    }

    /// Whether column `column` can be predicted as classes (2 to 10 distinct values).
    pub fn holds_classes(&self, column: usize) -> bool {
        (2..=crate::limits::MAX_VECTOR_CLASSES).contains(&self.values(column).len())
    }

    /// The data of `inputs` (column indices) predicting column `label` as `predict`.
    pub fn choose(&self, inputs: &[usize], label: usize, predict: Predict) -> Result<TableData, ChoiceProblem> {
        let n = self.names.len();
        if inputs.is_empty() || inputs.len() > MAX_INPUTS || inputs.contains(&label) || label >= n || inputs.iter().any(|&i| i >= n) {
            return Err(ChoiceProblem::Columns);
        }
        if self.rows.is_empty() {
            return Err(ChoiceProblem::Empty);
        }
        let mut classes: Vec<f64> = Vec::new();
        if predict == Predict::Class {
            classes = self.values(label);
            if !(2..=crate::limits::MAX_VECTOR_CLASSES).contains(&classes.len()) {
                return Err(ChoiceProblem::Classes(classes.len()));
            }
        }
        let label_of = |v: f64| match predict {
            Predict::Value => v,
            Predict::Class => {
                let at = classes.iter().position(|&c| c == v).unwrap_or(0);
                if classes.len() == 2 {
                    [-1.0, 1.0][at]
                } else {
                    at as f64
                }
            }
        };
        let ranges = inputs.iter().map(|&i| self.rows.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| (lo.min(r[i]), hi.max(r[i])))).collect();
        Ok(TableData {
            inputs: inputs.iter().map(|&i| self.names[i].clone()).collect(),
            label: self.names[label].clone(),
            predict: Some(predict),
            rows: self.rows.iter().flat_map(|r| inputs.iter().map(move |&i| r[i])).collect(),
            labels: self.rows.iter().map(|r| label_of(r[label])).collect(),
            classes,
            ranges,
            picture: None,
        })
    }
}

impl TableData {
    /// The network's inputs: one per chosen column.
    pub fn dims(&self) -> usize {
        self.inputs.len()
    }

    /// Row `i`'s inputs as the network sees them: each from its range to −1 .. 1 (a column
    /// of one value is 0).
    pub fn scaled(&self) -> Vec<crate::Real> {
        let d = self.dims().max(1);
        self.rows
            .iter()
            .enumerate()
            .map(|(k, &v)| {
                let (lo, hi) = self.ranges[k % d];
                (if hi > lo { 2.0 * (v - lo) / (hi - lo) - 1.0 } else { 0.0 }) as crate::Real
            })
            .collect()
    }
}

impl crate::picture::Picture {
    /// The data: the painted pixels (evenly thinned to [`MAX_POINTS`]), each its inputs and its
    /// class; the picture goes with it, so that the run can map the whole of it.
    pub fn table(&self) -> Result<TableData, crate::picture::PictureProblem> {
        self.check()?;
        if let Some(class) = self.painted().iter().position(|&n| n == 0) {
            return Err(crate::picture::PictureProblem::Unpainted(class));
        }
        let painted: Vec<usize> = (0..self.paint.len()).filter(|&i| self.paint[i] > 0).collect();
        let stride = painted.len().div_ceil(MAX_POINTS).max(1);
        let kept: Vec<usize> = painted.into_iter().step_by(stride).collect();
        let k = self.names.len();
        Ok(TableData {
            inputs: crate::picture::COLUMNS[..self.dims()].iter().map(|c| c.to_string()).collect(),
            label: crate::picture::LABEL.into(),
            predict: Some(Predict::Class),
            rows: kept.iter().flat_map(|&i| self.inputs_of(i)).collect(),
            labels: kept.iter().map(|&i| crate::predict::label_of(self.paint[i] as usize - 1, k) as f64).collect(),
            classes: (0..k).map(|c| c as f64).collect(),
            ranges: self.ranges(),
            picture: Some(Box::new(self.clone())),
        })
    }
}
