//! The loops of the forward and backward passes over a batch laid out `[neuron][sample]`.
//! Training batches are small (10 samples by default, padded to 12), so the loops walk the
//! samples four at a time for a whole row at once rather than one short loop per weight.

use super::{math, Real};

/// z = W . prev + b for every row of a layer (W row-major, a row per bias), over a batch: four samples at a time in a
/// vector accumulator, each sum the bias plus the inputs' terms in order.
#[inline]
pub(crate) fn weighted_sums(weights: &[Real], biases: &[Real], prev: &[Real], batch: usize, z: &mut [Real]) {
    let n_in = weights.len() / biases.len().max(1);
    let full = batch / 4 * 4;
    for (r, zr) in z.chunks_exact_mut(batch).enumerate() {
        let w = &weights[r * n_in..(r + 1) * n_in];
        let b = biases[r];
        for s0 in (0..full).step_by(4) {
            let mut acc = [b; 4];
            for (&wi, p) in w.iter().zip(prev.chunks_exact(batch)) {
                let x: &[Real; 4] = p[s0..s0 + 4].try_into().expect("four samples");
                for k in 0..4 {
                    acc[k] += wi * x[k];
                }
            }
            zr[s0..s0 + 4].copy_from_slice(&acc);
        }
        for s in full..batch {
            let mut acc = b;
            for (&wi, p) in w.iter().zip(prev.chunks_exact(batch)) {
                acc += wi * p[s];
            }
            zr[s] = acc;
        }
    }
}

/// One row r of a layer's backward pass over a batch: dL/dW_ri += delta_r . a_i for every
/// input i and, with `da`, dL/da_i += w_ri delta_r. Each dot product is kept as four
/// running sums over whole groups of four samples (a vector accumulator), added up, then
/// the samples left over. Walking the samples four at a time for every input at once keeps
/// the loops few for the small batches of training.
#[inline]
pub(crate) fn row_backward(d: &[Real], prev: &[Real], batch: usize, w: &[Real], g: &mut [Real], mut da: Option<&mut [Real]>, sums: &mut Vec<[Real; 4]>) {
    sums.clear();
    sums.resize(w.len(), [0.0; 4]);
    let full = batch / 4 * 4;
    for s0 in (0..full).step_by(4) {
        let dv: [Real; 4] = d[s0..s0 + 4].try_into().expect("four samples");
        for (acc, p) in sums.iter_mut().zip(prev.chunks_exact(batch)) {
            let p: &[Real; 4] = p[s0..s0 + 4].try_into().expect("four samples");
            for k in 0..4 {
                acc[k] += dv[k] * p[k];
            }
        }
        if let Some(da) = da.as_deref_mut() {
            for (&wi, x) in w.iter().zip(da.chunks_exact_mut(batch)) {
                let x: &mut [Real; 4] = (&mut x[s0..s0 + 4]).try_into().expect("four samples");
                for k in 0..4 {
                    x[k] += wi * dv[k];
                }
            }
        }
    }
    for ((gi, acc), p) in g.iter_mut().zip(sums.iter()).zip(prev.chunks_exact(batch)) {
        let mut sum = acc[0] + acc[1] + acc[2] + acc[3];
        for s in full..batch {
            sum += d[s] * p[s];
        }
        *gi += sum;
    }
    if let Some(da) = da {
        for (&wi, x) in w.iter().zip(da.chunks_exact_mut(batch)) {
            for s in full..batch {
                x[s] += wi * d[s];
            }
        }
    }
}

/// softmax over the k rows of each sample's column, with the max subtracted first so that
/// exp never overflows.
pub(crate) fn softmax(z: &[Real], a: &mut [Real], k: usize, batch: usize) {
    for s in 0..batch {
        let zmax = (0..k).map(|j| z[j * batch + s]).fold(Real::NEG_INFINITY, Real::max);
        let mut sum = 0.0;
        for j in 0..k {
            let e = math::exp((z[j * batch + s] - zmax) as f64) as Real;
            a[j * batch + s] = e;
            sum += e;
        }
        for j in 0..k {
            a[j * batch + s] /= sum;
        }
    }
}
