//! Fingerprints: FNV-1a, the one stable hash the project uses (links' seeds, the names of
//! points kept in the browser, hand-in codes' sums), and a network's exact weights hashed
//! with it, to compare runs across platforms bit for bit.

use super::Network;

/// FNV-1a, 64 bits, over `bytes`.
pub fn fnv1a_64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// FNV-1a, 32 bits, over `bytes`.
pub fn fnv1a_32(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// FNV-1a over the bits of every weight and bias, in order.
pub fn fingerprint(network: &Network) -> u64 {
    fnv1a_64(network.layers.iter().flat_map(|layer| layer.weights.iter().chain(&layer.biases)).flat_map(|v| v.to_bits().to_le_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_gives_the_published_values() {
        // The reference values of FNV-1a (Fowler, Noll, Vo) for "" and "a".
        assert_eq!(fnv1a_64(*b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(*b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a_32(b"a"), 0xe40c_292c);
    }
}
