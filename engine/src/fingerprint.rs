//! A fingerprint of a network's exact weights, to compare runs across platforms bit for bit.

use super::Network;

/// FNV-1a over the bits of every weight and bias, in order.
pub fn fingerprint(network: &Network) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for layer in &network.layers {
        for v in layer.weights.iter().chain(&layer.biases) {
            for byte in v.to_bits().to_le_bytes() {
                hash = (hash ^ byte as u64).wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    hash
}
