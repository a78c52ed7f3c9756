//! The picture in words, for those who cannot see it: the plane cut into 3 x 3 regions, and
//! what the network predicts in each (the class most of a region's points get, or the mean
//! value of a regression), read from the network as the picture is.

use crate::axes::PLANE;
use crate::{Real, Trainer};

/// Regions a side.
pub const REGIONS: usize = 3;
/// Points sampled a side within a region.
const SAMPLES: usize = 7;

/// What the network predicts in one region.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Region {
    /// The class most of its points get (for two classes 1 is blue, 0 orange).
    Class(usize),
    /// The mean output, for a regression, on the playground's scale.
    Value(Real),
}

impl Trainer {
    /// The 3 x 3 regions of the plane, row by row from the top left, as the network predicts
    /// them; none for data that are not points on the plane.
    pub fn regions(&self) -> Option<Vec<Region>> {
        if self.split.rows.dims > 0 {
            return None;
        }
        let k = self.config.data.classes.max(2);
        let regression = self.config.data.problem == crate::config::Problem::Regression;
        let side = 2.0 * PLANE / REGIONS as Real;
        let out = self.network.output().activation;
        Some(
            (0..REGIONS * REGIONS)
                .map(|r| {
                    let (left, top) = (-PLANE + side * (r % REGIONS) as Real, PLANE - side * (r / REGIONS) as Real);
                    let at = |i: usize| (i as Real + 0.5) / SAMPLES as Real * side;
                    let outputs: Vec<Vec<Real>> = (0..SAMPLES * SAMPLES).map(|s| self.outputs_at(left + at(s % SAMPLES), top - at(s / SAMPLES))).collect();
                    if regression {
                        let sum: Real = outputs.iter().map(|o| crate::predict::score(out, o[0])).sum();
                        return Region::Value(sum / outputs.len() as Real);
                    }
                    let mut votes = vec![0usize; k];
                    for o in &outputs {
                        votes[crate::predict::predicted_class(out, o, 1, 0).min(k - 1)] += 1;
                    }
                    Region::Class((0..k).max_by_key(|&c| (votes[c], std::cmp::Reverse(c))).unwrap_or(0))
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Dataset};

    #[test]
    fn a_trained_circle_is_blue_in_the_middle_and_orange_in_the_corners() {
        let mut c = Config::default();
        c.data.dataset = Dataset::Circle;
        let mut t = Trainer::new(c).expect("a run");
        for _ in 0..300 {
            t.step().expect("an epoch");
        }
        let r = t.regions().expect("regions");
        assert_eq!(r.len(), 9);
        assert_eq!(r[4], Region::Class(1), "the centre is the inner circle's, blue: {r:?}");
        for corner in [0, 2, 6, 8] {
            assert_eq!(r[corner], Region::Class(0), "corner {corner} is orange: {r:?}");
        }
    }
}
