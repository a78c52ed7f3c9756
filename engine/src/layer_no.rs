//! How the page numbers layers, and how that meets the network's own numbering.

/// A layer as the page numbers it: in its links (`inspect=L,J`, `matrix=L`), its element ids
/// (`neuron-L-J`) and its diagram's columns, 0 is the inputs, 1 the first hidden layer and the
/// output layer is last. The network's own list of layers starts at the first hidden layer:
/// [`LayerNo::of`] and [`LayerNo::index`] go between the two, so no other code adds or takes
/// away one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LayerNo(usize);

impl LayerNo {
    /// The inputs' column.
    pub const INPUTS: LayerNo = LayerNo(0);

    /// Layer `number` as the page writes it.
    pub const fn new(number: usize) -> LayerNo {
        LayerNo(number)
    }

    /// The page's number of the network's layer `index` (`network.layers[index]`).
    pub const fn of(index: usize) -> LayerNo {
        LayerNo(index + 1)
    }

    /// The number as the page writes it.
    pub const fn number(self) -> usize {
        self.0
    }

    /// The network's index of this layer; `None` for the inputs.
    pub const fn index(self) -> Option<usize> {
        self.0.checked_sub(1)
    }

    /// The layer (or the inputs) that feeds this one; the inputs for the inputs.
    pub const fn below(self) -> LayerNo {
        LayerNo(self.0.saturating_sub(1))
    }
}

impl std::fmt::Display for LayerNo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}
