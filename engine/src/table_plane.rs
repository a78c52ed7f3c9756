//! A table's network seen on a plane: two of its input columns as the axes, every other input
//! held at its mean over the training rows, the network's output over a grid of that plane,
//! and the training rows placed by their two values. The heatmap of points on the plane, for
//! data whose inputs are columns.

use crate::network::{Network, Workspace};
use crate::{Real, Trainer};

/// The grid's cells a side.
pub const SIDE: usize = 50;

/// The plane of two columns.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TablePlane {
    /// The input columns on x and on y (from 0).
    pub columns: [usize; 2],
    /// The network's output over the grid, `[output][cell]`, cells row by row from the top
    /// (largest y) and each scaled input from −1 on the left to 1 on the right: one output on
    /// the playground's scale (+1 blue, −1 orange; a value scaled from the labels' range),
    /// else each class's probability.
    pub outputs: Vec<Real>,
    /// The outputs: 1 for one, else the classes.
    pub classes: usize,
    /// The training rows: their two scaled values and their label on the output's scale.
    pub points: Vec<[Real; 3]>,
    /// Every input's mean over the training rows, scaled as the network reads it.
    pub means: Vec<Real>,
}

impl Trainer {
    /// The plane of input columns `columns` as `network` (of this run's shape) sees it; none
    /// for data on the plane or columns it does not have.
    pub fn table_plane(&self, network: &Network, columns: [usize; 2]) -> Option<TablePlane> {
        let rows = &self.split.rows;
        let d = rows.dims;
        if d < 2 || columns.iter().any(|&c| c >= d) || columns[0] == columns[1] || network.layers.first()?.n_in != d {
            return None;
        }
        let n = (rows.train.len() / d).max(1);
        let means: Vec<Real> = (0..d).map(|k| rows.train.chunks_exact(d).map(|r| r[k]).sum::<Real>() / n as Real).collect();
        let cells = SIDE * SIDE;
        let at = |i: usize| -1.0 + (2 * i + 1) as Real / SIDE as Real;
        let grid: Vec<Real> = (0..cells)
            .flat_map(|cell| {
                let mut row = means.clone();
                row[columns[0]] = at(cell % SIDE);
                row[columns[1]] = -at(cell / SIDE);
                row
            })
            .collect();
        let mut workspace = Workspace::default();
        network.forward(&crate::features::rows_matrix(&grid, d), cells, &mut workspace, None);
        let out = network.output();
        let values = &workspace.a[network.layers.len() - 1][..out.n_out * cells];
        // A value is shown on the labels' range, as the points are.
        let (lo, hi) = self.split.train.iter().fold((Real::INFINITY, Real::NEG_INFINITY), |(lo, hi), p| (lo.min(p.label), hi.max(p.label)));
        let regression = self.config.data.problem == crate::config::Problem::Regression;
        let scale = |v: Real| if regression && hi > lo { 2.0 * (v - lo) / (hi - lo) - 1.0 } else { v };
        let (outputs, classes) = match out.n_out {
            1 => (values.iter().map(|&v| scale(crate::trainer::score(out.activation, v))).collect(), 1),
            k => (values.to_vec(), k),
        };
        let points = self.split.train.iter().zip(rows.train.chunks_exact(d)).map(|(p, r)| [r[columns[0]], r[columns[1]], scale(p.label)]).collect();
        Some(TablePlane { columns, outputs, classes, points, means })
    }
}

#[cfg(test)]
mod tests {
    use crate::table::{parse_table, Predict};
    use crate::{Config, Trainer};

    /// Passes when hours + 2 x grade is large; absences do nothing.
    fn students() -> Config {
        let mut text = String::from("horas,nota,faltas,aprobó\n");
        for i in 0..200 {
            let (h, g, f) = ((i * 7 % 20) as f64, (i * 13 % 10) as f64, (i % 5) as f64);
            text += &format!("{h},{g},{f},{}\n", u8::from(h + 2.0 * g > 19.0));
        }
        let table = parse_table(&text).expect("a table").choose(&[0, 1, 2], 3, Predict::Class).expect("columns");
        let mut c = Config::default();
        c.apply(crate::edit::Edit::Table(Box::new(table)));
        c.training.learning_rate = 0.1;
        c
    }

    #[test]
    fn the_plane_of_two_columns_shows_the_rule_and_holds_the_others_at_their_mean() {
        let mut t = Trainer::new(students()).expect("a run");
        for _ in 0..150 {
            t.step().expect("an epoch");
        }
        let p = t.table_plane(&t.network, [0, 1]).expect("a plane");
        assert_eq!((p.outputs.len(), p.classes, p.points.len(), p.means.len()), (super::SIDE * super::SIDE, 1, t.split.train.len(), 3));
        // Few hours and a low grade fail (orange, bottom left); many and a high one pass.
        let corner = |row: usize, col: usize| p.outputs[row * super::SIDE + col];
        assert!(corner(super::SIDE - 1, 0) < 0.0 && corner(0, super::SIDE - 1) > 0.0, "{} {}", corner(super::SIDE - 1, 0), corner(0, super::SIDE - 1));
        // Absences on an axis: the plane barely changes across them.
        let q = t.table_plane(&t.network, [2, 1]).expect("a plane");
        let spread = (0..super::SIDE).map(|c| q.outputs[25 * super::SIDE + c]).fold((crate::Real::MAX, crate::Real::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        assert!(spread.1 - spread.0 < 0.6, "absences matter little: {spread:?}");
        assert!(t.table_plane(&t.network, [1, 1]).is_none() && t.table_plane(&t.network, [0, 3]).is_none());
    }
}
