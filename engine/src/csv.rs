//! Points as CSV files: read a line at a time (decimal commas with `;` or tabs, a header,
//! problems named per line), and written in the data's own units.

use super::data::{Point, Split};
use super::Real;

/// The longest CSV line read as a point (three numbers with their separators and quotes
/// fit in far fewer characters).
pub const MAX_CSV_LINE_CHARS: usize = 400;

/// Why a line of a CSV file is not a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not three numbers (x1, x2, label).
    NotThreeNumbers,
    /// A number that is not finite.
    NotFinite,
    /// A coordinate beyond [`axes::MAX_COORDINATE`](super::axes::MAX_COORDINATE) either way.
    TooLarge,
    /// A class label that is not one of 0 .. K-1.
    NoSuchClass,
}

/// What a CSV file holds: its points in their own units, the lines that were not points,
/// and the names its header gives the two coordinates (empty without a header).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Csv {
    /// The points, coordinates as written.
    pub points: Vec<Point>,
    /// The lines (numbered from 1) that were not points, with why.
    pub bad: Vec<(usize, CsvProblem)>,
    /// The header's names of the first two columns.
    pub names: (String, String),
}

impl Csv {
    /// Axes that show these points in their units, named by the header.
    pub fn axes(&self) -> super::axes::Axes {
        super::axes::Axes::around(&self.points, (&self.names.0, &self.names.1))
    }
}

/// Reads points from CSV text, one `x1,x2,label` per line (blank lines and `#` comments are
/// skipped; `;` or tabs may separate, and then a comma is a decimal comma, `2,5;7,3;1`; a
/// first line of words is a header naming the columns).
/// Labels: for two classes any number, its sign giving the class (0 counts as the negative
/// class); for K classes the class index. Coordinates keep their units.
pub fn parse_csv(text: &str, classes: usize) -> Csv {
    let mut csv = Csv::default();
    for (i, line) in text.lines().enumerate() {
        csv.read_line(i, line, classes);
    }
    csv
}

impl Csv {
    /// Reads line `i` (from 0) of a CSV file into these points, as [`parse_csv`] does: a file
    /// can so be read a part at a time, the page drawing between the parts.
    pub fn read_line(&mut self, i: usize, line: &str, classes: usize) {
        let csv = self;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return;
        }
        // Three numbers never take this many characters: a longer line is not split at all.
        if line.len() > MAX_CSV_LINE_CHARS {
            csv.bad.push((i + 1, CsvProblem::NotThreeNumbers));
            return;
        }
        // Spreadsheets set to a language with decimal commas save `2,5;7,3;1`: where `;` or a
        // tab separates, a comma inside a cell is the decimal point.
        let decimal_commas = line.contains([';', '\t']);
        let separators: &[char] = if decimal_commas { &[';', '\t'] } else { &[','] };
        let cells = || line.split(separators).map(|f| f.trim().trim_matches('"'));
        let number = |f: &str| if decimal_commas { f.replace(',', ".").parse::<f64>().ok() } else { f.parse::<f64>().ok() };
        let fields: Option<Vec<f64>> = cells().map(number).collect();
        let fields = match fields {
            Some(f) if f.len() == 3 => f,
            // A first line of words is a header, not a mistake.
            _ if i == 0 && line.chars().any(|c| c.is_alphabetic()) => {
                // The plain names that `points_csv` writes for unnamed axes name nothing.
                let mut names = cells().map(|c| c.chars().filter(|c| !c.is_control()).collect::<String>()).map(|n| {
                    if n.eq_ignore_ascii_case("x1") || n.eq_ignore_ascii_case("x2") {
                        String::new()
                    } else {
                        n
                    }
                });
                csv.names = (names.next().unwrap_or_default(), names.next().unwrap_or_default());
                return;
            }
            _ => {
                csv.bad.push((i + 1, CsvProblem::NotThreeNumbers));
                return;
            }
        };
        if fields.iter().any(|v| !v.is_finite()) {
            csv.bad.push((i + 1, CsvProblem::NotFinite));
            return;
        }
        if fields[..2].iter().any(|v| v.abs() > super::axes::MAX_COORDINATE) {
            csv.bad.push((i + 1, CsvProblem::TooLarge));
            return;
        }
        let label = if classes > 2 {
            if fields[2] < 0.0 || fields[2] >= classes as f64 || fields[2].fract() != 0.0 {
                csv.bad.push((i + 1, CsvProblem::NoSuchClass));
                return;
            }
            fields[2]
        } else if fields[2] > 0.0 {
            1.0
        } else {
            -1.0
        };
        csv.points.push(Point { x: fields[0] as Real, y: fields[1] as Real, label: label as Real });
    }
}

/// A CSV header line: the axes' names (`x1` and `x2` where they have none; separators and
/// quotes in a name become spaces), then `rest`.
fn csv_header(axes: &super::axes::Axes, rest: &str) -> String {
    let name = |axis: &super::axes::Axis, plain: &str| {
        let n = axis.name.replace([',', ';', '\t', '"'], " ");
        if n.trim().is_empty() {
            plain.to_string()
        } else if n.trim_start().starts_with(['=', '+', '-', '@']) {
            // A spreadsheet would run a name that starts so as a formula: it stays text.
            format!("'{}", n.trim_start())
        } else {
            n
        }
    };
    format!("{},{},{rest}\n", name(&axes.x, "x1"), name(&axes.y, "x2"))
}

/// Points as a CSV file that [`parse_csv`] reads back: a header naming the axes (`x1` and
/// `x2` where they have no name), then `x1,x2,label` per point in the data's units.
pub fn points_csv(points: &[Point], axes: &super::axes::Axes) -> String {
    let mut text = csv_header(axes, "label");
    for p in points {
        text += &format!("{},{},{}\n", axes.x.format(p.x), axes.y.format(p.y), p.label);
    }
    text
}

/// A split data set as a CSV file a notebook reads: a header naming the axes, then
/// `x1,x2,label,set` per point in the data's own units, `set` being `train`, `validation`
/// or `test`. `split` holds the points as the network sees them (on the plane).
pub fn split_csv(split: &Split, axes: &super::axes::Axes) -> String {
    let mut text = csv_header(axes, "label,set");
    let own = |axis: &super::axes::Axis, v: Real| if axis.is_plane() { format!("{v}") } else { axis.format(axis.fit(axis.from_plane(v))) };
    for (set, points) in [("train", &split.train), ("validation", &split.validation), ("test", &split.test)] {
        for p in points.iter() {
            text += &format!("{},{},{},{set}\n", own(&axes.x, p.x), own(&axes.y, p.y), p.label);
        }
    }
    text
}
